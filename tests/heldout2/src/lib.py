import json, re, os
OUT = "tests/heldout2"
C = {
 "walsall": ("Walsall Metropolitan Borough Council", "E08000030"),
 "dudley": ("Dudley Metropolitan Borough Council", "E08000027"),
 "sandwell": ("Sandwell Metropolitan Borough Council", "E08000028"),
 "peterborough": ("Peterborough City Council", "E06000031"),
 "wakefield": ("Wakefield Metropolitan District Council", "E08000036"),
 "blackpool": ("Blackpool Borough Council", "E06000009"),
 "kingston": ("Royal Borough of Kingston upon Thames", "E09000021"),
 "richmond": ("London Borough of Richmond upon Thames", "E09000027"),
 "windsor": ("Royal Borough of Windsor and Maidenhead", "E06000040"),
 "derby": ("Derby City Council", "E06000015"),
 "nottingham": ("Nottingham City Council", "E06000018"),
 "dorsetcc": ("Dorset County Council", "E10000009"),
 "dorset": ("Dorset Council", "E06000059"),
 "bcp": ("Bournemouth, Christchurch and Poole Council", "E06000058"),
 "poole": ("Borough of Poole", "E06000029"),
 "bournemouth": ("Bournemouth Borough Council", "E06000028"),
 "plymouth": ("Plymouth City Council", "E06000026"),
 "torbay": ("Torbay Council", "E06000027"),
 "devon": ("Devon County Council", "E10000008"),
 "shropshire": ("Shropshire Council", "E06000051"),
 "telford": ("Telford and Wrekin Council", "E06000020"),
 "bucks": ("Buckinghamshire Council", "E06000060"),
 "buckscc": ("Buckinghamshire County Council", "E10000002"),
 "mk": ("Milton Keynes Council", "E06000042"),
 "northantscc": ("Northamptonshire County Council", "E10000021"),
 "nnorthants": ("North Northamptonshire Council", "E06000061"),
 "wnorthants": ("West Northamptonshire Council", "E06000062"),
 "middlesbrough": ("Middlesbrough Council", "E06000002"),
 "stockton": ("Stockton-on-Tees Borough Council", "E06000004"),
 "darlington": ("Darlington Borough Council", "E06000005"),
 "hartlepool": ("Hartlepool Borough Council", "E06000001"),
 "redcar": ("Redcar and Cleveland Borough Council", "E06000003"),
 "cumberland": ("Cumberland Council", "E06000063"),
 "westmorland": ("Westmorland and Furness Council", "E06000064"),
 "cumbriacc": ("Cumbria County Council", "E10000006"),
 "nyorks": ("North Yorkshire Council", "E06000065"),
 "nyorkscc": ("North Yorkshire County Council", "E10000023"),
 "york": ("City of York Council", "E06000014"),
 "somerset": ("Somerset Council", "E06000066"),
 "somersetcc": ("Somerset County Council", "E10000027"),
 "hull": ("Hull City Council", "E06000010"),
 "eriding": ("East Riding of Yorkshire Council", "E06000011"),
 "towerhamlets": ("London Borough of Tower Hamlets", "E09000030"),
 "hackney": ("London Borough of Hackney", "E09000012"),
 "newham": ("London Borough of Newham", "E09000025"),
}
OPEN = {"\u201d": "\u201c", "\u2019": "\u2018", '"': '"'}
TAG = re.compile(r"⟦([^⟧]*)⟧")

def build(id, date, basis, outlet, slug, text, trap, councils, ratings, people, money, notes):
    text = text.strip("\n") + "\n"
    quotes = []; out = []; pos = 0; plain = ""
    for m in TAG.finditer(text):
        plain += text[pos:m.start()]; pos = m.end()
        tag = m.group(1)
        # find quote text ending at len(plain)
        end = len(plain)
        if plain[end-1] in OPEN:
            close = plain[end-1]; op = OPEN[close]
            st = plain.rfind(op, 0, end-1)
            qt = plain[st+1:end-1]
        else:
            para = plain.rfind("\n", 0, end)
            cand = [plain.rfind(c, para+1, end) for c in ("\u201c", '"')]
            st = max(cand); assert st >= 0, (id, tag, plain[-80:])
            qt = plain[st+1:end]
        assert "\n" not in qt, (id, qt)
        if tag == "X": sp, kind = None, "scare"
        elif tag.startswith("R"): sp, kind = (tag[2:] or "Ofsted"), "report"
        elif tag.startswith("S:"): sp, kind = tag[2:], "speech"
        else: raise ValueError(tag)
        quotes.append({"text": qt, "speaker": sp, "kind": kind})
    plain += text[pos:]
    assert "⟦" not in plain
    cl = []
    for key, aw in councils:
        n, c = C[key]; cl.append({"name": n, "code": c, "as_written": aw})
    rl = []
    for r in ratings:
        key, grade, area, year, ev = r[:5]
        o = dict(r[5]) if len(r) > 5 else {}
        n, c = C[key]
        assert ev in plain, (id, ev)
        rl.append({"subject": n, "code": c, "grade": grade, "grade_as_written": o.get("gw", grade),
                   "area": area, "year": year, "alt_years": o.get("alt", []),
                   "when_basis": o.get("basis", "publication date"), "evidence": ev,
                   "ambiguous": o.get("amb", False), "notes": o.get("notes", "")})
    pl = [{"name": a, "role": b, "organisation": c} for a, b, c in people]
    for p in pl:
        assert p["name"].split()[-1] in plain, (id, p)
    ml = []; cur = 0
    for t, v, per in money:
        at = plain.find(t, cur); assert at >= 0, (id, t); cur = at + 1
        ml.append({"text": t, "value": v, "currency": "GBP", "per": per})
    g = {"doc": id + ".txt", "url": "https://example.org/" + slug, "outlet": outlet,
         "published": date, "published_basis": basis, "trap": trap, "councils": cl,
         "ratings": rl, "people": pl, "money": ml, "quotes": quotes, "notes": notes, "id": id}
    if trap: assert not rl
    open(os.path.join(OUT, id + ".txt"), "w", encoding="utf-8").write(plain)
    json.dump(g, open(os.path.join(OUT, id + ".json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    return g
