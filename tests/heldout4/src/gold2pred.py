"""gold2pred.py DIR: documents (docs.py output) annotated from the gold, to check score.py gives 1.000."""
import json, os, subprocess, sys
d = sys.argv[1]
docs = [json.loads(l) for l in subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "ofsted-dev", "docs.py"), d],
        capture_output=True, text=True, check=True).stdout.splitlines()]
MARKS = "\"'\u201c\u201d\u2018\u2019"
for doc in docs:
    g = json.load(open(os.path.join(d, doc["id"] + ".json")))
    t = doc["text"]
    doc["ratings"] = [dict(subject=r["subject"], code=r["code"], grade=r["grade"], area=r["area"],
                           when=str(r["year"]) if r["year"] else "") for r in g["ratings"]]
    doc["entities"] = [dict(kind="authority", code=c["code"], text=c["as_written"][0]) for c in g["councils"]] + \
                      [dict(kind="person", text=p["name"], canonical=p["name"]) for p in g["people"]]
    qs, cur = [], 0
    for q in g["quotes"]:
        at = t.find(q["text"], cur)
        while at > 0 and t[at - 1] not in MARKS:
            at = t.find(q["text"], at + 1)
        assert at >= 0, (doc["id"], q["text"])
        qs.append(dict(start=at, end=at + len(q["text"]), speaker=q["speaker"], kind=q["kind"]))
        cur = at + 1
    doc["quotes"] = qs
    ms, cur = [], 0
    for m in g["money"]:
        at = t.find(m["text"], cur)
        ms.append(dict(start=at, end=at + len(m["text"]), value=m["value"], per=m["per"]))
        cur = at + 1
    doc["money"] = ms
    print(json.dumps(doc, ensure_ascii=False))
