#!/usr/bin/env python3
"""Print candidates of given plans with their current decision and context (review helper)."""
import json, sys
cands = json.load(open('tools/work/cands.json', encoding='utf-8'))
dec = json.load(open('decisions.json', encoding='utf-8'))['candidates']
draft = json.load(open('tools/work/draft.json', encoding='utf-8'))
s = open('/work/shared/seeds/004_a895838ed2e4cd84.txt', encoding='utf-8').read()
args = sys.argv[1:]
W = 55
if args and args[0].startswith('-w'):
    W = int(args[0][2:]); args = args[1:]
want = set(args)
for c in cands:
    if c['plan_id'] not in want and c['id'] not in want:
        continue
    d = dec.get(c['id'])
    o = c['offset']
    aw = c['as_written']
    ctx = s[max(0, o - W):o] + '【' + aw + '】' + s[o + len(aw):o + len(aw) + 14]
    if d is None:
        dd = draft[c['id']]
        p = 'UNDECIDED ' + (dd.get('indicator') or dd.get('proposed', {}).get('indicator', '') or '')
    elif d['decision'] == 'accept':
        ts = d.get('targets', [d])
        p = ' || '.join('%s|%s|%s<-%s|%s|%s' % (t['indicator'], t.get('scope', ''), t['target_year'], t.get('base_year'), t['qualifier'], t['quote']) for t in ts)
    else:
        p = 'R: ' + d['reason'][:50]
    VOC = ('co2_intensity', 'energy_intensity', 'nonfossil', 'coal_share', 'forest_', 'wind_solar', 'renewable_cap', 'co2_peak', 'carbon_neutral', 'nev_share', 'green_building')
    simple = d is not None and d['decision'] == 'accept' and 'targets' not in d and d['indicator'].startswith(VOC) and c['kind'] not in ('year', 'year2') and len(d['quote']) < 40
    simple = simple or (d is not None and d['decision'] == 'reject' and ('title' in d['reason'] or 'duplicate' in d['reason']))
    if simple:
        print('%s %s' % (c['id'], p))
    else:
        print('%s %s\n   %s' % (c['id'], p, ctx.replace('\n', ' ')))
