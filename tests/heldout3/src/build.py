#!/usr/bin/env python3
"""build.py: writes tests/heldout3/h3-NN.txt + h3-NN.json from the article modules in this
folder (arts1.py, arts2.py, arts3.py). Quotes and money are found in the text mechanically and
checked against the hand-written speaker lists; every council name, person, rating evidence must
occur in the text. Run: python3 src/build.py"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import arts1, arts2, arts3

ARTS = arts1.ARTS + arts2.ARTS + arts3.ARTS


def find_quotes(text):
    """Spans between quotation marks, paragraph by paragraph. Marks: “…”, ‘…’, "…".
    A quotation that is not closed in its paragraph runs to the paragraph's end (the
    multi-paragraph convention: one entry per paragraph). Apostrophes are straight (')."""
    out = []
    pos = 0
    for para in text.split("\n"):
        i = 0
        while i < len(para):
            c = para[i]
            close = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}.get(c)
            if close:
                j = para.find(close, i + 1)
                if j < 0:
                    out.append((pos + i + 1, pos + len(para)))
                    i = len(para)
                else:
                    out.append((pos + i + 1, pos + j))
                    i = j + 1
            else:
                i += 1
        pos += len(para) + 1
    return out


MONEY = re.compile(r"£\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|million|billion)\b)?")
PER = re.compile(r"^(?:\s|-)*(?:a|per|each)[ -](year|month|week|day)\b")


def money_value(t):
    m = re.match(r"£([\d,]*(?:\.\d+)?)\s?(bn|m|k|million|billion)?$", t)
    v = float(m.group(1).replace(",", ""))
    mult = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3}.get(m.group(2), 1)
    v = v * mult
    return int(round(v)) if abs(v - round(v)) < 1e-6 else v


def build(a):
    text = a["text"].strip("\n") + "\n"
    errs = []
    # quotes
    spans = find_quotes(text)
    specs = a["quotes"]
    if len(spans) != len(specs):
        errs.append(f"{len(spans)} quote spans but {len(specs)} specs:\n  " +
                    "\n  ".join(repr(text[s:e][:60]) for s, e in spans))
    quotes = []
    for (s, e), sp in zip(spans, specs):
        if sp == "X":
            kind, who = "scare", None
        else:
            k, who = sp.split(":", 1)
            kind = {"S": "speech", "R": "report"}[k]
        quotes.append({"text": text[s:e], "speaker": who, "kind": kind})
    # money
    money = []
    for m in MONEY.finditer(text):
        t = m.group(0).rstrip(",.")
        pm = PER.match(text[m.end():])
        money.append({"text": t, "value": money_value(t), "currency": "GBP",
                      "per": a.get("per", {}).get(t, pm.group(1) if pm else None)})
    # councils
    councils = []
    names = {}
    for name, code, aw in a["councils"]:
        names[code] = name
        for w in aw:
            if w not in text:
                errs.append(f"council form not in text: {w!r}")
        councils.append({"name": name, "code": code, "as_written": aw})
    people = []
    for name, role, org in a["people"]:
        if name.split()[-1] not in text:
            errs.append(f"person not in text: {name}")
        people.append({"name": name, "role": role, "organisation": org})
    for q in quotes:
        if q["kind"] == "speech" and q["speaker"] not in [p["name"] for p in people] and q["speaker"] not in a.get("orgs", []):
            errs.append(f"speaker not a person/org: {q['speaker']}")
    ratings = []
    for r in a["ratings"]:
        code, grade, area, year, alt, basis, ev = r[:7]
        opt = r[7] if len(r) > 7 else {}
        if ev not in text:
            errs.append(f"evidence not in text: {ev!r}")
        if code not in names:
            errs.append(f"rating code not among councils: {code}")
        ratings.append({"subject": names.get(code), "code": code, "grade": grade,
                        "grade_as_written": opt.get("as_written", grade), "area": area,
                        "year": year, "alt_years": alt, "when_basis": basis, "evidence": ev,
                        "ambiguous": opt.get("ambiguous", False), "notes": opt.get("notes", "")})
    if a["trap"] and ratings:
        errs.append("trap with ratings")
    g = {"doc": a["id"] + ".txt", "url": a["url"], "outlet": a["outlet"],
         "published": a["published"], "published_basis": a["published_basis"],
         "trap": a["trap"], "councils": councils, "ratings": ratings, "people": people,
         "money": money, "quotes": quotes, "notes": a["notes"], "id": a["id"]}
    return text, g, errs


def main():
    bad = 0
    ids = set()
    for a in ARTS:
        assert a["id"] not in ids, a["id"]
        ids.add(a["id"])
        text, g, errs = build(a)
        if errs:
            bad += 1
            print(f"== {a['id']}:\n" + "\n".join(errs))
        with open(os.path.join(OUT, a["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(OUT, a["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(g, f, ensure_ascii=False, indent=1)
            f.write("\n")
    if "-q" in sys.argv:
        return
    for a in ARTS:
        text, g, errs = build(a)
        print(f"-- {a['id']} trap={g['trap']} ratings={len(g['ratings'])} quotes={len(g['quotes'])} money={len(g['money'])}")
        if "-v" in sys.argv:
            for q in g["quotes"]:
                print(f"   Q {q['kind']:6} {str(q['speaker']):28} {q['text'][:70]!r}")
            for m in g["money"]:
                print(f"   M {m['text']!r} {m['value']} {m['per']}")
    print("articles:", len(ARTS), "with errors:", bad)


if __name__ == "__main__":
    main()
