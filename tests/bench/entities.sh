#!/bin/sh
# Benchmark: glean-entities over the ~100 MB stream that feeds it (the
# BBC articles repeated, run through every built stage before it, so
# tokenized when glean-tokenize is built), against `wc -w` over the same
# stream; memory must stay flat (peak RSS under 64 MB).  The issue sets
# no time target: entities is measured beside tokenize.
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the
# runs per timing (default 3, median kept).
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have entities || bench_skip "glean-entities not built"

in=$(bench_layer entities "${GLEAN_BENCH_MB:-100}") ||
	bench_fail "could not build the input stream"
echo "bench: input $in ($(bench_mb "$in") MB)"
bench_wcw "$in"
wcw=$bench_secs
bench_time entities "$in" glean-entities
[ "$bench_status" -eq 0 ] || bench_fail "glean-entities exited $bench_status"
echo "bench: entities / wc -w = $(bench_ratio "$bench_secs" "$wcw")"
[ "$bench_rss_kb" -le 65536 ] ||
	bench_fail "entities peak RSS $bench_rss_kb KB (over 64 MB)"
