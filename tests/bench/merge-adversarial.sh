# tests/bench/merge-adversarial.sh - glean-merge on the shapes of the
# adversarial review (issue 16): documents sharing one id (10k and 40k:
# the 40k within 4.5 times the 10k's time) and a 16 MB document of
# "1p 1p 1p ..." as glean-ratings passes it on (within 1 GB), its record
# re-merged (within 3 times the record).  Wall time, so run it on quiet
# cores; tests/adv-merge.test checks the same properties by instruction
# counts and smaller sizes.
. "$(dirname "$0")/common.sh"
bench_have merge || bench_skip "glean-merge not built"
[ -x /usr/bin/time ] || bench_skip "GNU time (/usr/bin/time) not found"
d=$benchdir/merge-adversarial
mkdir -p "$d"
bad=0

for n in 10000 40000; do
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
	    printf "{\"id\":\"same\",\"source\":\"paper-%d\",\"text\":\"Item %d.\"}\n", i, i }' \
	    >"$d/same-$n"
	bench_time "merge, $n documents of one id" "$d/same-$n" glean-merge
	eval "secs_$n=\$bench_secs"
done
r=$(bench_ratio "$secs_40000" "$secs_10000")
echo "bench: merge one id: 40k / 10k = $r"
awk -v r="$r" 'BEGIN { exit !(r <= 4.5) }' ||
	{ echo "FAIL: 40k documents of one id took $r times 10k's"; bad=1; }

if [ ! -s "$d/pennies-16" ]; then
	awk 'BEGIN {
		n = int(16 * 1024 * 1024 / 3)
		printf "{\"id\":\"pennies\",\"source\":\"-\",\"text\":\""
		for (i = 0; i < n; i++) printf "%s1p", i ? " " : ""
		printf "\",\"sentences\":[[0,%d]],\"tokens\":[", 3 * n - 1
		for (i = 0; i < n; i++) printf "%s[%d,%d,\"number\"]", i ? "," : "", 3 * i, 3 * i + 2
		printf "],\"entities\":[],\"topics\":{},\"dates\":[],\"money\":["
		for (i = 0; i < n; i++)
			printf "%s{\"start\":%d,\"end\":%d,\"text\":\"1p\",\"value\":0.01,\"currency\":\"GBP\",\"per\":null}", i ? "," : "", 3 * i, 3 * i + 2
		printf "],\"quotes\":[],\"ratings\":[]}\n"
	}' >"$d/pennies-16"
fi
bench_runs=1
bench_time "merge, 16 MB of 1p" "$d/pennies-16" glean-merge
[ "$bench_rss_kb" -le 1048576 ] ||
	{ echo "FAIL: merge took ${bench_rss_kb} KB on 16 MB of 1p"; bad=1; }
glean-merge <"$d/pennies-16" >"$d/pennies-16.rec"
bench_time "merge, its record ($(bench_mb "$d/pennies-16.rec") MB)" \
    "$d/pennies-16.rec" glean-merge
rec_kb=$(($(wc -c <"$d/pennies-16.rec") / 1024))
[ "$bench_rss_kb" -le $((3 * rec_kb)) ] ||
	{ echo "FAIL: re-merging a ${rec_kb} KB record took ${bench_rss_kb} KB"; bad=1; }
rm -f "$d/pennies-16.rec"
bench_exit "$bad"
