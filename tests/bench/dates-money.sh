#!/bin/sh
# Benchmark: glean-dates | glean-money over the ~100 MB stream that feeds
# glean-dates (the BBC articles repeated, run through every built stage
# before dates, so tokenized when glean-tokenize exists), against
# `wc -w` over the same stream.  Target (issue 4): at most 4x wc -w.
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the
# runs per timing (default 3, median kept).
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have dates || bench_skip "glean-dates not built"
bench_have money || bench_skip "glean-money not built"

in=$(bench_layer dates "${GLEAN_BENCH_MB:-100}") ||
	bench_fail "could not build the input stream"
echo "bench: input $in ($(bench_mb "$in") MB)"
bench_wcw "$in"
wcw=$bench_secs
bench_time dates "$in" glean-dates
bench_time money "$in" glean-money
bench_time "dates|money" "$in" sh -c 'glean-dates | glean-money'
chain=$bench_secs
[ "$bench_status" -eq 0 ] || bench_fail "dates | money exited $bench_status"
ratio=$(bench_ratio "$chain" "$wcw")
echo "bench: dates|money / wc -w = $ratio (target <= 4)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 4) }' ||
	bench_fail "dates | money is $ratio x wc -w (over 4)"
