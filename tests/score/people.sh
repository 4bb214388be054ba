#!/bin/sh
# Accuracy of glean-entities on the seed gold (../shared/gold): recall of
# the named people in each article's "people" (a person counts when an
# entity of kind "person" has that canonical name), recall of their
# roles (our role's head word, e.g. "director", "MP", "leader", occurs in
# the gold role), and whether every article links its council with the
# right GSS code.  Fails below 95% people recall or on a wrong council.
. "$(dirname "$0")/../setup"
need_shared gold/README.md
command -v python3 >/dev/null || { echo "skipped: no python3" >&2; exit 77; }

seed_docs >"$scratch/seeds.jsonl"
glean-entities <"$scratch/seeds.jsonl" >"$scratch/ent.jsonl"
python3 - "$shared/gold" "$scratch/ent.jsonl" "$lex/roles.tsv" <<'PY'
import json, os, re, sys
gold_dir, ent_path, roles_path = sys.argv[1:4]
heads = set()
for line in open(roles_path, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 2 and not f[0].startswith("#") and f[1] == "head":
        heads.add(f[0])

def norm(s):
    return re.sub(r"\s+", " ", (s or "").replace("\u2019", "'")).strip()

def role_ok(ours, gold):
    if not ours or not gold:
        return False
    words = re.findall(r"[\w']+", norm(ours).lower())
    hs = [w for w in words if w in heads]
    if not hs:
        return False
    return re.search(r"\b%s\b" % re.escape(hs[-1]), norm(gold).lower()) \
        is not None

docs = {}
for line in open(ent_path, encoding="utf-8"):
    d = json.loads(line)
    docs[d["id"]] = d
# council codes are checked against the authorities lexicon's names
codes = {"Worcestershire County Council": "E10000034",
         "Wirral Council": "E08000015"}
found = total = roles = council_ok = ndocs = 0
for name in sorted(os.listdir(gold_dir)):
    if not re.match(r"\d{3}_.*\.json$", name):
        continue
    g = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
    d = docs.get(g["id"])
    if d is None:
        print("missing document %s" % g["id"])
        continue
    ndocs += 1
    ents = d.get("entities", [])
    people = {}
    for e in ents:
        if e["kind"] == "person":
            people.setdefault(norm(e["canonical"]), e.get("role"))
    for p in g.get("people", []):
        if not p.get("name"):
            continue
        total += 1
        n = norm(p["name"])
        if n in people:
            found += 1
            if role_ok(people[n], p.get("role")):
                roles += 1
            else:
                print("%s: %s: role %r, gold %r" % (g["id"], n, people[n],
                    p.get("role")))
        else:
            print("%s: missed %s" % (g["id"], n))
    subj = [s["name"] for s in g.get("subjects", [])
            if s.get("kind") == "local_authority"]
    want = set(codes[s] for s in subj if s in codes)
    got = set(e["code"] for e in ents if e["kind"] == "authority")
    if want and want <= got:
        council_ok += 1
    else:
        print("%s: councils %s, expected %s" % (g["id"], sorted(got),
            sorted(want)))
r = found / total if total else 0
print("score: people recall %.3f (%d/%d)" % (r, found, total))
print("score: people role recall %.3f (%d/%d)" % (roles / total if total
    else 0, roles, total))
print("score: councils linked %d/%d" % (council_ok, ndocs))
sys.exit(0 if r >= 0.95 and council_ok == ndocs and ndocs == 5 else 1)
PY
