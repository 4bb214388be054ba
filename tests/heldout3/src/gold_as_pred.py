#!/usr/bin/env python3
"""gold_as_pred.py DIR: turn the gold of DIR into a prediction file (JSON lines, the shape
score.py reads) so that `score.py` on it must print 1.000 everywhere. A self-check of the gold."""
import json, os, sys

MARKS = "\"'\u201c\u201d\u2018\u2019"
d = sys.argv[1]
for n in sorted(os.listdir(d)):
    if not n.endswith(".json"):
        continue
    g = json.load(open(os.path.join(d, n), encoding="utf-8"))
    text = open(os.path.join(d, g["doc"]), encoding="utf-8").read()
    doc = {"id": g.get("id") or n[:-5], "text": text}
    doc["ratings"] = [{"subject": r["subject"], "code": r["code"], "grade": r["grade"],
                       "area": r["area"], "when": str(r["year"]) if r["year"] else None}
                      for r in g["ratings"]]
    ents = [{"kind": "authority", "code": c["code"], "text": c["name"]} for c in g["councils"]]
    ents += [{"kind": "person", "canonical": p["name"], "text": p["name"]} for p in g["people"]]
    doc["entities"] = ents
    quotes, cur = [], 0
    for q in g["quotes"]:
        t = q["text"]
        at = text.find(t, cur)
        while at > 0 and text[at - 1] not in MARKS:
            at = text.find(t, at + 1)
        assert at >= 0, (n, t)
        cur = at + 1
        quotes.append({"start": at, "end": at + len(t), "speaker": q["speaker"]})
    doc["quotes"] = quotes
    money, cur = [], 0
    for m in g["money"]:
        at = text.find(m["text"], cur)
        assert at >= 0, (n, m)
        cur = at + 1
        money.append({"start": at, "end": at + len(m["text"]), "value": m["value"], "per": m["per"]})
    doc["money"] = money
    print(json.dumps(doc, ensure_ascii=False))
