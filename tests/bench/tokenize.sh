#!/bin/sh
# Benchmark: glean-tokenize over the ~100 MB stream that feeds it (the
# BBC articles repeated, normalized when glean-normalize is built),
# against `wc -w` over the same stream.  Target (issue 3): at most 3x
# wc -w, memory flat (peak RSS under 64 MB whatever the stream's size).
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the
# runs per timing (default 3, median kept).
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have tokenize || bench_skip "glean-tokenize not built"

in=$(bench_layer tokenize "${GLEAN_BENCH_MB:-100}") ||
	bench_fail "could not build the input stream"
echo "bench: input $in ($(bench_mb "$in") MB)"
bench_wcw "$in"
wcw=$bench_secs
bench_time tokenize "$in" glean-tokenize
[ "$bench_status" -eq 0 ] || bench_fail "glean-tokenize exited $bench_status"
tok=$bench_secs
rss=$bench_rss_kb
ratio=$(bench_ratio "$tok" "$wcw")
echo "bench: tokenize / wc -w = $ratio (target <= 3)"
# output size: the token layer is most of the stream
out=$(glean-tokenize <"$in" | wc -c)
echo "bench: tokenize output $(awk -v b="$out" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
[ "$rss" -le 65536 ] || bench_fail "tokenize peak RSS $rss KB (over 64 MB)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 3) }' ||
	bench_fail "tokenize is $ratio x wc -w (over 3)"
