#!/bin/sh
# tests/bench/quotes.sh - glean-quotes against `wc -w` on the same ~100 MB
# stream (the BBC articles repeated, through every built stage that comes
# before quotes: tokenize and entities when they exist).  Issue 5: quotes
# at most 2x the time of wc -w.  Medians of GLEAN_BENCH_RUNS runs.
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_stage quotes
echo "bench: quotes / wc -w = $stage_ratio (limit 2.00)"
awk -v r="$stage_ratio" 'BEGIN { exit !(r <= 2.0) }' ||
	bench_fail "glean-quotes is $stage_ratio times wc -w"
