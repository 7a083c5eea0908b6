#!/usr/bin/env python3
"""Tanlu policy-target extraction tool (Python 3.11 standard library only).

Reads the seed policy texts and the reviewed decisions (decisions.json) and
writes plans.json, targets.json and joint-plan.json.

    python3 extract.py --seeds ../shared/seeds --out DIR
    python3 extract.py --seeds ../shared/seeds --report
    python3 extract.py --seeds ../shared/seeds --dump-candidates FILE

Stages
  (a) segment file 004 (the compilation) into documents;
  (b) find candidate numbers by rule (CANDIDATE_RULES below);
  (c) apply the reviewed decisions: every candidate must be accepted (with
      indicator, years, qualifier, quote) or rejected with a reason.
      Candidates without a decision are reported and are not output.

All offsets are Unicode code-point offsets into the file decoded as UTF-8
(Python str indices).  Nothing here reaches the network.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The policy texts, ../shared/seeds beside the source tree, or $TANLU_SHARED_DIR/seeds.
SEEDS = os.path.join(os.environ.get('TANLU_SHARED_DIR', os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared'))), 'seeds')

F000 = '000_c2f54a132cd1556d.txt'
F001 = '001_584b47d56115193d.txt'
F002 = '002_e744993642d99fa2.txt'
F003 = '003_6f48451176439fe3.txt'
F004 = '004_a895838ed2e4cd84.txt'

LEVELS = ('nation', 'ministry', 'province', 'city', 'district')
QUALIFIERS = ('exact', 'about', 'at_least', 'at_most')
VOCABULARY = {
    # indicator: (vocabulary unit, description)
    'co2_intensity_reduction_pct': ('%', 'CO2 emissions per unit of GDP: reduction vs base year, %'),
    'energy_intensity_reduction_pct': ('%', 'energy consumption per unit of GDP: reduction vs base year, %'),
    'nonfossil_share_pct': ('%', 'non-fossil share of primary energy consumption, %'),
    'coal_share_pct': ('%', 'coal share of energy consumption, %'),
    'forest_coverage_pct': ('%', 'forest coverage rate, %'),
    'forest_stock_100m_m3': ('亿立方米', 'forest stock volume, 100 million m3 (亿立方米)'),
    'co2_peak_year': ('year', 'year by which CO2 emissions peak (at_most = before/by that year)'),
    'carbon_neutral_year': ('year', 'year by which carbon neutrality is reached (at_most = before/by)'),
    'wind_solar_capacity_gw': ('GW', 'installed wind + solar power capacity, GW'),
    'renewable_capacity_gw': ('GW', 'installed renewable power capacity, GW'),
    'nev_share_pct': ('%', 'new-energy-vehicle share (of sales / fleet as scoped), %'),
    'green_building_share_pct': ('%', 'green-building share of new buildings, %'),
}

# unit as written -> (vocabulary/normalised unit, factor, explanation)
# Tanlu's own unit table (src/import/tanlu-units.c) gives every entry the
# same factor; tests/displayless/test-units.c reads this table to check it.
CONVERSIONS = {
    '%': ('%', 1, 'percent, unchanged'),
    '个百分点': ('percentage points', 1, 'percentage points, unchanged'),
    '亿千瓦': ('GW', 100, '1 亿千瓦 = 10^8 kW = 100 GW'),
    '万千瓦': ('GW', 0.01, '1 万千瓦 = 10^4 kW = 10 MW = 0.01 GW'),
    '千瓦': ('GW', 0.000001, '1 千瓦 = 1 kW = 10^-6 GW'),
    '兆瓦': ('GW', 0.001, '1 兆瓦 = 1 MW = 0.001 GW'),
    'MW': ('GW', 0.001, '1 MW = 0.001 GW'),
    '吉瓦': ('GW', 1, '1 吉瓦 = 1 GW'),
    'GW': ('GW', 1, 'GW, unchanged'),
    '万千伏安': ('MVA', 10, '1 万千伏安 = 10^4 kVA = 10 MVA'),
    '亿立方米': ('亿立方米', 1, '1 亿立方米 = 10^8 m3 (100 million m3); vocabulary unit, unchanged'),
    '万立方米': ('亿立方米', 0.0001, '1 万立方米 = 10^4 m3 = 0.0001 亿立方米'),
    '亿吨标准煤': ('Mtce', 100, '1 亿吨标准煤 = 10^8 t coal equivalent = 100 Mtce'),
    '万吨标准煤': ('Mtce', 0.01, '1 万吨标准煤 = 10^4 tce = 0.01 Mtce'),
    '吨标准煤': ('tce', 1, 'tonnes of standard coal equivalent, unchanged'),
    '亿吨标煤': ('Mtce', 100, '1 亿吨标煤 = 100 Mtce'),
    '万吨标煤': ('Mtce', 0.01, '1 万吨标煤 = 0.01 Mtce'),
    '吨标煤': ('tce', 1, 'tonnes of standard coal equivalent, unchanged'),
    '亿吨二氧化碳': ('Mt CO2', 100, '1 亿吨 = 100 Mt'),
    '万吨二氧化碳': ('Mt CO2', 0.01, '1 万吨 = 0.01 Mt'),
    '吨二氧化碳': ('t CO2', 1, 'tonnes, unchanged'),
    'year': ('year', 1, 'calendar year, unchanged'),
}

NUM = r'(?<![\d.])(\d+(?:\.\d+)?)'
# Stage (b): candidate rules.  kind -> regex; group 1 is the number,
# group 2 (if any) the unit.  A candidate is one match.
CANDIDATE_RULES = [
    ('pct', re.compile(NUM + r'\s*(%)')),
    ('pp', re.compile(NUM + r'\s*(个百分点)')),
    ('power', re.compile(NUM + r'\s*(亿千瓦|万千瓦|万千伏安|千瓦|兆瓦|吉瓦|GW|MW)(?!时|小时)')),
    ('volume', re.compile(NUM + r'\s*(亿立方米|万立方米)')),
    ('energy', re.compile(NUM + r'\s*((?:亿|万)?吨标(?:准)?煤)')),
    ('co2', re.compile(NUM + r'\s*((?:亿|万)?吨(?:二氧化碳|CO2))')),
    # a year followed (same sentence, within 14 chars) by 达峰/峰值/碳中和
    ('year', re.compile(r'(?<!\d)(20[2-9]\d)(?=\s*年[^。;；]{0,14}?(?:达峰|峰值|碳中和))')),
    # 到/至 a year, with 达峰/峰值/碳中和 later in the same sentence (goal sentences)
    ('year2', re.compile(r'(?<=[到至])(20[2-9]\d)(?=年[^。]{15,}?(?:达峰|峰值|碳中和))')),
]

PAGE_MARK = re.compile(r'第\d+页')
URL = re.compile(r'https?://[A-Za-z0-9:/._?=&#%\-+~]+')


def read(seeds, name):
    with open(os.path.join(seeds, name), encoding='utf-8') as f:
        return f.read()


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + '\n'


# ---------------------------------------------------------------- stage (a)
SECTION_TABLES = [
    # (kind, exact text that opens the table inside the long line)
    ('nation-table', '顶层设计2项发布单位政策文件发布日期'),
    ('ministry-table', '部委方案13项发布单位政策文件发布日期'),
    ('province-table', '23个省区方案62项发布单位政策文件(简写)发布日期'),
    ('city-table', '23城市方案40项发布单位政策文件发布日期'),
    ('appendix', '附表:全国双碳方案汇总表(113项)'),
]
HEADER = re.compile(r'第\d+页([\u4e00-\u9fff]{2,8}?)《([^《》]{4,160})》(https?://[A-Za-z0-9:/._?=&#%\-+~]+)')


def segment(s):
    """Split file 004 into documents.

    The text is one long line (line 50 of the file, after a plain-text TOC
    on lines 1-49).  Every document except the two national ones opens with
    a page marker, the issuer, the title in 《》 and the source URL.  The
    national section is special: the first document (the CPC Central
    Committee / State Council opinions) begins right after the page-1 marker
    with its first pages missing in the seed (its text starts mid-way
    through 工作原则), and the second opens with `国务院2030年前碳达峰行动方案扫码`.
    Section tables (lists of plans with dates) sit between the sections.
    """
    body_start = s.index('全国双碳行动方案汇编最新版2023.1目录')
    tables = []
    for kind, text in SECTION_TABLES:
        i = s.index(text, body_start)
        tables.append({'kind': kind, 'offset': i})
    starts = []
    # national document 1: after the first page marker following the TOC
    m1 = PAGE_MARK.search(s, s.index(SECTION_TABLES[0][1], body_start))
    starts.append({'offset': m1.end(), 'issuer': None, 'title': None,
                   'title_offset': None, 'url': None, 'header_end': m1.end(),
                   'truncated_start': True})
    # national document 2
    t2 = '国务院2030年前碳达峰行动方案扫码查看全文扫码下载原文'
    i2 = s.index(t2, body_start)
    starts.append({'offset': i2, 'issuer': '国务院', 'title': '2030年前碳达峰行动方案',
                   'title_offset': i2 + 3, 'url': None, 'header_end': i2 + len(t2),
                   'truncated_start': False})
    for m in HEADER.finditer(s, body_start):
        starts.append({'offset': m.start(1), 'issuer': m.group(1), 'title': m.group(2),
                       'title_offset': m.start(2), 'url': m.group(3), 'header_end': m.end(),
                       'truncated_start': False})
    starts.sort(key=lambda d: d['offset'])
    bounds = sorted([d['offset'] for d in starts] + [t['offset'] for t in tables] + [s.index('\n', body_start)])
    for d in starts:
        d['end'] = min(b for b in bounds if b > d['offset'])
        # drop a trailing page marker from the span
        tail = s[d['offset']:d['end']]
        m = re.search(r'第\d+页$', tail)
        if m:
            d['end'] = d['offset'] + m.start()
    section_of = {}
    for d in starts:
        prev = [t for t in tables if t['offset'] < d['offset']]
        section_of[d['offset']] = prev[-1]['kind'] if prev else None
    for d in starts:
        d['table'] = section_of[d['offset']]
    for i, t in enumerate(tables):
        nxt = [d['offset'] for d in starts if d['offset'] > t['offset']]
        t['end'] = min(nxt) if nxt else s.index('\n', body_start)
    return starts, tables


# ---------------------------------------------------------------- stage (b)
def find_candidates(s, docs):
    cands = []
    for d in docs:
        lo, hi = d['header_end'], d['end']
        text = s[lo:hi]
        for kind, rx in CANDIDATE_RULES:
            for m in rx.finditer(text):
                off = lo + m.start(1)
                if kind in ('year', 'year2'):
                    matched = m.group(1)
                    unit = 'year'
                else:
                    matched = s[off:lo + m.end()]
                    unit = m.group(2)
                # skip numbers that are part of a page marker
                pm = [p for p in PAGE_MARK.finditer(s, max(0, off - 2), off + 12)
                      if p.start() < off < p.end()]
                if pm:
                    continue
                num = m.group(1)
                cands.append({'id': '%d:%s' % (off, matched), 'offset': off, 'kind': kind,
                              'as_written': matched, 'number': num, 'unit': unit,
                              'doc_offset': d['offset']})
    cands.sort(key=lambda c: (c['offset'], c['id']))
    # the same text can match two rules (e.g. 吨标准煤 vs nothing); keep unique ids
    seen, out = set(), []
    for c in cands:
        if c['id'] not in seen:
            seen.add(c['id'])
            out.append(c)
    return out


def number(text):
    v = float(text)
    return int(v) if v == int(v) and '.' not in text else v


def sentence_bounds(s, off, lo, hi):
    a = max(s.rfind('。', lo, off), lo - 1) + 1
    b = s.find('。', off, hi)
    b = hi if b < 0 else b + 1
    return a, b


# ---------------------------------------------------------------- stage (c)
class Problems(list):
    def add(self, msg):
        self.append(msg)


def locate_quote(s, quote, anchor, lo, hi):
    """Offset of `quote` in s that contains position `anchor` (within lo..hi)."""
    start = max(lo, anchor - len(quote))
    while True:
        i = s.find(quote, start, hi)
        if i < 0 or i > anchor:
            return None
        if i <= anchor < i + len(quote):
            return i
        start = i + 1


def round6(x):
    y = round(x, 6)
    return int(y) if y == int(y) else y


def build(seeds, decisions):
    s4 = read(seeds, F004)
    docs, tables = segment(s4)
    cands = find_candidates(s4, docs)
    problems = Problems()

    # ---- plans
    pdec = decisions['plans']
    plans = []
    by_doc = {}
    used_keys = set()
    for d in docs:
        key = d['title'] if d['title'] else 'NATIONAL-1'
        if key not in pdec:
            problems.add('no plan decision for document at %d (%s)' % (d['offset'], key))
            continue
        used_keys.add(key)
        p = pdec[key]
        title, title_off = d['title'], d['title_offset']
        if title is None:
            title = p['title']
            title_off = s4.index(title, p.get('title_search_from', 0))
        rec = {
            'id': p['id'], 'title': title, 'title_offset': title_off,
            'issuing_body': p.get('issuing_body') or d['issuer'],
            'compilation_issuer_label': d['issuer'],
            'level': p['level'], 'compilation_section': d['table'].replace('-table', ''),
            'region_code': p['region_code'], 'region_name': p['region_name'],
            'seed_file': F004, 'offset': d['offset'], 'end_offset': d['end'],
            'source_url': d['url'], 'issue_date': None,
        }
        if p.get('joint_region_codes'):
            rec['joint_region_codes'] = p['joint_region_codes']
        if p.get('note'):
            rec['note'] = p['note']
        if d['truncated_start']:
            rec['start_truncated_in_seed'] = True
        idd = p.get('issue_date')
        if idd:
            q = idd['quote']
            seed = idd.get('seed_file', F004)
            txt = s4 if seed == F004 else read(seeds, seed)
            qoff = txt.find(q, idd.get('search_from', 0))
            if qoff < 0:
                problems.add('issue date quote not found for %s: %s' % (p['id'], q))
            else:
                rec['issue_date'] = idd['date']
                rec['issue_date_quote'] = q
                rec['issue_date_offset'] = qoff
                rec['issue_date_seed_file'] = seed
                rec['issue_date_basis'] = idd['basis']
        elif p.get('issue_date_null_reason'):
            rec['issue_date_null_reason'] = p['issue_date_null_reason']
        plans.append(rec)
        by_doc[d['offset']] = rec
    for k in pdec:
        if k not in used_keys:
            problems.add('plan decision without document: %s' % k)
    ids = [p['id'] for p in plans]
    if len(ids) != len(set(ids)):
        problems.add('duplicate plan ids')

    # ---- targets
    cdec = decisions['candidates']
    targets = []
    status = {}
    docs_by_off = {d['offset']: d for d in docs}
    for c in cands:
        dec = cdec.get(c['id'])
        if dec is None:
            status[c['id']] = 'undecided'
            continue
        if dec['decision'] == 'reject':
            if not dec.get('reason'):
                problems.add('reject without reason: %s' % c['id'])
                status[c['id']] = 'undecided'
            else:
                status[c['id']] = 'rejected'
            continue
        if dec['decision'] != 'accept':
            problems.add('bad decision %s' % c['id'])
            status[c['id']] = 'undecided'
            continue
        plan = by_doc.get(c['doc_offset'])
        d = docs_by_off[c['doc_offset']]
        tlist = dec['targets'] if 'targets' in dec else [dec]
        ok = True
        for t in tlist:
            q = t['quote']
            qoff = locate_quote(s4, q, c['offset'], d['header_end'], d['end'])
            if qoff is None:
                problems.add('quote not found around %s: %s' % (c['id'], q))
                ok = False
                continue
            if c['as_written'] not in q:
                problems.add('quote lacks value %s: %s' % (c['id'], q))
                ok = False
            conv_unit, factor, _ = CONVERSIONS[c['unit']]
            value = number(c['number'])
            ind = t['indicator']
            vu = VOCABULARY[ind][0] if ind in VOCABULARY else conv_unit
            if ind in VOCABULARY and vu != conv_unit:
                problems.add('unit %s does not convert to %s for %s' % (c['unit'], vu, c['id']))
            rec = {
                'plan_id': plan['id'], 'region_code': plan['region_code'],
                'indicator': ind, 'scope': t.get('scope', 'region'),
                'target_year': t['target_year'], 'base_year': t.get('base_year'),
                'value': value, 'qualifier': t['qualifier'],
                'unit': c['unit'], 'value_as_written': c['as_written'],
                'value_converted': round6(value * factor), 'unit_converted': conv_unit,
                'quote': q, 'quote_offset': qoff, 'seed_file': F004,
                'candidate_id': c['id'],
            }
            for opt in ('note', 'base_year_basis', 'target_year_basis'):
                if t.get(opt):
                    rec[opt] = t[opt]
            targets.append(rec)
        status[c['id']] = 'accepted' if ok else 'undecided'
    cand_ids = {c['id'] for c in cands}
    stale = sorted(k for k in cdec if k not in cand_ids)
    for k in stale:
        problems.add('decision for unknown candidate %s' % k)
    targets.sort(key=lambda t: (t['quote_offset'], t['candidate_id'], t['indicator']))

    joint = build_joint(seeds, decisions['joint_plan'], problems)
    return {
        's4': s4,
        'docs': docs, 'tables': tables, 'cands': cands, 'status': status,
        'plans': plans, 'targets': targets, 'joint': joint, 'problems': problems,
    }


# ---------------------------------------------------------------- joint plan
TASK_RE = re.compile(r'^(\d+)．([^。]+)。', re.M)
ACTION_RE = re.compile(r'^（([一二三四五六七八九十]+)）(区域[^。\n]*行动)。', re.M)
UNITS_RE = re.compile(r'（责任单位：([^）]*)）')


def build_joint(seeds, jd, problems):
    s3 = read(seeds, F003)
    out = {'seed_file': F003, 'other_copies': {
        F000: 'same plan from the official PDF (page numbers, broken spacing)',
        F002: 'same plan from a web page, paragraphs repeated and shuffled',
        F001: 'official interpretation (政策解读), traditional characters'}}
    # title, number, date
    meta = {}
    for key, item in jd['meta'].items():
        txt = read(seeds, item['seed_file'])
        i = txt.find(item['quote'])
        if i < 0:
            problems.add('joint meta quote missing %s' % key)
            continue
        meta[key] = {'value': item['value'], 'quote': item['quote'], 'offset': i,
                     'seed_file': item['seed_file']}
    out['meta'] = meta
    tasks_start = s3.index('二、重点任务')
    tasks_end = s3.index('三、保障措施')
    actions = []
    for m in ACTION_RE.finditer(s3, tasks_start, tasks_end):
        actions.append({'number': m.group(1), 'title': m.group(2), 'title_offset': m.start(2),
                        'offset': m.start(), 'tasks': []})
    tasks = []
    for m in TASK_RE.finditer(s3, tasks_start, tasks_end):
        n = int(m.group(1))
        para_end = s3.find('\n', m.start())
        para_end = tasks_end if para_end < 0 else para_end
        body = s3[m.start():para_end]
        um = UNITS_RE.search(body)
        cq_units, sc_units = [], []
        units_text = None
        units_offset = None
        if um:
            units_text = um.group(1)
            units_offset = m.start() + um.start(1)
            parts = units_text.split('；')
            cq_units = [u for u in re.split('[、，]', parts[0]) if u]
            sc_units = [u for u in re.split('[、，]', parts[1]) if u] if len(parts) > 1 else []
            extra = parts[2:]
        else:
            problems.add('task %d has no 责任单位' % n)
        text_end = m.start() + (um.start() if um else len(body))
        act = [a for a in actions if a['offset'] < m.start()][-1]
        t = {'number': n, 'title': m.group(2), 'title_offset': m.start(2),
             'offset': m.start(), 'text': s3[m.start():text_end], 'text_offset': m.start(),
             'action': act['number'],
             'responsible_units_text': units_text, 'responsible_units_offset': units_offset,
             'chongqing_units': cq_units, 'sichuan_units': sc_units,
             'chongqing_lead': cq_units[0] if cq_units else None,
             'sichuan_lead': sc_units[0] if sc_units else None,
             'sites': []}
        for e in (extra if um else []):
            if e.startswith('两省市列首位的为牵头单位'):
                t['units_rule_stated_here'] = e
            else:
                t['other_units'] = [u for u in re.split('[、，]', e) if u]
        if not (cq_units and cq_units[0].startswith(('重庆', '人行重庆')) and sc_units and sc_units[0].startswith(('四川', '人行成都'))):
            problems.add('task %d: unexpected unit sides %r / %r' % (n, cq_units[:1], sc_units[:1]))
        for site in jd['sites'].get(str(n), []):
            q = site['quote']
            qi = s3.find(q, m.start(), text_end)
            if qi < 0:
                problems.add('site quote not in task %d: %s' % (n, q))
                continue
            if site['name'] not in q:
                problems.add('site name not in quote task %d: %s' % (n, site['name']))
            rec = {'name': site['name'], 'quote': q, 'offset': qi,
                   'name_offset': qi + q.index(site['name']),
                   'kind': site['kind'], 'codes': site['codes'],
                   'location_basis': site['location_basis']}
            if site.get('note'):
                rec['note'] = site['note']
            t['sites'].append(rec)
        act['tasks'].append(n)
        tasks.append(t)
    if len(actions) != 10:
        problems.add('expected 10 joint actions, found %d' % len(actions))
    if [t['number'] for t in tasks] != list(range(1, 27)):
        problems.add('expected tasks 1..26, found %s' % [t['number'] for t in tasks])
    for k in jd['sites']:
        if int(k) not in [t['number'] for t in tasks]:
            problems.add('sites for unknown task %s' % k)
    out['actions'] = actions
    out['tasks'] = tasks
    out['units_rule'] = {'quote': '两省市列首位的为牵头单位，下同',
                         'offset': s3.index('两省市列首位的为牵头单位，下同'),
                         'meaning': 'the first unit listed for each of Chongqing and Sichuan leads'}
    out['region_codes'] = {'500000': '重庆市', '510000': '四川省'}
    return out


# ---------------------------------------------------------------- main
def write_outputs(res, out_dir, decisions):
    os.makedirs(out_dir, exist_ok=True)
    conv = {u: {'to': v[0], 'factor': v[1], 'explanation': v[2]} for u, v in CONVERSIONS.items()}
    vocab = {k: {'unit': v[0], 'description': v[1]} for k, v in VOCABULARY.items()}
    plans_doc = {'seed_file': F004, 'offsets': 'Unicode code points into the UTF-8-decoded seed file',
                 'plans': res['plans'],
                 'compilation_tables': [{'kind': t['kind'], 'offset': t['offset'], 'end_offset': t['end']}
                                        for t in res['tables']]}
    targets_doc = {'offsets': 'Unicode code points into the UTF-8-decoded seed file',
                   'conversions': conv, 'vocabulary': vocab,
                   'qualifiers': {'exact': 'value as stated', 'about': '左右',
                                  'at_least': '以上/不低于/超过/力争…以上/至少',
                                  'at_most': '以下/不超过/控制在/以内/年前 (before)'},
                   'targets': res['targets']}
    with open(os.path.join(out_dir, 'plans.json'), 'w', encoding='utf-8') as f:
        f.write(dump(plans_doc))
    with open(os.path.join(out_dir, 'targets.json'), 'w', encoding='utf-8') as f:
        f.write(dump(targets_doc))
    with open(os.path.join(out_dir, 'joint-plan.json'), 'w', encoding='utf-8') as f:
        f.write(dump(res['joint']))


def report(res, out=sys.stdout):
    plans = res['plans']
    levels = {}
    for p in plans:
        levels[p['level']] = levels.get(p['level'], 0) + 1
    sections = {}
    for p in plans:
        sections[p['compilation_section']] = sections.get(p['compilation_section'], 0) + 1
    tl = {}
    by_plan = {p['id']: p for p in plans}
    for t in res['targets']:
        lv = by_plan[t['plan_id']]['level']
        tl[lv] = tl.get(lv, 0) + 1
    st = {}
    for v in res['status'].values():
        st[v] = st.get(v, 0) + 1
    kinds = {}
    for c in res['cands']:
        k = kinds.setdefault(c['kind'], {})
        v = res['status'][c['id']]
        k[v] = k.get(v, 0) + 1
    print('documents segmented: %d' % len(res['docs']), file=out)
    print('plans per level: ' + ', '.join('%s %d' % (l, levels.get(l, 0)) for l in LEVELS), file=out)
    print('plans per compilation section: ' + ', '.join('%s %d' % kv for kv in sorted(sections.items())), file=out)
    print('targets: %d' % len(res['targets']), file=out)
    print('targets per plan level: ' + ', '.join('%s %d' % (l, tl.get(l, 0)) for l in LEVELS), file=out)
    ind = {}
    for t in res['targets']:
        k = t['indicator'] if not t['indicator'].startswith('other:') else 'other'
        ind[k] = ind.get(k, 0) + 1
    print('targets per indicator: ' + ', '.join('%s %d' % kv for kv in sorted(ind.items())), file=out)
    print('candidates: %d (accepted %d, rejected %d, undecided %d)' % (
        len(res['cands']), st.get('accepted', 0), st.get('rejected', 0), st.get('undecided', 0)), file=out)
    for k in sorted(kinds):
        print('  %-7s %s' % (k, ', '.join('%s %d' % kv for kv in sorted(kinds[k].items()))), file=out)
    und = [c for c in res['cands'] if res['status'][c['id']] == 'undecided']
    if und:
        print('undecided candidates:', file=out)
        for c in und[:200]:
            print('  %s' % c['id'], file=out)
        if len(und) > 200:
            print('  ... %d more' % (len(und) - 200), file=out)
    probe = recall_probe(res)
    print('recall probe: numbers in goal sentences (containing 到20XX年/20XX年前/十四五/十五五) that no candidate rule covers: %d' % probe['total'], file=out)
    print('  by following unit: ' + ', '.join('%s %d' % kv for kv in probe['units'][:25]), file=out)
    j = res['joint']
    print('joint plan: %d actions, %d tasks, %d sites' % (
        len(j['actions']), len(j['tasks']), sum(len(t['sites']) for t in j['tasks'])), file=out)
    if res['problems']:
        print('PROBLEMS (%d):' % len(res['problems']), file=out)
        for p in res['problems'][:100]:
            print('  ' + p, file=out)


GOAL_SENT = re.compile(r'(?:到|至)20\d\d年|20\d\d年前|十四五|十五五')
NUMBER = re.compile(r'(?<![\d.])\d+(?:\.\d+)?')


def recall_probe(res):
    """Count numbers in goal sentences that no candidate rule covers, by the
    unit word that follows them (a recall check: what the rules leave out)."""
    s = res['s4']
    covered = set()
    for c in res['cands']:
        covered.update(range(c['offset'], c['offset'] + len(c['as_written'])))
    units, total = {}, 0
    for d in res['docs']:
        lo, hi = d['header_end'], d['end']
        text = s[lo:hi]
        for sent in re.finditer(r'[^。]+', text):
            st = sent.group(0)
            if not GOAL_SENT.search(st):
                continue
            for m in NUMBER.finditer(st):
                off = lo + sent.start() + m.start()
                if off in covered:
                    continue
                after = s[off + len(m.group(0)):off + len(m.group(0)) + 4]
                if re.match(r'\s*年', after) or re.match(r'页', after) or re.match(r'[.．、]', after) \
                        or s[off - 1:off] == '第':
                    continue  # years, page markers, list numbering
                u = re.match(r'[^\d,，;；。、）)（(]{0,3}', after).group(0) or '(none)'
                units[u] = units.get(u, 0) + 1
                total += 1
    return {'total': total, 'units': sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))}


def dump_candidates(res, s4, path):
    by_doc = {p['offset']: p for p in res['plans']}
    docs = {d['offset']: d for d in res['docs']}
    rows = []
    for c in res['cands']:
        d = docs[c['doc_offset']]
        a, b = sentence_bounds(s4, c['offset'], d['header_end'], d['end'])
        p = by_doc.get(c['doc_offset'])
        rows.append(dict(c, plan_id=p['id'] if p else None, sentence=s4[a:b], sentence_offset=a,
                         status=res['status'][c['id']]))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(dump(rows))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seeds', default=SEEDS)
    ap.add_argument('--decisions', default=os.path.join(HERE, 'decisions.json'))
    ap.add_argument('--out', help='directory for plans.json, targets.json, joint-plan.json')
    ap.add_argument('--report', action='store_true', help='print counts and undecided candidates')
    ap.add_argument('--dump-candidates', metavar='FILE', help='write all candidates with context (for review)')
    a = ap.parse_args(argv)
    with open(a.decisions, encoding='utf-8') as f:
        decisions = json.load(f)
    res = build(a.seeds, decisions)
    if a.dump_candidates:
        dump_candidates(res, read(a.seeds, F004), a.dump_candidates)
    if a.out:
        write_outputs(res, a.out, decisions)
    if a.report or not (a.out or a.dump_candidates):
        report(res)
    return 1 if res['problems'] else 0


if __name__ == '__main__':
    sys.exit(main())
