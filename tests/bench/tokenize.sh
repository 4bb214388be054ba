#!/bin/sh
# Benchmark: glean-tokenize over the ~100 MB stream that feeds it (the
# BBC articles repeated, normalized when glean-normalize is built),
# against `wc -w` over the same stream.  Target (issue 3): at most 3x
# wc -w, memory flat (peak RSS under 64 MB whatever the stream's size).
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the
# runs per timing (default 3, median kept).
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_stage tokenize
in=$bench_in
ratio=$stage_ratio
echo "bench: tokenize / wc -w = $ratio (target <= 3)"
# CPU time (user + sys) as well: on a loaded machine wall time punishes
# the longer run more than its work
cpu()	# CMD...: median user+sys seconds over bench_runs runs
{
	_c=
	_i=0
	while [ "$_i" -lt "$bench_runs" ]; do
		_i=$((_i + 1))
		_c="$_c $(/usr/bin/time -f '%U %S' "$@" <"$in" 2>&1 >/dev/null |
		    tail -n 1 | awk '{ printf "%.2f", $1 + $2 }')"
	done
	echo $_c | tr ' ' '\n' | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
wcc=$(cpu wc -w)
tkc=$(cpu glean-tokenize)
echo "bench: cpu: wc -w $wcc s, tokenize $tkc s, ratio $(bench_ratio "$tkc" "$wcc")"
# output size: the token layer is most of the stream
out=$(glean-tokenize <"$in" | wc -c)
echo "bench: tokenize output $(awk -v b="$out" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
awk -v r="$ratio" 'BEGIN { exit !(r <= 3) }' ||
	bench_fail "tokenize is $ratio x wc -w (over 3)"
