#!/bin/sh
# Score glean-normalize on ftfy's own test cases ($shared/eval/ftfy-cases.jsonl):
# each case's "original" goes through normalize --jsonl; the result must
# equal "fixed" or "fixed-encoding", after typographic quotes are
# un-curled on both sides (we keep them; ftfy's fix_text straightens
# them).  Pass rate over the cases ftfy expects to pass; threshold 95%.
. "$(dirname "$0")/../setup"
need_shared eval/ftfy-cases.jsonl
cases=$shared/eval/ftfy-cases.jsonl
python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l)
    print(json.dumps({"id": d["label"], "text": d["original"]}))
' "$cases" >"$scratch/in.jsonl"
glean-normalize --jsonl "$scratch/in.jsonl" >"$scratch/out.jsonl" ||
	fail "glean-normalize exited $?"
python3 - "$cases" "$scratch/out.jsonl" <<'PY'
import json, sys
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'",
    "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u201f": '"'})
def flat(s):
    return s.translate(QUOTES)
cases = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
outs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
if len(cases) != len(outs):
    print("FAIL: %d cases, %d outputs" % (len(cases), len(outs)))
    sys.exit(1)
npass = total = xfail_ok = 0
for c, o in zip(cases, outs):
    got = flat(o.get("text", ""))
    want = [flat(c["fixed"])]
    if "fixed-encoding" in c:
        want.append(flat(c["fixed-encoding"]))
    ok = got in want
    if c["expect"] != "pass":
        xfail_ok += ok
        continue
    total += 1
    npass += ok
    if not ok:
        print("failed: %s (%s)\n  original: %r\n  got:      %r\n  want:     %r"
              % (c["label"], c["source"], c["original"], o.get("text"),
                 c["fixed"]))
rate = 100.0 * npass / total
print("score: ftfy cases (expect=pass): %d/%d = %.1f%% (threshold 95%%)"
      % (npass, total, rate))
print("score: ftfy known failures fixed anyway: %d/%d"
      % (xfail_ok, len(cases) - total))
sys.exit(0 if rate >= 95.0 else 1)
PY
