#!/usr/bin/env python3
"""Helpers for tests/score/dates.sh and money.sh (python3, stdlib only).

  spans.py gold LAYER GOLD_DIR DOCS.jsonl [MIN_F1 MIN_VALUE]
      Score the LAYER ("dates" or "money") of the documents in DOCS.jsonl
      against GOLD_DIR/<id>.json.  One-to-one matching, greatest overlap
      first ("overlap") or same start and end ("exact"; a coordinated
      range also matches exactly on one of its "parts").  Gold items with
      "ambiguous": true count when matched and are not missed otherwise;
      a prediction inside an already matched item's parts is ignored.
      Value accuracy is over overlap-matched items with a gold value:
      dates compare the value string (or "value_likely"), money the
      number and the currency.  Prints "score:" lines; exits 1 when the
      overlap F1 < MIN_F1 or the value accuracy < MIN_VALUE.
  spans.py rt-docs SUITE.jsonl
      Recognizers-Text suite -> glean documents (published = the date
      part of reference_date when there is one).
  spans.py rt-pred LAYER SUITE.jsonl DOCS.jsonl [TYPES]
      glean output -> score-spans.py predictions; dates keep only the
      types listed (comma-separated, default date,daterange).
  spans.py rt-score LABEL MIN_F1 SCORER_OUTPUT
      Turn score-spans.py output into "score:" lines; exit 1 when the
      overlap F1 < MIN_F1 (MIN_F1 0: report only).
"""
import json
import re
import sys


def overlap(a, b):
    return min(a['end'], b['end']) - max(a['start'], b['start'])


def same_value(layer, g, p):
    if layer == 'money':
        if p.get('value') is None or g.get('value') is None:
            return False
        gv, pv = float(g['value']), float(p['value'])
        return abs(gv - pv) <= 1e-9 * max(1.0, abs(gv)) and \
            g.get('currency', 'GBP') == p.get('currency')
    alts = {str(g.get('value', '')).upper()}
    if g.get('value_likely'):
        alts.add(str(g['value_likely']).upper())
    return str(p.get('value', '')).upper() in alts


def gold(args):
    layer, gdir, docs = args[0], args[1], args[2]
    min_f1 = float(args[3]) if len(args) > 3 else 0
    min_val = float(args[4]) if len(args) > 4 else 0
    tot = {'exact': [0, 0, 0], 'overlap': [0, 0, 0]}   # tp, npred, ngold
    val = [0, 0]
    per = [0, 0]
    misses = []
    for line in open(docs, encoding='utf-8'):
        d = json.loads(line)
        try:
            g = json.load(open(f"{gdir}/{d['id']}.json", encoding='utf-8'))
        except OSError:
            continue
        golds = g.get(layer, [])
        preds = d.get(layer) or []
        for mode in ('exact', 'overlap'):
            free = list(range(len(preds)))
            matched = {}
            for gi, gi_item in sorted(enumerate(golds),
                                      key=lambda x: x[1]['start']):
                spans = [gi_item] + gi_item.get('parts', [])
                if mode == 'exact':
                    c = [i for i in free if any(
                        (preds[i]['start'], preds[i]['end']) ==
                        (s['start'], s['end']) for s in spans)]
                else:
                    c = sorted((i for i in free
                                if overlap(preds[i], gi_item) > 0),
                               key=lambda i: -overlap(preds[i], gi_item))
                if c:
                    matched[gi] = c[0]
                    free.remove(c[0])
            # predictions that only repeat a matched item's parts
            ignored = set()
            for gi, pi in matched.items():
                for i in free:
                    if golds[gi].get('parts') and \
                            overlap(preds[i], golds[gi]) > 0:
                        ignored.add(i)
            ngold = sum(1 for i, x in enumerate(golds)
                        if not x.get('ambiguous') or i in matched)
            tot[mode][0] += len(matched)
            tot[mode][1] += len(preds) - len(ignored)
            tot[mode][2] += ngold
            if mode == 'overlap':
                for gi, pi in matched.items():
                    if golds[gi].get('value') is not None:
                        ok = same_value(layer, golds[gi], preds[pi])
                        val[0] += ok
                        val[1] += 1
                        if not ok:
                            misses.append(f"VALUE {d['id']} {golds[gi]['text']!r}: want {golds[gi].get('value')} got {preds[pi].get('value')}")
                    if layer == 'money':
                        per[0] += golds[gi].get('per') == preds[pi].get('per')
                        per[1] += 1
                for gi, x in enumerate(golds):
                    if gi not in matched and not x.get('ambiguous'):
                        misses.append(f"MISS  {d['id']} {x['text']!r} [{x['start']},{x['end']})")
                for i in free:
                    if i not in ignored:
                        misses.append(f"EXTRA {d['id']} {preds[i]['text']!r} [{preds[i]['start']},{preds[i]['end']})")
    for m in misses:
        print(m, file=sys.stderr)
    f1s = {}
    for mode in ('exact', 'overlap'):
        tp, npred, ngold = tot[mode]
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s[mode] = f
        print(f"score: {layer} gold {mode} span P={p:.3f} R={r:.3f} "
              f"F1={f:.3f} (tp={tp} pred={npred} gold={ngold})")
    va = val[0] / val[1] if val[1] else 0.0
    print(f"score: {layer} gold value accuracy {val[0]}/{val[1]} = {va:.3f}")
    if layer == 'money' and per[1]:
        print(f"score: money gold per accuracy {per[0]}/{per[1]} = "
              f"{per[0] / per[1]:.3f}")
    ok = f1s['overlap'] >= min_f1 and va >= min_val
    print(f"score: {layer} gold thresholds overlap F1 >= {min_f1}, "
          f"values >= {min_val}: {'ok' if ok else 'BELOW'}")
    return 0 if ok else 1


def rt_docs(args):
    for i, line in enumerate(open(args[0], encoding='utf-8')):
        c = json.loads(line)
        d = {'id': f'rt{i}', 'text': c['input']}
        if c.get('reference_date'):
            d['published'] = c['reference_date'][:10]
        print(json.dumps(d, ensure_ascii=False))
    return 0


def rt_pred(args):
    layer, suite, docs = args[0], args[1], args[2]
    types = set((args[3] if len(args) > 3 else 'date,daterange').split(','))
    n = sum(1 for _ in open(suite, encoding='utf-8'))
    out = [None] * n
    for line in open(docs, encoding='utf-8'):
        d = json.loads(line)
        i = int(d['id'][2:])
        found = []
        for x in d.get(layer) or []:
            if layer == 'dates':
                # an anchored length of time ("the last three years")
                # is a period in the suites' terms
                if x.get('type') not in types and not (
                        x.get('type') == 'duration' and x.get('relative')):
                    continue
                v = x.get('value')
            else:
                v = {'value': str(x.get('value')),
                     'isoCurrency': x.get('currency')}
            found.append({'text': x['text'], 'start': x['start'],
                          'end': x['end'], 'value': v})
        out[i] = {'found': found}
    for o in out:
        print(json.dumps(o if o else {'found': []}, ensure_ascii=False))
    return 0


def rt_score(args):
    label, min_f1, path = args[0], float(args[1]), args[2]
    text = open(path, encoding='utf-8').read()
    f1 = 0.0
    for line in text.splitlines():
        m = re.match(r'(exact|overlap)\s+span: (P=\S+ R=\S+ F1=(\S+)) '
                     r'\(tp=(\d+)\); value accuracy on matched spans (.*)',
                     line)
        if m:
            print(f"score: {label} {m.group(1)} {m.group(2)} "
                  f"tp={m.group(4)}; values {m.group(5)}")
            if m.group(1) == 'overlap':
                f1 = float(m.group(3))
        elif 'cases' in line:
            print(f"score: {label} {line.split(': ', 1)[-1]}")
    if min_f1 > 0:
        ok = f1 >= min_f1
        print(f"score: {label} threshold overlap F1 >= {min_f1}: "
              f"{'ok' if ok else 'BELOW'}")
        return 0 if ok else 1
    return 0


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    fn = {'gold': gold, 'rt-docs': rt_docs, 'rt-pred': rt_pred,
          'rt-score': rt_score}.get(cmd)
    if not fn:
        sys.exit(__doc__)
    sys.exit(fn(sys.argv[2:]))
