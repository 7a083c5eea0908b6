#!/usr/bin/env python3
"""Merge the draft proposals with the hand review (tools/overrides.txt) into
decisions.json["candidates"] (helper; extract.py only reads decisions.json).

overrides.txt syntax (one per line, '#' comments):
  @plan PLAN_ID scope=...            default scope for accepted targets of a plan
  ID R reason text                   reject with reason
  ID A key=val; key=val              accept, patching the draft (keys: ind ty by bb q quote scope note tb)
  ID T [json list of target dicts]   accept with several targets (full fields)
  ID OK                              accept the draft as is (explicit review mark)
"""
import json, sys, re

KEYMAP = {'ind': 'indicator', 'ty': 'target_year', 'by': 'base_year', 'bb': 'base_year_basis',
          'q': 'qualifier', 'quote': 'quote', 'scope': 'scope', 'note': 'note', 'tb': 'target_year_basis'}


def conv(k, v):
    v = v.strip()
    if k in ('target_year', 'base_year'):
        return None if v in ('', 'null', 'None') else int(v)
    return v


def parse(path):
    plan_scope, ov = {}, {}
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if line.startswith('@plan '):
            _, pid, rest = line.split(' ', 2)
            k, v = rest.split('=', 1)
            plan_scope[pid] = v.strip()
            continue
        cid, op, *rest = line.split(' ', 2)
        rest = rest[0] if rest else ''
        if op == 'R':
            ov[cid] = {'decision': 'reject', 'reason': rest.strip()}
        elif op == 'OK':
            ov[cid] = {'decision': 'accept'}
        elif op == 'A':
            d = {'decision': 'accept'}
            for part in re.split(r';\s*(?=\w+=)', rest):
                if not part.strip():
                    continue
                k, v = part.split('=', 1)
                d[KEYMAP[k.strip()]] = conv(KEYMAP[k.strip()], v)
            ov[cid] = d
        elif op == 'T':
            ov[cid] = {'decision': 'accept', 'targets': json.loads(rest)}
        else:
            raise SystemExit('%s:%d bad op %s' % (path, ln, op))
    return plan_scope, ov


def main():
    cands = json.load(open('tools/work/cands.json', encoding='utf-8'))
    draft = json.load(open('tools/work/draft.json', encoding='utf-8'))
    plan_scope, ov = parse('tools/overrides.txt')
    dec = json.load(open('decisions.json', encoding='utf-8'))
    out = {}
    FIELDS = ('indicator', 'target_year', 'base_year', 'qualifier', 'quote', 'scope', 'note', 'base_year_basis', 'target_year_basis')
    for c in cands:
        cid = c['id']
        d = draft[cid]
        o = ov.get(cid)
        if o and o['decision'] == 'reject':
            out[cid] = o
            continue
        if o is None and d['decision'] == 'reject':
            out[cid] = {'decision': 'reject', 'reason': d['reason']}
            continue
        if o and 'targets' in o:
            ts = []
            for t in o['targets']:
                t = dict(t)
                t.setdefault('scope', plan_scope.get(c['plan_id'], 'region'))
                ts.append(t)
            out[cid] = {'decision': 'accept', 'targets': ts}
            for t in ts:
                t.setdefault('base_year', None)
            continue
        base = dict(d.get('proposed', {})) if d['decision'] == 'reject' else dict(d)
        if o:
            base.update({k: v for k, v in o.items() if k != 'decision'})
        rec = {'decision': 'accept'}
        for f in FIELDS:
            if f in base and base[f] is not None and base[f] != '':
                rec[f] = base[f]
        rec.setdefault('base_year', None)
        rec['base_year'] = base.get('base_year')
        rec.setdefault('scope', plan_scope.get(c['plan_id'], 'region'))
        if 'indicator' not in rec or '???' in rec['indicator'] or rec.get('target_year') is None:
            # not reviewed into a usable decision: leave undecided
            continue
        out[cid] = rec
    dec['candidates'] = out
    with open('decisions.json', 'w', encoding='utf-8') as f:
        f.write(json.dumps(dec, ensure_ascii=False, sort_keys=True, indent=1) + '\n')
    print('decisions:', len(out), 'of', len(cands), 'overrides:', len(ov))


if __name__ == '__main__':
    main()
