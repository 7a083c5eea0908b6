#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the source tree keeps its layers.

    check-includes.py SRC_DIR

A folder of src/ may include its own files and those of the folders below
it, never one above it; folders on the same level may use each other only
one way round. Nothing below widgets/ includes GTK, libadwaita or
libshumate. A page never includes another page. Prints each violation
and exits 1 if there is any; prints TAP for meson.
"""

import os
import re
import sys

# Lowest first. Folders on one line are on the same level.
LEVELS = [
    ["store"],
    ["geo", "import"],
    ["figures", "charts", "map", "pathways", "policy"],
    ["cli"],
    ["widgets"],
    ["pages"],
    ["app"],
    [""],  # main.c and the forward declarations in tanlu-types.h
]
# Below this level, no toolkit.
FIRST_GRAPHICAL = "widgets"
GRAPHICAL_HEADERS = re.compile(r"^(gtk|gdk|gsk|shumate)/|^adwaita\.h$")
# Same-level pairs that would be a layering mistake even without a cycle.
FORBIDDEN = {("geo", "import")}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)

rank = {}
for i, level in enumerate(LEVELS):
    for folder in level:
        rank[folder] = i


def area_of(relative):
    """The area of a file: its first folder, or pages/<page> for a page."""
    parts = relative.split("/")
    if len(parts) == 1:
        return ""
    if parts[0] == "pages" and len(parts) > 2:
        return "pages/" + parts[1]
    return parts[0]


def unit_of(relative):
    """A .c file, its header and its -private.h are one unit."""
    stem = relative.rsplit(".", 1)[0]
    return stem[: -len("-private")] if stem.endswith("-private") else stem


def level_of(area):
    return rank[area.split("/")[0]]


def main():
    src = sys.argv[1]
    files = {}
    for root, _, names in os.walk(src):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                path = os.path.join(root, name)
                files[os.path.relpath(path, src)] = path

    problems = []
    edges = {}
    area_edges = {}
    for relative, path in sorted(files.items()):
        area = area_of(relative)
        if area.split("/")[0] not in rank:
            problems.append(f"{relative}: the folder {area} has no place among the layers")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for kind, target in INCLUDE.findall(text):
            if kind == "<":
                if GRAPHICAL_HEADERS.search(target) and level_of(area) < rank[FIRST_GRAPHICAL]:
                    problems.append(f"{relative}: includes <{target}>, but {area}/ is below widgets/")
                continue
            if target == "config.h" or target.endswith("-enums.h") or target.endswith("-resources.h"):
                continue
            if "/" in target:
                resolved = os.path.normpath(target)
            else:
                # The including file's folder first, then src/ itself.
                resolved = os.path.normpath(os.path.join(os.path.dirname(relative), target))
                if resolved not in files:
                    resolved = target
            if resolved not in files:
                problems.append(f"{relative}: includes \"{target}\", which is not in src/")
                continue
            edges.setdefault(relative, set()).add(resolved)
            other = area_of(resolved)
            if other == area or resolved == "tanlu-types.h":
                continue
            if level_of(other) > level_of(area):
                problems.append(f"{relative}: {area or 'src'}/ includes {resolved}, from the higher {other}/")
            elif level_of(other) == level_of(area):
                if area.startswith("pages/") or (area, other) in FORBIDDEN:
                    problems.append(f"{relative}: {area}/ must not include {resolved} from {other}/")
                else:
                    area_edges.setdefault(area, set()).add(other)

    # Folders on one level may use each other one way round only.
    for a, targets in sorted(area_edges.items()):
        for b in sorted(targets):
            if a < b and a in area_edges.get(b, set()):
                problems.append(f"{a}/ and {b}/ include each other")

    # No unit (a .c file with its .h and -private.h) uses itself through
    # others.
    units = {}
    for source, targets in edges.items():
        for target in targets:
            a, b = unit_of(source), unit_of(target)
            if a != b:
                units.setdefault(a, set()).add(b)
    edges = units
    state = {}

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                problems.append("include cycle: " + " → ".join(cycle))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])

    print("1..1")
    if problems:
        for problem in problems:
            print("# " + problem)
        print("not ok 1 - the layers of src/ hold")
        return 1
    print(f"ok 1 - the layers of src/ hold ({len(files)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
