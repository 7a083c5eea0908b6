#!/usr/bin/env python3
"""Print 260 characters of file 004 before each given candidate id (review helper)."""
import os
import sys
s = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', '..', 'shared', 'seeds', '004_a895838ed2e4cd84.txt'), encoding='utf-8').read()
for a in sys.argv[1:]:
    o = int(a.split(':')[0])
    print(a, '::', s[o - 260:o + 40].replace('\n', ' '))
    print()
