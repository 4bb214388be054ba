#!/bin/sh
# Garbling test for glean-normalize's mojibake repair.  Clean paragraphs
# (those of $shared/corpus-ext/bbc that have a non-ASCII character, and
# the multilingual samples of tests/golden/normalize/genuine.txt) are
# garbled through every codec of lexicons/codecs.tsv and Latin-1: their
# UTF-8 bytes decoded with the codec (strictly: a garble the codec cannot
# decode is impossible and not counted) -- once, twice, and as one
# garbled paragraph inside a clean article.  Reports the share restored
# exactly per codec (threshold 99%) and how many clean paragraphs
# (all BBC paragraphs without HTML entities, all samples) normalize
# changes (threshold: none).
. "$(dirname "$0")/../setup"
need_shared corpus-ext/bbc
python3 - "$shared/corpus-ext/bbc" "$top/tests/golden/normalize/genuine.txt" \
	"$lex/codecs.tsv" "$scratch" <<'PY'
import json, os, re, sys
bbc, genuine, codecs_tsv, out = sys.argv[1:5]
codecs = []
for l in open(codecs_tsv, encoding="utf-8"):
    if l.startswith("#") or not l.strip():
        continue
    f = l.rstrip("\n").split("\t")
    codecs.append((f[0], f[3]))
codecs.append(("latin-1", "latin_1"))
ENT = re.compile(r"&#?[A-Za-z0-9]+;")
clean, articles = [], []
for name in sorted(os.listdir(bbc)):
    text = open(os.path.join(bbc, name), encoding="utf-8").read()
    paras = [p for p in text.split("\n\n") if p.strip()]
    articles.append((name, text, paras))
    clean += [p for p in paras if not ENT.search(p)]
samples = [l.rstrip("\n") for l in open(genuine, encoding="utf-8")
           if l.strip() and not l.startswith("#")]
nonascii = [p for p in clean if any(ord(c) > 127 for c in p)] + samples
def garble(s, codec):
    return s.encode("utf-8").decode(codec)
docs = []
def add(kind, codec, orig, text):
    docs.append({"id": "%s/%s/%d" % (kind, codec, len(docs)),
                 "text": text, "want": orig})
for p in clean + samples:
    add("genuine", "-", p, p)
for name, pyname in codecs:
    for p in nonascii:
        try:
            g = garble(p, pyname)
        except UnicodeDecodeError:
            continue
        if g == p:
            continue
        add("once", name, p, g)
        try:
            g2 = garble(g, pyname)
        except UnicodeDecodeError:
            continue
        add("twice", name, p, g2)
    # one garbled paragraph in an otherwise clean article
    n = 0
    for aname, text, paras in articles:
        if n >= 100:
            break
        for i, p in enumerate(paras):
            if "\u00a3" in p and not ENT.search(text):
                try:
                    g = garble(p, pyname)
                except UnicodeDecodeError:
                    continue
                add("span", name, text, text.replace(p, g, 1))
                n += 1
                break
with open(os.path.join(out, "in.jsonl"), "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps({"id": d["id"], "text": d["text"]},
                           ensure_ascii=False) + "\n")
with open(os.path.join(out, "want.jsonl"), "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
glean-normalize --jsonl "$scratch/in.jsonl" >"$scratch/out.jsonl" ||
	fail "glean-normalize exited $?"
python3 - "$scratch/want.jsonl" "$scratch/out.jsonl" <<'PY'
import json, sys
from collections import defaultdict
want = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
if len(want) != len(got):
    print("FAIL: %d documents in, %d out" % (len(want), len(got)))
    sys.exit(1)
tot, ok = defaultdict(int), defaultdict(int)
changed, shown, bad = 0, defaultdict(int), False
ngen = 0
for w, g in zip(want, got):
    kind, codec, _ = w["id"].split("/")
    good = g.get("text") == w["want"]
    if kind == "genuine":
        ngen += 1
        if not good:
            changed += 1
            print("changed genuine: %r\n             -> %r"
                  % (w["want"][:120], g.get("text", "")[:120]))
        continue
    tot[codec, kind] += 1
    ok[codec, kind] += good
    if not good and shown[codec] < 3:
        shown[codec] += 1
        print("not restored (%s, %s): %r\n   got %r" % (codec, kind,
              w["text"][:100], g.get("text", "")[:100]))
for codec in sorted({c for c, k in tot}):
    t = sum(tot[codec, k] for k in ("once", "twice", "span"))
    o = sum(ok[codec, k] for k in ("once", "twice", "span"))
    rate = 100.0 * o / t if t else 100.0
    detail = ", ".join("%s %d/%d" % (k, ok[codec, k], tot[codec, k])
                       for k in ("once", "twice", "span") if tot[codec, k])
    print("score: garble %s: %d/%d = %.1f%% restored (%s)"
          % (codec, o, t, rate, detail))
    if rate < 99.0:
        bad = True
print("score: genuine paragraphs changed: %d of %d (threshold 0)"
      % (changed, ngen))
sys.exit(1 if bad or changed else 0)
PY
