#!/bin/sh
# Benchmark: glean-dates | glean-money over the ~100 MB stream that feeds
# glean-dates (the BBC articles repeated, run through every built stage
# before dates, so tokenized when glean-tokenize exists), against
# `wc -w` over the same stream.  Target (issue 4): at most 4x wc -w.
# Wall-clock medians come from bench_time; on a shared, loaded machine
# they swing with other jobs, so the verdict uses CPU time (user + sys,
# children included, median of the runs), printed beside them.
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the
# runs per timing (default 3).
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have dates || bench_skip "glean-dates not built"
bench_have money || bench_skip "glean-money not built"

in=$(bench_layer dates "${GLEAN_BENCH_MB:-100}") ||
	bench_fail "could not build the input stream"
echo "bench: input $in ($(bench_mb "$in") MB)"

# cpu_time LABEL CMD...: median user+sys seconds of CMD <in >/dev/null
cpu_time()
{
	_label=$1
	shift
	_tf=$(mktemp)
	_all=
	_i=0
	while [ "$_i" -lt "$bench_runs" ]; do
		_i=$((_i + 1))
		/usr/bin/time -f '%U %S' -o "$_tf" "$@" <"$in" >/dev/null ||
			bench_fail "$_label exited $?"
		_all="$_all $(awk '{ printf "%.2f", $1 + $2 }' "$_tf")"
	done
	rm -f "$_tf"
	cpu=$(echo $_all | tr ' ' '\n' | sort -n |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	echo "bench: $_label cpu $cpu s"
}

bench_wcw "$in"
wall_wc=$bench_secs
bench_time dates "$in" glean-dates
bench_time money "$in" glean-money
bench_time "dates|money" "$in" sh -c 'glean-dates | glean-money'
[ "$bench_status" -eq 0 ] || bench_fail "dates | money exited $bench_status"
echo "bench: dates|money / wc -w wall = $(bench_ratio "$bench_secs" "$wall_wc")"
cpu_time "wc -w" wc -w
cpu_wc=$cpu
cpu_time "dates|money" sh -c 'glean-dates | glean-money'
ratio=$(bench_ratio "$cpu" "$cpu_wc")
echo "bench: dates|money / wc -w cpu = $ratio (target <= 4)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 4) }' ||
	bench_fail "dates | money takes $ratio x the CPU time of wc -w (over 4)"
