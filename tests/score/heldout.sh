#!/bin/sh
# The made-up held-out articles (tests/heldout, see its README) through
# the per-document stages, scored by ../shared/ofsted-dev/score.py: how
# the rules generalise beyond the development set.  Reports; it gates
# only on what must never happen there (a rating in a trap article) and
# on a floor well under today's figures, so a collapse shows.
. "$(dirname "$0")/../setup"
need_shared ofsted-dev/score.py
need_shared ofsted-dev/docs.py
set_dir=$top/tests/heldout
python3 "$shared/ofsted-dev/docs.py" "$set_dir" | glean-normalize --jsonl |
    glean-tokenize | glean-entities | glean-dates | glean-money |
    glean-quotes | glean-ratings >"$scratch/out" || fail "the chain failed"
python3 "$shared/ofsted-dev/score.py" "$scratch/out" "$set_dir" >"$scratch/res" ||
	fail "score.py failed"
sed -n 's/^\(ratings\|councils\|people\|quotes\|money\):/score: heldout \1:/p' "$scratch/res"
python3 - "$scratch/res" <<'PY'
import re, sys
line = open(sys.argv[1]).read().splitlines()[-1].split()
m = dict(zip(line[1::2], line[2::2]))
bad = []
if int(m["traps_fp"]) > 1: bad.append("ratings in traps %s > 1" % m["traps_fp"])
if float(m["ratings_p"]) < 0.85: bad.append("ratings precision %s < 0.85" % m["ratings_p"])
if float(m["ratings_r"]) < 0.70: bad.append("ratings recall %s < 0.70" % m["ratings_r"])
if float(m["speaker"]) < 0.80: bad.append("speakers %s < 0.80" % m["speaker"])
if bad:
    print("FAIL: heldout: " + "; ".join(bad)); sys.exit(1)
PY
