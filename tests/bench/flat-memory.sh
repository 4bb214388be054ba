# tests/bench/flat-memory.sh - peak RSS of every stage of the chain over
# streams of 10 MB, 100 MB and 1 GB made from the BBC articles: a
# per-document stage's memory must not grow with the number of documents
# (1 GB peak <= 1.25 x the 10 MB peak + 4 MB).  glean-merge is left out
# (GLEAN_BENCH_FLAT_MERGE=1 adds it, shown but not checked): its record
# grows with the facts and documents it lists, to gigabytes at 1 GB.
# Slow (the 1 GB stream through the whole chain): opt-in with
# GLEAN_BENCH_FLAT=1; GLEAN_BENCH_FLAT_SIZES="10 100 1000" sets the sizes.
. "$(dirname "$0")/common.sh"
[ "${GLEAN_BENCH_FLAT:-0}" = 1 ] ||
	bench_skip "the 1 GB memory run is opt-in: GLEAN_BENCH_FLAT=1"
bench_need_corpus
bench_have normalize || bench_skip "glean-normalize not built"
bench_snapshot

sizes=${GLEAN_BENCH_FLAT_SIZES:-10 100 1000}
stages=$(bench_stages | grep -v '^merge$')
[ "${GLEAN_BENCH_FLAT_MERGE:-0}" = 1 ] && bench_have merge &&
	stages="$stages merge"
rss=$benchdir/flat-rss
rm -rf "$rss"
mkdir -p "$rss"

for mb in $sizes; do
	in=$(bench_stream "$mb") || bench_fail "cannot build the ${mb} MB stream"
	docs=$(wc -l <"$in")
	# the chain as one pipeline, each stage under GNU time
	cmd="cat '$in'"
	for s in $stages; do
		cmd="$cmd | /usr/bin/time -f %M -o '$rss/$s.$mb' glean-$s"
	done
	t0=$(date +%s)
	sh -c "$cmd >/dev/null 2>'$rss/err.$mb'" ||
		echo "bench: note: the ${mb} MB chain exited $? (see $rss/err.$mb)"
	t1=$(date +%s)
	echo "bench: flat-memory ${mb} MB, $docs documents, $((t1 - t0)) s"
done

bad=0
printf 'bench: %-10s' "peak RSS"
for mb in $sizes; do printf '%10s' "${mb}MB"; done
echo
first=${sizes%% *}
last=${sizes##* }
for s in $stages; do
	printf 'bench: %-10s' "$s"
	for mb in $sizes; do
		kb=$(tail -n 1 "$rss/$s.$mb" 2>/dev/null || echo 0)
		awk -v k="$kb" 'BEGIN { printf "%8.1fMB", k / 1024 }'
	done
	a=$(tail -n 1 "$rss/$s.$first" 2>/dev/null || echo 0)
	b=$(tail -n 1 "$rss/$s.$last" 2>/dev/null || echo 0)
	if [ "$s" = merge ]; then
		echo "  (grows with the record)"
	elif awk -v a="$a" -v b="$b" 'BEGIN { exit !(b <= 1.25 * a + 4096) }'; then
		echo "  flat"
	else
		echo "  GROWS"
		bad=1
	fi
done
[ "$bad" -eq 0 ] || echo "FAIL: a per-document stage's memory grows with the stream"
bench_exit "$bad"
