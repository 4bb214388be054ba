#!/bin/sh
# tests/bench/quotes.sh - glean-quotes against `wc -w` on the same ~100 MB
# stream (the BBC articles repeated, through every built stage that comes
# before quotes: tokenize and entities when they exist).  Issue 5: quotes
# at most 2x the time of wc -w.  Medians of GLEAN_BENCH_RUNS runs.
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have quotes || bench_skip "glean-quotes not built"
in=$(bench_layer quotes) || bench_fail "could not build the input stream"
echo "bench: input $(bench_mb "$in") MB, layers:" \
    "$(head -n 1 "$in" | jq -c 'keys' 2>/dev/null || echo '?')"
bench_wcw "$in"
wc_secs=$bench_secs
bench_time quotes "$in" glean-quotes
[ "$bench_status" -eq 0 ] || bench_fail "glean-quotes exited $bench_status"
q_secs=$bench_secs
ratio=$(bench_ratio "$q_secs" "$wc_secs")
echo "bench: quotes / wc -w = $ratio (limit 2.00)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 2.0) }' ||
	bench_fail "glean-quotes is $ratio times wc -w"
