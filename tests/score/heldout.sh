#!/bin/sh
# The made-up held-out sets (tests/heldout*, each with its README)
# through the per-document stages, scored by ../shared/ofsted-dev/score.py:
# how the rules generalise beyond the articles they were built on.
#   heldout4  blind: nobody has read glean's misses on it (the figure to
#             quote for unseen news)
#   heldout, heldout2, heldout3  written blind, then used for tuning:
#             development data now, kept as regression sets
# Reports; it gates only on floors under today's figures, so that a
# collapse shows, and on no rating in a trap of a tuned set.
. "$(dirname "$0")/../setup"
need_shared ofsted-dev/score.py
need_shared ofsted-dev/docs.py

# score SET LABEL: print the set's score lines as "score: LABEL ...", and
# its summary line (the last) in $scratch/LABEL.sum
score()
{
	set_dir=$top/tests/$1
	python3 "$shared/ofsted-dev/docs.py" "$set_dir" | glean-normalize --jsonl |
	    glean-tokenize | glean-entities | glean-dates | glean-money |
	    glean-quotes | glean-ratings >"$scratch/out" || fail "the chain failed on $1"
	python3 "$shared/ofsted-dev/score.py" "$scratch/out" "$set_dir" >"$scratch/res" ||
		fail "score.py failed on $1"
	sed -n "s/^\(ratings\|councils\|people\|quotes\|money\):/score: $2 \1:/p" "$scratch/res"
	tail -n 1 "$scratch/res" >"$scratch/$2.sum"
}

score heldout4 heldout4-blind
score heldout3 heldout3-tuned
score heldout2 heldout2-tuned
score heldout heldout1-tuned
python3 - "$scratch" <<'PY'
import sys
def summary(label):
    line = open("%s/%s.sum" % (sys.argv[1], label)).read().split()
    return dict(zip(line[1::2], line[2::2]))
floors = {  # label: (ratings P, ratings R, speakers, most ratings in traps)
    "heldout4-blind": (0.55, 0.55, 0.85, 10),
    "heldout3-tuned": (0.60, 0.60, 0.85, 2),
    "heldout2-tuned": (0.80, 0.70, 0.85, 0),
    "heldout1-tuned": (0.95, 0.90, 0.80, 0),
}
bad = []
for label, (p, r, s, traps) in floors.items():
    m = summary(label)
    if float(m["ratings_p"]) < p: bad.append("%s ratings precision %s < %s" % (label, m["ratings_p"], p))
    if float(m["ratings_r"]) < r: bad.append("%s ratings recall %s < %s" % (label, m["ratings_r"], r))
    if float(m["speaker"]) < s: bad.append("%s speakers %s < %s" % (label, m["speaker"], s))
    if int(m["traps_fp"]) > traps: bad.append("%s ratings in traps %s > %d" % (label, m["traps_fp"], traps))
if bad:
    print("FAIL: heldout: " + "; ".join(bad)); sys.exit(1)
PY
