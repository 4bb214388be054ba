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
bench_stage entities
echo "bench: entities / wc -w = $stage_ratio"
