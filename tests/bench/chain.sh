# tests/bench/chain.sh - the whole chain over the ~100 MB BBC stream:
# each stage on its own (MB/s of its input, peak RSS; a per-document stage
# must stay <= 64 MB), then tokenize -> ... -> merge as one pipeline,
# beside `wc -w` on the same input (target: within 15x).
# GLEAN_BENCH_MB sizes the stream (default 100), GLEAN_BENCH_RUNS the runs
# per timing (default 3; the single-stage rows run once).
# GLEAN_BENCH_BASE=DIR (DIR/bin/glean-*, DIR/lexicons, as made by
# tests/bench/base.sh REV DIR) also times that older build's chain on the
# same stream in the same run, and prints new / base.
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have normalize || bench_skip "glean-normalize not built"
bench_snapshot

mb=${GLEAN_BENCH_MB:-100}
stream=$(bench_stream "$mb") || bench_fail "cannot build the stream"
stages=$(bench_stages)
bad=0

echo "bench: chain over $(bench_mb "$stream") MB ($(wc -l <"$stream") documents)"
runs=$bench_runs
bench_runs=1
in=$stream
prev=
for s in $stages; do
	[ "$s" = merge ] && continue
	out=$benchdir/chain-$s.jsonl
	bench_time "$s" "$in" "glean-$s"
	if [ "$bench_rss_kb" -gt 65536 ]; then
		echo "FAIL: glean-$s peak RSS $((bench_rss_kb / 1024)) MB > 64 MB"
		bad=1
	fi
	[ "$bench_status" -le 1 ] || { echo "FAIL: glean-$s exited $bench_status"; bad=1; }
	"glean-$s" <"$in" >"$out" 2>/dev/null || :
	[ -n "$prev" ] && rm -f "$prev"
	[ "$s" = normalize ] && norm=$out
	[ "$s" = normalize ] || prev=$out
	in=$out
done
if bench_have merge; then
	bench_time merge "$in" glean-merge
fi
[ -n "$prev" ] && rm -f "$prev"

# the whole chain after normalize, as one pipeline, against wc -w
bench_runs=$runs
cmd=
for s in $stages; do
	[ "$s" = normalize ] && continue
	cmd="${cmd:+$cmd | }glean-$s"
done
bench_wcw "$norm"
wc=$bench_secs
bench_time "chain" "$norm" sh -c "$cmd"
ratio=$(bench_ratio "$bench_secs" "$wc")
echo "bench: chain ($cmd) = ${ratio}x wc -w (target <= 15)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 15) }' ||
	{ echo "FAIL: the chain takes ${ratio}x wc -w"; bad=1; }
if [ -n "${GLEAN_BENCH_BASE:-}" ]; then
	bcmd=
	for s in $stages; do
		[ "$s" = normalize ] && continue
		[ -x "$GLEAN_BENCH_BASE/bin/glean-$s" ] || continue
		bcmd="${bcmd:+$bcmd | }$GLEAN_BENCH_BASE/bin/glean-$s"
	done
	new=$bench_secs
	bench_time "base chain" "$norm" \
	    env GLEAN_LEXICONS="$GLEAN_BENCH_BASE/lexicons" sh -c "$bcmd"
	echo "bench: base chain = $(bench_ratio "$bench_secs" "$wc")x wc -w;" \
	    "new / base = $(bench_ratio "$new" "$bench_secs")"
fi
rm -f "$norm"
bench_exit "$bad"
