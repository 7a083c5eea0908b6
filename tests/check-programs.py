#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks what the installed programs carry.

    check-programs.py BUILD_ROOT BENCHMARKS PROGRAM...

No program holds the path of the tree it was built in; unless the build is
for benchmarks, none holds the benchmarks' hooks. Prints TAP.
"""

import sys

build_root = sys.argv[1].encode()
benchmarks = sys.argv[2] == "true"
programs = sys.argv[3:]

print(f"1..{len(programs)}")
failed = 0
for number, path in enumerate(programs, 1):
    with open(path, "rb") as f:
        data = f.read()
    problems = []
    if build_root in data:
        problems.append(f"holds the build tree's path {build_root.decode()}")
    if not benchmarks and b"TANLU_EXIT_AFTER_FIRST_FRAME" in data:
        problems.append("holds the start-up benchmark's exit")
    if problems:
        failed += 1
        for problem in problems:
            print(f"# {path}: {problem}")
        print(f"not ok {number} - {path}")
    else:
        print(f"ok {number} - {path}")

sys.exit(1 if failed else 0)
