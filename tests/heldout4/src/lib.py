"""Helpers for building the h4 held-out set: markup -> text + quote spans, and gold records.

Quote markup in article sources: “…” and "…" and ‘…’ are quotations; straight single
quotation marks are written <'…'> (so apostrophes can stay plain '). A quotation left
open at the end of a paragraph ends there (multi-paragraph quotations)."""
import json, os

PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019"}


def render(src):
    """Return (text, [quote texts in order])."""
    out = []
    quotes = []
    i = 0
    open_kind = None   # closing mark expected
    qstart = None
    n = len(src)
    while i < n:
        c = src[i]
        if src.startswith("<'", i) and open_kind is None:
            out.append("'"); open_kind = "'>"; qstart = len("".join(out)); i += 2; continue
        if open_kind == "'>" and src.startswith("'>", i):
            quotes.append("".join(out)[qstart:]); out.append("'"); open_kind = None; i += 2; continue
        if c == "\n" and open_kind is not None:
            quotes.append("".join(out)[qstart:].rstrip()); open_kind = None
            out.append(c); i += 1; continue
        if open_kind is None and c in PAIRS:
            out.append(c); open_kind = PAIRS[c]; qstart = len("".join(out)); i += 1; continue
        if open_kind is None and c == '"':
            out.append(c); open_kind = '"'; qstart = len("".join(out)); i += 1; continue
        if open_kind is not None and c == open_kind:
            quotes.append("".join(out)[qstart:]); out.append(c); open_kind = None; i += 1; continue
        if c in "\u201d\u2019" and open_kind is None:
            raise ValueError("stray closing mark at %r" % src[max(0, i - 40):i + 5])
        out.append(c); i += 1
    if open_kind is not None:
        quotes.append("".join(out)[qstart:].rstrip())
    return "".join(out), quotes


def R(code, grade, gaw, area, year, basis, evidence, alt=(), amb=False, notes=""):
    return dict(code=code, grade=grade, grade_as_written=gaw, area=area, year=year,
                alt_years=list(alt), when_basis=basis, evidence=evidence, ambiguous=amb, notes=notes)


def P(name, role, org):
    return dict(name=name, role=role, organisation=org)


def M(text, value, per=None):
    return dict(text=text, value=value, currency="GBP", per=per)


def build(a, outdir):
    text, qs = render(a["src"].strip("\n") + "\n")
    spec = a["quotes"]
    if len(spec) != len(qs):
        for k, q in enumerate(qs):
            print("  ", k, repr(q[:60]))
        raise SystemExit(f"{a['id']}: {len(qs)} quotes in text, {len(spec)} in spec")
    quotes = []
    for q, s in zip(qs, spec):
        if s == "X":
            quotes.append(dict(text=q, speaker=None, kind="scare"))
        elif s == "U":
            quotes.append(dict(text=q, speaker=None, kind="speech"))
        else:
            k, who = s.split(":", 1)
            quotes.append(dict(text=q, speaker=who, kind={"S": "speech", "R": "report"}[k]))
    names = {c["code"]: c["name"] for c in a["councils"]}
    ratings = []
    for r in a["ratings"]:
        assert r["evidence"] in text, (a["id"], r["evidence"])
        assert r["code"] in names, (a["id"], r["code"])
        rr = dict(subject=names[r["code"]])
        rr.update(r)
        ratings.append(rr)
    cur = 0
    for m in a["money"]:
        at = text.find(m["text"], cur)
        assert at >= 0, (a["id"], m["text"])
        cur = at + 1
    for c in a["councils"]:
        for w in c["as_written"]:
            assert w in text, (a["id"], w)
    for p in a["people"]:
        assert p["name"].split()[-1] in text, (a["id"], p["name"])
    for q in quotes:
        if q["speaker"] and q["kind"] == "speech":
            assert q["speaker"] in [p["name"] for p in a["people"]] or q["speaker"] in text, (a["id"], q["speaker"])
    if a["trap"]:
        assert not ratings
    g = dict(doc=a["id"] + ".txt", url=a["url"], outlet=a["outlet"], published=a["published"],
             published_basis=a["basis"], trap=a["trap"], councils=a["councils"], ratings=ratings,
             people=a["people"], money=a["money"], quotes=quotes, notes=a["notes"], id=a["id"])
    with open(os.path.join(outdir, a["id"] + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(outdir, a["id"] + ".json"), "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return g
