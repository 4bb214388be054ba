#!/bin/sh
# Benchmark glean-normalize on HTML pages against wc -w on the same bytes:
# the 181 pages of $shared/eval/article-extraction, inflated once into
# $benchdir/html (so both read the same uncompressed files).  Prints the
# median wall time of bench_runs runs and the user CPU time of each, MB/s
# and the ratios; the target is normalize within 4x of wc -w.
. "$(dirname "$0")/common.sh"
pages=$shared/eval/article-extraction/html
[ -d "$pages" ] || bench_skip "$pages not found"
dir=$benchdir/html
if [ ! -s "$dir/.done" ]; then
	mkdir -p "$dir"
	for f in "$pages"/*.html.gz; do
		b=${f##*/}
		gzip -dc "$f" >"$dir/${b%.gz}"
	done
	echo 181 >"$dir/.done"
fi
size=$(cat "$dir"/*.html | wc -c)
# run_cpu CMD...: "wall user+system" seconds of one run (stdout discarded)
run_cpu()
{
	/usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -n 1 |
	    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }'
}
median()
{
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
for i in $(seq "$bench_runs"); do
	run_cpu "$bin/glean-normalize" -L "$lex" "$dir"/*.html
done >"$dir/t.norm"
for i in $(seq "$bench_runs"); do
	run_cpu wc -w "$dir"/*.html
done >"$dir/t.wc"
nw=$(cut -d' ' -f1 "$dir/t.norm" | median)
nc=$(cut -d' ' -f2 "$dir/t.norm" | median)
ww=$(cut -d' ' -f1 "$dir/t.wc" | median)
wcpu=$(cut -d' ' -f2 "$dir/t.wc" | median)
awk -v s="$size" -v nw="$nw" -v nc="$nc" -v ww="$ww" -v wc="$wcpu" 'BEGIN {
	printf "html bench: 181 pages, %.1f MB of HTML, median of runs\n", s / 1e6
	printf "  glean-normalize: %.3f s wall  %.3f s CPU  %.1f MB/s\n", nw, nc, s / 1e6 / nw
	printf "  wc -w:           %.3f s wall  %.3f s CPU  %.1f MB/s\n", ww, wc, s / 1e6 / ww
	printf "  ratio normalize / wc -w: %.2f wall, %.2f CPU (target <= 4)\n", nw / ww, nc / wc
	exit !(nc / wc <= 4)
}' || bench_exit 1
