#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every translatable string reaches the translators.

    check-translations.py SOURCE_ROOT

po/POTFILES.in names, sorted, every file with a translatable string, and
each catalogue in po/LINGUAS translates every string of those files, with
nothing fuzzy. Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
os.chdir(root)

MARKS = {
    ".c": re.compile(r'\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\('),
    ".h": re.compile(r'\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\('),
    ".ui": re.compile(r'translatable="yes"'),
}
KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
            "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
            "--flag=g_set_error:4:c-format"]

listed = [line.strip() for line in open("po/POTFILES.in", encoding="utf-8")
          if line.strip() and not line.startswith("#")]
tracked = subprocess.run(["git", "ls-files", "src", "ui", "data"], capture_output=True, text=True,
                         check=False).stdout.split()
if not tracked:
    tracked = [os.path.relpath(os.path.join(d, f)) for top in ("src", "ui", "data")
               for d, _, fs in os.walk(top) for f in fs]

needed = []
for path in tracked:
    extension = os.path.splitext(path)[1]
    if extension in MARKS:
        with open(path, encoding="utf-8") as f:
            if MARKS[extension].search(f.read()):
                needed.append(path)
    elif path.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
        needed.append(path)

problems = []
for path in sorted(set(needed) - set(listed)):
    problems.append(f"po/POTFILES.in does not list {path}, which has translatable strings")
for path in sorted(set(listed) - set(needed)):
    problems.append(f"po/POTFILES.in lists {path}, which has no translatable strings")
if listed != sorted(listed):
    problems.append("po/POTFILES.in is not sorted")

print("1..2")
if problems:
    for problem in problems:
        print("# " + problem)
    print("not ok 1 - po/POTFILES.in lists every file with translatable strings")
else:
    print("ok 1 - po/POTFILES.in lists every file with translatable strings")

languages = [line.strip() for line in open("po/LINGUAS", encoding="utf-8")
             if line.strip() and not line.startswith("#")]
missing = []
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "tanlu.pot")
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=tanlu",
                    "--output", pot, "--files-from", "po/POTFILES.in"] + KEYWORDS, check=True)
    for language in languages:
        merged = os.path.join(tmp, language + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
                        f"po/{language}.po", pot], check=True)
        for kind in ("--untranslated", "--only-fuzzy"):
            out = subprocess.run(["msgattrib", kind, "--no-obsolete", merged], capture_output=True,
                                 text=True, check=True).stdout
            # Each entry's msgid, on one line or continued over several;
            # the header's is empty.
            for first, rest in re.findall(r'^msgid "(.*)"\n((?:".*"\n)*)', out, re.M):
                msgid = first + "".join(re.findall(r'^"(.*)"$', rest, re.M))
                if msgid:
                    missing.append(f"{language}: {kind[2:]}: {msgid}")

if missing:
    for line in missing:
        print("# " + line)
    print("not ok 2 - every catalogue translates every string")
    sys.exit(1)
print(f"ok 2 - every catalogue translates every string ({', '.join(languages)})")
sys.exit(1 if problems else 0)
