#!/bin/sh
# Facts that belong (issue 12), measured on real articles:
# - the 2,225 BBC articles of ../shared/corpus-ext/bbc (none about a
#   council's children's services): facts under councils from sport and
#   entertainment stories (target <= 10, each listed), and findings from
#   articles that name no inspectorate (target 0);
# - the bundled corpus: amounts the seed gold marks as boilerplate (the
#   CYP Now subscription prices) under a council (target 0);
# - ../shared/ofsted-dev: every fact of an article under a council lands
#   under one of the councils the article's gold lists (target: all), and
#   the gold's council people (their organisation a council or its trust)
#   land under one of those councils (target >= 0.95).
# Skips without ../shared.
. "$(dirname "$0")/../setup"
need_shared corpus-ext/bbc
need_shared gold/README.md
need_shared ofsted-dev/score.py
command -v python3 >/dev/null || { echo "skipped: no python3" >&2; exit 77; }
GLEAN_BIN=$bin
export GLEAN_BIN

"$top/pipeline/glean" -j 2 "$shared/corpus-ext/bbc" >"$scratch/bbc.json" ||
	fail "pipeline/glean over the BBC articles failed"
"$top/pipeline/glean" "$top/corpus" >"$scratch/corpus.json" ||
	fail "pipeline/glean corpus failed"
ofsted_dev_docs | glean-merge >"$scratch/dev.json" ||
	fail "the ofsted-dev record failed"

python3 - "$shared" "$lex/inspectorates.tsv" "$scratch" <<'PY'
import glob, json, os, re, sys
shared, insp_path, scratch = sys.argv[1:4]
ok = True

def facts(subject):
    """(kind, fact) of every fact of a subject."""
    for t in ("money", "people", "quotes", "findings"):
        for f in subject.get(t, []):
            yield t, f
    for ins in subject.get("inspections", []):
        for j in ins["judgements"]:
            yield "judgement", j

# BBC: facts under councils from sport and entertainment
bbc = json.load(open(os.path.join(scratch, "bbc.json")))
sport = []
for s in bbc["subjects"]:
    if s["kind"] != "authority":
        continue
    for t, f in facts(s):
        docs = sorted({x["doc"] for x in f["sources"]})
        if any(d.split("-")[0] in ("sport", "entertainment") for d in docs):
            sport.append((s["name"], t, docs,
                          sorted({x.get("basis") or "-" for x in f["sources"]})))
for name, t, docs, basis in sport:
    print(f"  sport/entertainment fact under {name}: {t} from {','.join(docs)} (basis {','.join(basis)})")
print(f"score: BBC facts under councils from sport/entertainment: {len(sport)} (target <= 10)")
ok &= len(sport) <= 10

# BBC: findings credited to an inspectorate the article never names
pats = []
for line in open(insp_path, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 2 and not line.startswith("#"):
        pats.append(f[1])
insp = re.compile(r"\b(?:%s)\b" % "|".join(pats), re.I)
texts = {}
for p in glob.glob(os.path.join(shared, "corpus-ext/bbc/*.txt")):
    texts[os.path.basename(p)[:-4]] = open(p, encoding="utf-8",
                                            errors="replace").read()
# a finding is credited to an inspection, hence an inspectorate: count
# the findings with a source in an article that names none
unnamed = sum(1 for s in bbc["subjects"] for f in s.get("findings", [])
              if any(not insp.search(texts.get(x["doc"], ""))
                     for x in f["sources"]))
print(f"score: BBC findings credited to an inspectorate the article never names: {unnamed} (target 0)")
ok &= unnamed == 0

# bundled corpus: gold boilerplate amounts under a council
rec = json.load(open(os.path.join(scratch, "corpus.json")))
bp = set()
for p in glob.glob(os.path.join(shared, "gold/[0-9]*.json")):
    g = json.load(open(p))
    doc = os.path.basename(p)[:-5]
    for m in g.get("money", []):
        if m.get("boilerplate"):
            bp.add((doc, m["start"], m["end"]))
under = sum(1 for s in rec["subjects"] if s["kind"] == "authority"
            for m in s["money"] for x in m["sources"]
            if (x["doc"], x["start"], x["end"]) in bp)
print(f"score: bundled corpus: boilerplate amounts under a council: {under} of {len(bp)} (target 0)")
ok &= under == 0

# ofsted-dev: facts and people under the right council
dev = json.load(open(os.path.join(scratch, "dev.json")))
gold = {}
for p in glob.glob(os.path.join(shared, "ofsted-dev/*.json")):
    g = json.load(open(p))
    gold[g["id"]] = g
want = {d: {c["code"] for c in g.get("councils", [])} for d, g in gold.items()}
placed = wrong = 0
people = {}
for s in dev["subjects"]:
    code = s["code"] if s["kind"] == "authority" else None
    for t, f in facts(s):
        for x in f["sources"]:
            if t == "people":
                people.setdefault(x["doc"], {}).setdefault(f["name"], set()).add(code)
            if code is None or t == "judgement":
                continue
            placed += 1
            if code not in want.get(x["doc"], set()):
                wrong += 1
                print(f"  ofsted-dev {x['doc']}: a {t} fact under {s['name']} ({code}), not a council of the article")
print(f"score: ofsted-dev facts under a council the article names: {placed - wrong}/{placed} (target all)")
ok &= wrong == 0
council_org = re.compile(r"Council|Trust|Children First|Together for Children")
tot = good = 0
for d, g in gold.items():
    for p in g.get("people", []):
        if not want[d] or not council_org.search(p.get("organisation") or ""):
            continue
        tot += 1
        last = p["name"].split()[-1]
        got = people.get(d, {})
        codes = set().union(*[v for k, v in got.items()
                              if k == p["name"] or k.split()[-1] == last] or [set()])
        if codes & want[d]:
            good += 1
        else:
            print(f"  ofsted-dev {d}: {p['name']} ({p['organisation']}) under {sorted(c or 'unknown' for c in codes) or 'nothing'}")
share = good / tot if tot else 1.0
print(f"score: ofsted-dev council people under their council: {good}/{tot} = {share:.3f} (target >= 0.95)")
ok &= share >= 0.95
sys.exit(0 if ok else 1)
PY
