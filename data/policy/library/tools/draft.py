#!/usr/bin/env python3
"""Draft decisions for review (helper; NOT used by extract.py).

Reads the candidate dump written by `extract.py --dump-candidates` and
proposes, for each candidate, an accept (indicator, years, qualifier, quote)
or a reject (reason) by keyword rules.  The proposals were then reviewed by
hand, plan by plan; corrections live in tools/overrides.txt and the merged,
reviewed result is decisions.json (see tools/merge.py).

    python3 extract.py --dump-candidates tools/work/cands.json
    python3 tools/draft.py tools/work/cands.json ../shared/seeds tools/work/draft.json tools/work/review.txt
    python3 tools/merge.py   (writes decisions.json["candidates"])
"""
import json
import re
import sys

DELIM = ',;，；。:：'
HEADING = re.compile(r'(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|(?<![\d.])\d{1,2}[.．、](?!\d))')
YEAR_CTX = [
    (re.compile(r'(?:到|至|截至|截止到?|力争到|争取到)\s*(20\d\d)\s*年'), 'to'),
    (re.compile(r'(20\d\d)\s*年(?:前|底|末|左右)'), 'by'),
    (re.compile(r'(?:^|[。;,，：:、])\s*(20\d\d)\s*年(?:[,，]|全[省市区国])'), 'start'),
    (re.compile(r'(20[2-6]\d)\s*年(?:实现|达到|建成|完成|全面)'), 'in'),
]
FIVE_YEAR = re.compile(r'“?十四五”?|“?十五五”?')
BASE = re.compile(r'(?:比|较|相比|与|对比|相较于?)\s*((?:19|20)\d\d)\s*年')
BASE2 = re.compile(r'((?:19|20)\d\d)\s*年(?:基础上|水平上|为基[数准]|的基础上)')
PAST = re.compile(r'(“?十三五”?(?:期间|时期|以来|末)|已经|已建成|已累计|累计完成|完成了|实现了|下降了|提高了|达到了|增长了|超额完成|截至20(?:1\d|20|21|22)年|20(?:0\d|1\d|20|21)年(?:全[省市区国]|[,，]|底|末|我[省市区国])|比2015年|较2015年|同比)')
FINANCE = re.compile(r'(税率|利率|贴息|补贴|奖补|奖励|资助|资金|费用|优惠|减免|价格|电价|股权|占股|担保|贷款|融资|保费|出资|按.{0,8}给予|给予.{0,10}补)')

KEYS = [
    # (indicator, required regexes on subject text, kinds)
    ('co2_intensity_reduction_pct', [r'(单位(国内|地区)?生产总值|单位GDP|万元GDP|万元(地区)?生产总值|GDP)(的)?(二氧化碳|碳排放)|(二氧化碳|碳)排放强度|碳强度', r'下降|降低|减少|降幅'], ('pct',)),
    ('energy_intensity_reduction_pct', [r'(单位(国内|地区)?生产总值|单位GDP|万元GDP|万元(地区)?生产总值|GDP)(的)?(能耗|能源消耗|综合能耗)|能耗强度|能源消耗强度', r'下降|降低|减少|降幅'], ('pct',)),
    ('nonfossil_share_pct', [r'非化石能源', r'比重|占比|比例|占'], ('pct',)),
    ('coal_share_pct', [r'煤炭|煤', r'比重|占比|比例|占', r'消费'], ('pct',)),
    ('forest_coverage_pct', [r'森林覆盖率'], ('pct',)),
    ('forest_stock_100m_m3', [r'森林蓄积'], ('volume',)),
    ('wind_solar_capacity_gw', [r'风电', r'太阳能|光伏', r'装机'], ('power',)),
    ('renewable_capacity_gw', [r'可再生能源', r'装机'], ('power',)),
    ('nev_share_pct', [r'新能源(汽)?车|新能源和清洁能源|电动(汽)?车', r'比重|占比|比例|占|渗透率'], ('pct',)),
    ('green_building_share_pct', [r'绿色建筑', r'比重|占比|比例|占'], ('pct',)),
]
EXCLUDE_VOCAB = re.compile(r'工业增加值|工业单位增加值|增加值能耗|产值|营运|行业|领域|园区|企业|公共机构|建筑|交通|人均|单位面积|电力')

GLOSSARY = [
    (r'可再生能源.{0,6}装机.{0,6}(比重|占比)', 'renewable share of installed power capacity'),
    (r'非化石能源.{0,6}装机.{0,6}(比重|占比)', 'non-fossil share of installed power capacity'),
    (r'非化石能源.{0,8}发电量.{0,6}(比重|占比)', 'non-fossil share of power generation'),
    (r'清洁能源.{0,8}装机.{0,6}(比重|占比)', 'clean-energy share of installed power capacity'),
    (r'可再生能源.{0,8}(消费|利用).{0,6}(比重|占比)', 'renewable share of energy consumption'),
    (r'可再生能源.{0,6}电力消纳.{0,6}(比重|权重)', 'renewable electricity consumption weight'),
    (r'可再生能源.{0,4}(替代率)', 'renewable substitution rate'),
    (r'清洁能源.{0,8}(消费)?.{0,4}(比重|占比)', 'clean-energy share'),
    (r'天然气.{0,8}(消费)?.{0,4}(比重|占比)', 'natural-gas share of energy consumption'),
    (r'(石油|油品).{0,8}(比重|占比)', 'oil share of energy consumption'),
    (r'电能.{0,10}(比重|占比)|电气化率|电力.{0,6}终端能源消费.{0,4}(比重|占比)', 'electricity share of final energy consumption'),
    (r'煤电.{0,8}(比重|占比)', 'coal-power share'),
    (r'规模以上工业单位增加值能耗|工业单位增加值能耗|单位工业增加值能耗|单位工业增加值能源消耗', 'industrial energy per unit value added: reduction'),
    (r'单位工业增加值二氧化碳|工业单位增加值二氧化碳|单位工业增加值碳排放', 'industrial CO2 per unit value added: reduction'),
    (r'万元产值综合能耗', 'energy per 10k yuan output value: reduction'),
    (r'万元产值二氧化碳', 'CO2 per 10k yuan output value: reduction'),
    (r'单位(地区生产总值|GDP|国内生产总值)用水量|万元(GDP|地区生产总值)用水量', 'water use per unit GDP: reduction'),
    (r'单位建设用地', 'GDP per unit construction land / land use'),
    (r'光伏.{0,10}装机|太阳能.{0,10}装机', 'solar PV installed capacity'),
    (r'风电.{0,10}装机', 'wind installed capacity'),
    (r'新能源.{0,10}装机', 'new-energy (wind/solar) installed capacity'),
    (r'抽水蓄能', 'pumped-storage hydro capacity'),
    (r'新型储能|储能', 'energy storage capacity'),
    (r'水电.{0,8}装机|水电', 'hydropower capacity'),
    (r'核电', 'nuclear power capacity'),
    (r'煤电', 'coal power capacity'),
    (r'天然气.{0,8}(产量|产能|生产)|(产量|产能).{0,6}天然气', 'natural gas output'),
    (r'页岩气', 'shale gas output'),
    (r'煤层气', 'coalbed methane output'),
    (r'储气', 'gas storage capacity'),
    (r'绿色出行', 'green travel share'),
    (r'公共交通.{0,10}(分担率|出行|比例)|公交.{0,6}分担率', 'public transport mode share'),
    (r'大宗固废|一般工业固(体)?废(物)?.{0,8}利用率|工业固(体)?废(物)?.{0,8}利用率', 'solid-waste utilisation rate'),
    (r'秸秆', 'crop straw utilisation rate'),
    (r'畜禽粪(污|便)', 'livestock manure utilisation rate'),
    (r'化肥', 'fertiliser use efficiency'),
    (r'农药', 'pesticide use efficiency'),
    (r'草原.{0,6}(植被)?(综合)?盖度', 'grassland vegetation cover'),
    (r'湿地保护率', 'wetland protection rate'),
    (r'绿地率|绿化覆盖率', 'urban green-space coverage'),
    (r'林木覆盖率', 'tree coverage rate'),
    (r'装配式', 'prefabricated-building share of new construction'),
    (r'超低能耗|近零能耗', 'ultra-low / near-zero energy buildings'),
    (r'数据中心.{0,12}PUE|PUE', 'data centre PUE'),
    (r'能效标杆', 'share of capacity at energy-efficiency benchmark level'),
    (r'电炉钢|短流程', 'electric-arc-furnace steel share'),
    (r'再生(铝|铜|铅|有色)', 'recycled non-ferrous metal share/output'),
    (r'研发.{0,6}(投入|经费)', 'R&D spending share'),
    (r'战略性新兴产业', 'strategic emerging industries share'),
    (r'高技术制造业', 'high-tech manufacturing share'),
    (r'数字经济', 'digital economy share'),
    (r'绿色(信贷|贷款)', 'green loans growth/share'),
    (r'生活垃圾.{0,10}(回收|资源化|利用)', 'municipal solid waste recycling/resource-use rate'),
    (r'污水.{0,10}(处理|资源化|再生)', 'wastewater treatment / reuse rate'),
    (r'清洁取暖', 'clean heating rate'),
    (r'温室气体|甲烷', 'non-CO2 greenhouse gas'),
]


def clause(s, off, end, lo, hi):
    a = max([s.rfind(ch, lo, off) for ch in DELIM] + [lo - 1]) + 1
    bs = [s.find(ch, end, hi) for ch in DELIM]
    bs = [b for b in bs if b >= 0]
    b = min(bs + [hi])
    return a, b


VERB_START = re.compile(r'^\s*(分别|达到|下降|降低|提高|提升|增长|力争|比|较|年均|累计|占|超过|不低于|控制|保持|稳定|均|达|实现|确保|其中|以上|左右|提升至|提高到|增加)')


def draft(c, s, docs_bounds):
    lo, hi = docs_bounds
    off = c['offset']
    end = off + len(c['as_written'])
    a, b = clause(s, off, end, lo, hi)
    left = s[a:off]
    # extend left if clause lacks a subject
    ext = 0
    while (VERB_START.search(left) or len(left.strip()) < 4) and ext < 2 and a > lo:
        a2, _ = clause(s, a - 2, a - 1, lo, hi)
        if off - a2 > 90:
            break
        a = a2
        left = s[a:off]
        ext += 1
    # qualifier
    after = s[end:end + 6]
    near = s[max(a, off - 10):off]
    kind = c['kind']
    if kind in ('year', 'year2'):
        aft = s[end:end + 4]
        if kind == 'year2':
            q = 'at_most'
        elif aft.startswith('年前后') or aft.startswith('年左右'):
            q = 'about'
        elif aft.startswith('年前') or aft.startswith('年底前'):
            q = 'at_most'
        else:
            q = 'exact'
    elif after.startswith('左右'):
        q = 'about'
    elif after[:3].find('以上') >= 0:
        q = 'at_least'
    elif after.startswith(('以下', '以内')):
        q = 'at_most'
    elif re.search(r'(不低于|不少于|至少|超过|突破|高于|大于|不小于|≥|>)\s*$', near):
        q = 'at_least'
    elif re.search(r'(不超过|不高于|控制在|低于|少于|小于|不大于|≤|<)\s*$', near):
        q = 'at_most'
    else:
        q = 'exact'
    # extend right to include qualifier word
    qend = end
    for w in ('左右', '以上', '以下', '以内'):
        if s.startswith(w, end):
            qend = end + len(w)
    if kind in ('year', 'year2'):
        m = re.match(r'\s*年[^。;]{0,40}?(达峰|峰值|碳中和)(目标)?', s[end:hi])
        qend = end + m.end() if m else end + 1
        if kind == 'year2':
            m = re.match(r'[^。]*?(碳中和目标[^,，。;]{0,6}实现|实现碳中和|碳中和|达到峰值|达峰|峰值)', s[end:hi])
            qend = end + m.end() if m else end
        a = min(a, off - 1) if s[off - 1] in '到至' else a
        if s[off - 1] in '到至':
            a = off - 1
    quote = s[a:qend].strip()
    qa = s.find(quote, a)
    # trim quotes longer than 100 chars from the left
    if len(quote) > 100:
        quote = quote[-100:]
    # year context
    ctx_lo = max(lo, off - 400)
    seg = s[ctx_lo:off]
    # do not cross headings
    hs = list(HEADING.finditer(seg))
    best = None
    for rx, tag in YEAR_CTX:
        for m in rx.finditer(seg):
            if best is None or m.end() > best[0]:
                best = (m.end(), int(m.group(1)), tag, ctx_lo + m.start(1))
    fy = None
    for m in FIVE_YEAR.finditer(seg):
        if fy is None or m.end() > fy[0]:
            fy = (m.end(), 2025 if '四' in m.group(0) else 2030, 'fyp', ctx_lo + m.start())
    if fy and (best is None or fy[0] > best[0]):
        best = fy
    if kind in ('year', 'year2'):
        ty = int(c['number'])
        tbasis = None
    elif best:
        ty = best[1]
        dist = off - best[3]
        crossing = [h for h in hs if h.start() + ctx_lo > best[3]]
        tbasis = '%s %d chars back%s' % (best[2], dist, ' CROSSES HEADING' if crossing else '')
    else:
        ty = None
        tbasis = 'NONE'
    # base year
    by = None
    bb = None
    cl_text = s[a:off]
    m = None
    for m in BASE.finditer(cl_text):
        pass
    if m:
        by = int(m.group(1))
    else:
        for m in BASE2.finditer(cl_text):
            by = int(m.group(1))
    sent_a = max(s.rfind('。', lo, off), lo - 1) + 1
    sent = s[sent_a:s.find('。', off, hi) + 1 if s.find('。', off, hi) >= 0 else hi]
    subject = s[a:off]
    prop = {'quote': quote, 'qualifier': q, 'target_year': ty, 'base_year': by}
    flags = []
    if tbasis and ('CROSSES' in tbasis or 'NONE' in tbasis):
        flags.append('YEAR?')
    # indicator
    ind = None
    if kind in ('year', 'year2'):
        seg2 = s[off:qend]
        if '《' in s[max(lo, off - 30):off] and '》' in s[off:off + 40] and s.rfind('《', lo, off) > s.rfind('》', lo, off):
            return {'decision': 'reject', 'reason': 'year inside a document title'}, flags, sent
        if s[off - 1] in '比较':
            return {'decision': 'reject', 'reason': 'base-year mention (比/较 YEAR), not a peak or neutrality year'}, flags, sent
        tail = s[off:min(hi, off + 160)]
        tail = tail[:tail.find('。')] if '。' in tail else tail
        mm = re.search(r'(达峰|峰值|碳中和)', tail)
        if mm and re.search(r'(奠定|基础|打下|支撑|助力|贡献|迈进|技术|路径|体系|示范|试点|工作)', tail[mm.end():mm.end() + 12]) and not re.search(r'(实现|达到)(碳)?(达峰|峰值)$|碳中和目标.{0,4}实现$', tail[:mm.end()]):
            return {'decision': 'reject', 'reason': '碳达峰/碳中和 named only as purpose or context (奠定基础/助力/技术…), no year target stated', 'proposed': {'quote': s[max(lo, off - 20):off + mm.end()]}}, flags, sent
        if kind == 'year2' and re.search(c['number'] + r'\s*年前[^。]{0,12}(达峰|峰值|碳中和)', tail[4:]):
            return {'decision': 'reject', 'reason': 'duplicate: the same sentence states the target again as YEAR年前…, recorded at that candidate'}, flags, sent
        if '碳中和' in seg2 and not re.search(r'达峰|峰值', seg2):
            ind = 'carbon_neutral_year'
        else:
            ind = 'co2_peak_year'
        if re.search(r'领域|行业|工业|建筑|交通|城乡|农业|能源|电力|企业', s[max(a, off - 30):qend]):
            flags.append('SECTOR?')
    else:
        for name, reqs, kinds in KEYS:
            if kind in kinds and all(re.search(r, subject) for r in reqs):
                if name in ('co2_intensity_reduction_pct', 'energy_intensity_reduction_pct', 'coal_share_pct', 'nonfossil_share_pct') and EXCLUDE_VOCAB.search(subject):
                    continue
                if name in ('nonfossil_share_pct', 'coal_share_pct') and re.search(r'装机|发电', subject):
                    continue
                ind = name
                break
        if ind is None:
            for rx, note in GLOSSARY:
                if re.search(rx, subject):
                    ind = 'other: ' + note
                    break
        if ind is None:
            ind = 'other: ??? ' + subject[-30:]
            flags.append('NOTE?')
    prop['indicator'] = ind
    # rejections by rule
    if '《' in s[max(lo, off - 40):off] and s.rfind('《', lo, off) > s.rfind('》', lo, off):
        return {'decision': 'reject', 'reason': 'number inside a document title'}, flags, sent
    if PAST.search(s[a:qend]) or (ty and ty <= 2021 and kind not in ('year', 'year2')):
        return {'decision': 'reject', 'reason': 'historical figure / achievement, not a target', 'proposed': prop}, flags, sent
    if kind == 'pct' and FINANCE.search(s[a:qend]):
        return {'decision': 'reject', 'reason': 'policy-instrument parameter (funding, price, tax, loan, subsidy), not an outcome target', 'proposed': prop}, flags, sent
    if ty is None:
        return {'decision': 'reject', 'reason': 'no target year stated or inferable', 'proposed': prop}, flags, sent
    if ind.startswith(('co2_intensity', 'energy_intensity')) and by is None:
        if tbasis and tbasis.startswith('fyp'):
            prop['base_year'] = 2020
            prop['base_year_basis'] = 'implied by the 十四五 period (2021-2025)'
    prop['decision'] = 'accept'
    prop['_tbasis'] = tbasis
    return prop, flags, sent


def main():
    cands = json.load(open(sys.argv[1], encoding='utf-8'))
    s = open(sys.argv[2] + '/004_a895838ed2e4cd84.txt', encoding='utf-8').read()
    import importlib.util
    spec = importlib.util.spec_from_file_location('extract', __file__.replace('tools/draft.py', 'extract.py'))
    ex = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ex)
    docs, _ = ex.segment(s)
    db = {d['offset']: (d['header_end'], d['end']) for d in docs}
    out = {}
    lines = []
    cur = None
    for c in cands:
        prop, flags, sent = draft(c, s, db[c['doc_offset']])
        out[c['id']] = prop
        if c['plan_id'] != cur:
            cur = c['plan_id']
            lines.append('=== %s' % cur)
        if prop['decision'] == 'accept':
            lines.append('%s A %s | %s %s<-%s %s | %s | %s %s' % (
                c['id'], ' '.join(flags), prop['indicator'], prop['target_year'], prop['base_year'],
                prop['qualifier'], prop['quote'], prop.get('_tbasis'), ''))
        else:
            p = prop.get('proposed', {})
            lines.append('%s R %s | %s | %s' % (c['id'], ' '.join(flags), prop['reason'], p.get('quote', s[c['offset'] - 25:c['offset'] + 15])))
    json.dump(out, open(sys.argv[3], 'w', encoding='utf-8'), ensure_ascii=False, indent=1, sort_keys=True)
    open(sys.argv[4], 'w', encoding='utf-8').write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
