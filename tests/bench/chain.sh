# tests/bench/chain.sh - the whole chain over the ~100 MB BBC stream, every
# row a median of GLEAN_BENCH_RUNS runs (default 3) in the same run, as a
# ratio to `wc -w` on the normalized stream (issue 18's targets):
#   - each stage alone, on the layer it reads (target <= 3x; a
#     per-document stage must also stay <= 64 MB peak RSS);
#   - the pipe chain tokenize | ... | ratings | merge (target <= 10x);
#   - glean-chain, the same stages in one process (no target: it shows
#     what the pipes cost);
#   - the fused driver: what pipeline/glean runs after glean-normalize,
#     glean-chain --sentences-only -j CORES (the documents in parts, one
#     worker process a core; no "tokens" layer, which glean-merge does
#     not read, and --keep of the fields it does) into glean-merge
#     (target <= 5x); and the same without the merge, to show the
#     merge's share.
# The yardstick is timed first and again last, and the ratios are taken
# to the median of all its runs, so a slow or quick moment of the machine
# while it ran moves every row less (wc -w alone varied from 0.41 to
# 0.53 s in one evening); both medians are printed.
# GLEAN_BENCH_MB sizes the stream (default 100).  GLEAN_BENCH_BASE=DIR
# (DIR/bin/glean-*, DIR/lexicons, as made by tests/bench/base.sh REV DIR)
# also times that older build's pipe chain on the same stream in the
# same run, and prints new / base.  Wall-clock times: run on quiet cores.
. "$(dirname "$0")/common.sh"
bench_need_corpus
bench_have normalize || bench_skip "glean-normalize not built"
bench_snapshot

mb=${GLEAN_BENCH_MB:-100}
stream=$(bench_stream "$mb") || bench_fail "cannot build the stream"
stages=$(bench_stages)
cores=$(nproc 2>/dev/null || echo 1)
bad=0

# The rows, "SECONDS<TAB>MAX<TAB>LABEL" (MAX "-": no target), judged at
# the end against the yardstick.
rows=$(mktemp)

# target LABEL SECONDS MAX: a row with a target of MAX x wc -w.
target()
{
	printf '%s\t%s\t%s\n' "$2" "$3" "$1" >>"$rows"
}

# judge WC: every row's ratio to WC seconds, a pass or FAIL line for each
# with a target.
judge()
{
	while IFS='	' read -r _s _max _label; do
		_r=$(bench_ratio "$_s" "$1")
		# "bench:" for a row without a target, else pass or FAIL
		awk -v r="$_r" -v m="$_max" -v l="$_label" 'BEGIN {
			if (m == "-") { print "bench: " l " = " r "x wc -w"; exit }
			print (r + 0 <= m + 0 ? "pass: " : "FAIL: ") l " = " r \
			    "x wc -w (target <= " m ")" }' >>"$rows.out"
	done <"$rows"
	cat "$rows.out"
	! grep -q '^FAIL' "$rows.out" || bad=1
	rm -f "$rows.out"
}

echo "bench: chain over $(bench_mb "$stream") MB ($(wc -l <"$stream") documents), $bench_runs runs a row, $cores cores"

# the normalized stream, and wc -w on it: the yardstick of every row
norm=$benchdir/chain-normalize.jsonl
glean-normalize <"$stream" >"$norm" 2>/dev/null || :
bench_wcw "$norm"
wc_first=$bench_secs wc_runs=$bench_all

# each stage alone on its own input; its output feeds the next
in=$stream
prev=
for s in $stages; do
	[ "$s" = merge ] && break
	bench_time "$s" "$in" "glean-$s"
	target "$s alone" "$bench_secs" 3
	if [ "$bench_rss_kb" -gt 65536 ]; then
		echo "FAIL: glean-$s peak RSS $((bench_rss_kb / 1024)) MB > 64 MB"
		bad=1
	fi
	[ "$bench_status" -le 1 ] || { echo "FAIL: glean-$s exited $bench_status"; bad=1; }
	[ "$s" = normalize ] && { in=$norm; continue; }
	out=$benchdir/chain-$s.jsonl
	"glean-$s" <"$in" >"$out" 2>/dev/null || :
	[ -n "$prev" ] && rm -f "$prev"
	prev=$out
	in=$out
done
if bench_have merge; then
	bench_time merge "$in" glean-merge
	target "merge alone" "$bench_secs" 3
fi
[ -n "$prev" ] && rm -f "$prev"

# the pipe chain after normalize, merge included
cmd= list=
for s in $stages; do
	[ "$s" = normalize ] && continue
	cmd="${cmd:+$cmd | }glean-$s"
	[ "$s" = merge ] || list="${list:+$list,}$s"
done
bench_time "pipe chain" "$norm" sh -c "$cmd"
pipe=$bench_secs
target "pipe chain ($cmd)" "$pipe" 10

# the same stages fused, in one process, then the fused driver's way
if bench_have chain; then
	bench_time "glean-chain" "$norm" glean-chain --stages "$list"
	target "glean-chain --stages $list (one process, no merge)" \
	    "$bench_secs" -
	bench_time "fused -j$cores" "$norm" glean-chain --sentences-only \
	    -j "$cores" --stages "$list" "$norm"
	target "glean-chain --sentences-only -j $cores (no merge)" \
	    "$bench_secs" -
	keep=$(glean-merge --reads)
	bench_time "fused driver" "$norm" sh -c "glean-chain --sentences-only \
	    --keep '$keep' -j $cores --stages $list '$norm' | glean-merge"
	target "fused driver (glean-chain --sentences-only --keep \$(glean-merge --reads) -j $cores | glean-merge)" \
	    "$bench_secs" 5
	echo "bench: fused driver / pipe chain = $(bench_ratio "$bench_secs" "$pipe")"
fi

if [ -n "${GLEAN_BENCH_BASE:-}" ]; then
	bcmd=
	for s in $stages; do
		[ "$s" = normalize ] && continue
		[ -x "$GLEAN_BENCH_BASE/bin/glean-$s" ] || continue
		bcmd="${bcmd:+$bcmd | }$GLEAN_BENCH_BASE/bin/glean-$s"
	done
	bench_time "base chain" "$norm" \
	    env GLEAN_LEXICONS="$GLEAN_BENCH_BASE/lexicons" sh -c "$bcmd"
	target "base pipe chain" "$bench_secs" -
	echo "bench: new pipe / base = $(bench_ratio "$pipe" "$bench_secs")"
fi

# the yardstick again: the median of all its runs, first and last
bench_wcw "$norm"
# shellcheck disable=SC2086
wc=$(bench_median $wc_runs $bench_all)
echo "bench: wc -w median first $wc_first s, last $bench_secs s; all runs $wc s"
judge "$wc"
rm -f "$norm" "$rows"
bench_exit "$bad"
