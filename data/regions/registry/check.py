#!/usr/bin/env python3
"""Validate regions.csv, history.csv, mapping.csv and ceads-cities.csv.

    data/regions/registry/check.py DIR OLD_REGISTRY_CSV

DIR holds the files build.py wrote; OLD_REGISTRY_CSV is the registry the
mapping was made for (git show dd7fb9e:data/regions/regions.csv).  Exits
non-zero on any error and prints counts.  Python 3 standard library only.
"""

import collections
import csv
import os
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__.strip())
HERE = sys.argv[1]
LEVELS = {'nation', 'province', 'city', 'county'}
KINDS = {'renamed_code', 'merged', 'split', 'created'}
ACTIONS = {'keep', 'recode', 'historical', 'add'}
FIRST, LAST = 1990, 2030        # years checked for name clashes

errors = []


def err(msg):
    errors.append(msg)


def read(name, header):
    path = os.path.join(HERE, name)
    with open(path, encoding='utf-8', newline='') as f:
        r = csv.reader(f)
        got = next(r)
        if got != header:
            err('%s: header %s, expected %s' % (name, got, header))
        rows = []
        for i, row in enumerate(r, 2):
            if len(row) != len(header):
                err('%s:%d: %d fields, expected %d' % (name, i, len(row), len(header)))
                continue
            rows.append(dict(zip(header, row)))
    return rows


def year(s, what):
    if s == '':
        return None
    if not (s.isdigit() and len(s) == 4):
        err('%s: bad year %r' % (what, s))
        return None
    return int(s)


def span(u):
    f = year(u['valid_from'], u['code'])
    t = year(u['valid_to'], u['code'])
    return (f if f is not None else -10**6, t if t is not None else 10**6)


def main():
    regions = read('regions.csv', ['code', 'level', 'parent', 'name_zh', 'name_en', 'full_name_zh',
                                   'valid_from', 'valid_to', 'former_codes'])
    # The official name is checked as name_zh; the short one, as Tanlu shows
    # it, must begin as the official one does.
    for u in regions:
        u['short_zh'], u['name_zh'] = u['name_zh'], u['full_name_zh']
        if not u['short_zh'] or u['short_zh'][:2] != u['name_zh'][:2]:
            err('regions %s: short name %r does not begin as %r' % (u['code'], u['short_zh'],
                                                                   u['name_zh']))
    history = read('history.csv', ['old_code', 'old_name_zh', 'new_code', 'new_name_zh',
                                   'year', 'kind', 'note', 'source'])
    mapping = read('mapping.csv', ['registry_code', 'current_code', 'action'])
    ceads = read('ceads-cities.csv', ['ceads_name', 'province_zh', 'city_zh', 'code',
                                      'registry_name_zh', 'years', 'n_years', 'sheets',
                                      'match', 'note'])

    # ---- regions -----------------------------------------------------
    by = {}
    for u in regions:
        c = u['code']
        if not (c.isdigit() and len(c) == 6):
            err('regions: bad code %r' % c)
        if c in by:
            err('regions: duplicate code %s' % c)
        by[c] = u
        if u['level'] not in LEVELS:
            err('regions %s: bad level %r' % (c, u['level']))
        if not u['name_zh'] or not u['name_en']:
            err('regions %s: empty name' % c)
        f, t = span(u)
        if f > t:
            err('regions %s: valid_from after valid_to' % c)
    for u in regions:
        c, p = u['code'], u['parent']
        if u['level'] == 'nation':
            if p:
                err('regions %s: nation with a parent' % c)
            continue
        if p not in by:
            err('regions %s: parent %s missing' % (c, p))
            continue
        want = {'province': 'nation', 'city': 'province', 'county': 'province'}[u['level']]
        if by[p]['level'] != want:
            err('regions %s: parent %s is %s, expected %s' % (c, p, by[p]['level'], want))
        if u['level'] != 'province' and p[:2] != c[:2]:
            err('regions %s: parent %s in another province' % (c, p))
        for fc in filter(None, u['former_codes'].split(';')):
            if fc not in by:
                err('regions %s: former code %s missing' % (c, fc))
            elif span(by[fc])[1] >= span(u)[0]:
                err('regions %s: former code %s still valid when %s starts' % (c, fc, c))
    # English (and Chinese-plus-parent) names unique among units valid in a year
    for y in range(FIRST, LAST + 1):
        live = [u for u in regions if span(u)[0] <= y <= span(u)[1]]
        for key in ('name_en',):
            cnt = collections.Counter(u[key] for u in live)
            for n, k in cnt.items():
                if k > 1:
                    codes = [u['code'] for u in live if u[key] == n]
                    err('regions: %s %r used by %s in %d' % (key, n, ','.join(codes), y))
    # de-duplicate repeated year messages
    seen = set()
    uniq = []
    for e in errors:
        k = e.rsplit(' in ', 1)[0] if e.startswith('regions: name_en') else e
        if k not in seen:
            seen.add(k)
            uniq.append(e)
    errors[:] = uniq

    # ---- history -----------------------------------------------------
    for i, h in enumerate(history, 2):
        where = 'history:%d' % i
        y = year(h['year'], where)
        if h['kind'] not in KINDS:
            err('%s: bad kind %r' % (where, h['kind']))
        for side in ('old', 'new'):
            c = h[side + '_code']
            if not c:
                if side == 'new' or h['kind'] != 'created':
                    err('%s: empty %s_code' % (where, side))
                continue
            if c not in by:
                err('%s: %s_code %s not in regions.csv' % (where, side, c))
            elif h[side + '_name_zh'] != by[c]['name_zh']:
                err('%s: %s_name_zh %s != regions %s' % (where, side, h[side + '_name_zh'],
                                                          by[c]['name_zh']))
        if not h['source']:
            err('%s: no source' % where)
        o, n = by.get(h['old_code']), by.get(h['new_code'])
        if y is None or n is None:
            continue
        if h['kind'] in ('renamed_code', 'merged', 'split'):
            if o is None or span(o)[1] != y - 1:
                err('%s: %s should have valid_to %d' % (where, h['old_code'], y - 1))
        if h['kind'] in ('renamed_code', 'created') and span(n)[0] != y:
            err('%s: %s should have valid_from %d' % (where, h['new_code'], y))
        if h['kind'] in ('merged', 'split') and not (span(n)[0] <= y <= span(n)[1]):
            err('%s: successor %s not valid in %d' % (where, h['new_code'], y))
        if h['kind'] == 'renamed_code' and \
                h['old_code'] not in n['former_codes'].split(';'):
            err('%s: %s not in former_codes of %s' % (where, h['old_code'], h['new_code']))
    # every code that ended after 1996 must be explained by history
    ended = {h['old_code'] for h in history if h['kind'] != 'created'}
    for u in regions:
        t = span(u)[1]
        if t < 10**6 and t >= 1996 and u['code'] not in ended:
            err('regions %s: valid_to %d but no history row' % (u['code'], t))
    started = {h['new_code'] for h in history}
    for u in regions:
        f = span(u)[0]
        if f >= 1997 and u['code'] not in started:
            err('regions %s: valid_from %d but no history row' % (u['code'], f))

    # ---- mapping -----------------------------------------------------
    old_path = sys.argv[2]
    if not os.path.exists(old_path):
        old_path = os.path.join(HERE, 'work', 'old-regions.csv')
    with open(old_path, encoding='utf-8', newline='') as f:
        old_codes = [r['code'] for r in csv.DictReader(f)]
    mapped = collections.Counter(m['registry_code'] for m in mapping if m['registry_code'])
    for c in old_codes:
        if mapped[c] != 1:
            err('mapping: registry code %s has %d rows' % (c, mapped[c]))
    for c in mapped:
        if c not in old_codes:
            err('mapping: registry code %s not in %s' % (c, old_path))
    for i, m in enumerate(mapping, 2):
        if m['action'] not in ACTIONS:
            err('mapping:%d: bad action %r' % (i, m['action']))
        if m['current_code'] not in by:
            err('mapping:%d: current_code %s not in regions.csv' % (i, m['current_code']))
            continue
        cur = by[m['current_code']]
        if m['action'] in ('keep', 'recode', 'historical') and cur['valid_to']:
            err('mapping:%d: current_code %s is not current' % (i, m['current_code']))
        if m['action'] == 'keep' and m['registry_code'] != m['current_code']:
            err('mapping:%d: keep with a different code' % i)
        if m['action'] == 'add' and m['registry_code']:
            err('mapping:%d: add with a registry code' % i)
        if m['action'] == 'historical' and (m['registry_code'] not in by or
                                            not by[m['registry_code']]['valid_to']):
            err('mapping:%d: historical code %s has no valid_to' % (i, m['registry_code']))
        if m['action'] == 'recode' and m['registry_code'] not in by:
            err('mapping:%d: recoded code %s not kept as historical row' % (i, m['registry_code']))
    covered = set(old_codes) | {m['current_code'] for m in mapping}
    for c in by:
        if c not in covered:
            err('mapping: regions code %s has no mapping row' % c)

    # ---- ceads-cities ------------------------------------------------
    for i, r in enumerate(ceads, 2):
        if r['match'] == 'UNMATCHED' or not r['code']:
            print('warning: CEADs name %s matches no unit' % r['ceads_name'])
            continue
        u = by.get(r['code'])
        if u is None:
            err('ceads-cities:%d: code %s not in regions.csv' % (i, r['code']))
            continue
        ys = [int(y) for y in r['years'].split(';')]
        if len(ys) != int(r['n_years']):
            err('ceads-cities:%d: n_years' % i)
        f, t = span(u)
        bad = [y for y in ys if not f <= y <= t]
        if bad:
            err('ceads-cities:%d: %s not valid in %s' % (i, r['code'], bad))

    # ---- counts ------------------------------------------------------
    cur = [u for u in regions if not u['valid_to']]
    hist = [u for u in regions if u['valid_to']]
    lv = collections.Counter(u['level'] for u in cur)
    print('regions.csv: %d rows, %d current, %d historical' % (len(regions), len(cur), len(hist)))
    print('  current: nation %d, provinces %d, prefecture-level (city) %d, '
          'county-level held as cities (county) %d' % (lv['nation'], lv['province'], lv['city'], lv['county']))
    hl = collections.Counter(u['level'] for u in hist)
    print('  historical: prefecture-level %d, county-level %d' % (hl['city'], hl['county']))
    print('history.csv: %d rows %s' % (len(history), dict(collections.Counter(h['kind'] for h in history))))
    print('mapping.csv: %d rows %s' % (len(mapping), dict(collections.Counter(m['action'] for m in mapping))))
    names = {r['ceads_name'] for r in ceads}
    unmatched = {r['ceads_name'] for r in ceads if r['match'] == 'UNMATCHED'}
    print('ceads-cities.csv: %d rows, %d names, %d unmatched' % (len(ceads), len(names), len(unmatched)))
    if errors:
        for e in errors:
            print('ERROR:', e)
        print('FAILED: %d error(s)' % len(errors))
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
