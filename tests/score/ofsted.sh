#!/bin/sh
# Accuracy on ../shared/ofsted-dev: 24 excerpts of real news about
# inspections of councils' children's services (2008-2025) with hand
# gold, run through every per-document stage and scored by its score.py.
# Prints score.py's lines as "score: ..." lines.  Gates the ratings only
# (issue 10): precision >= 0.90, recall >= 0.90, no rating in the trap
# articles.  The councils, people, quotes and money lines are printed,
# not gated here (their stages have their own scores).
. "$(dirname "$0")/../setup"
need_shared ofsted-dev/score.py
command -v python3 >/dev/null || { echo "skipped: python3 not found" >&2; exit 77; }
for s in normalize tokenize entities dates money quotes ratings; do
	[ -x "$bin/glean-$s" ] ||
		{ echo "skipped: glean-$s not built" >&2; exit 77; }
done

ofsted_dev_docs >"$scratch/docs.jsonl"
python3 "$shared/ofsted-dev/score.py" "$scratch/docs.jsonl" \
    "$shared/ofsted-dev" >"$scratch/score.txt"
sed 's/^/score: /' "$scratch/score.txt"
awk '
$1 == "ratings:" {
	seen = 1
	p = $3; r = $5
	trap = $NF; sub(/\)$/, "", trap)
	if (p < 0.90 || r < 0.90 || trap != 0) {
		printf "FAIL: ofsted-dev ratings precision %s recall %s, %s on traps (want >= 0.90, >= 0.90, 0)\n", p, r, trap
		bad = 1
	}
}
END { if (!seen) { print "FAIL: no ratings line from score.py"; bad = 1 } exit bad }
' "$scratch/score.txt" >&2
