# tests/bench/nightly.sh - pipeline/nightly on the 2,225 BBC articles of
# ../shared/corpus-ext/bbc: the first run, a re-run with nothing changed
# (target <= 20% of the first), a run after one article changed (<= 30%),
# and the record compared byte for byte with pipeline/glean's.
# GLEAN_NIGHTLY_JOBS sets -j (default: the number of cores).
. "$(dirname "$0")/common.sh"
bench_need_corpus
for s in normalize tokenize entities dates money quotes ratings merge; do
	bench_have "$s" || bench_skip "glean-$s not built"
done
[ -x "$top/pipeline/glean" ] || bench_skip "pipeline/glean missing"
bench_snapshot
command -v parallel >/dev/null || echo "bench: note: GNU parallel missing, nightly runs one article at a time"

jobs=${GLEAN_NIGHTLY_JOBS:-$(nproc 2>/dev/null || echo 2)}
c=$benchdir/nightly-corpus
o=$benchdir/nightly-out
rm -rf "$c" "$o"
mkdir -p "$c"
cp "$shared"/corpus-ext/bbc/*.txt "$c/"
n=$(ls "$c" | wc -l)

# secs CMD...: wall time of one run, in seconds
secs()
{
	_t0=$(date +%s%N)
	"$@" || bench_fail "$* exited $?"
	_t1=$(date +%s%N)
	awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

first=$(secs "$top/pipeline/nightly" -q -j "$jobs" "$c" "$o")
again=$(secs "$top/pipeline/nightly" -q -j "$jobs" "$c" "$o")
f=$(ls "$c" | sed -n 100p)
echo "An extra sentence for the nightly benchmark." >>"$c/$f"
one=$(secs "$top/pipeline/nightly" -q -j "$jobs" "$c" "$o")
gl=$(secs sh -c "'$top/pipeline/glean' -j '$jobs' '$c' >'$benchdir/nightly-glean.json'")

r_again=$(bench_ratio "$again" "$first")
r_one=$(bench_ratio "$one" "$first")
echo "bench: nightly $n articles, -j $jobs"
echo "bench:   first run         $first s"
echo "bench:   nothing changed   $again s  ($r_again of the first; target <= 0.20)"
echo "bench:   one changed       $one s  ($r_one of the first; target <= 0.30)"
echo "bench:   pipeline/glean    $gl s"
bad=0
if cmp -s "$benchdir/nightly-glean.json" "$o/knowledge.json"; then
	echo "bench:   knowledge.json equal to pipeline/glean's, byte for byte"
else
	echo "FAIL: knowledge.json differs from pipeline/glean's"
	bad=1
fi
awk -v r="$r_again" 'BEGIN { exit !(r <= 0.20) }' ||
	{ echo "FAIL: re-run took $r_again of the first"; bad=1; }
awk -v r="$r_one" 'BEGIN { exit !(r <= 0.30) }' ||
	{ echo "FAIL: one-article run took $r_one of the first"; bad=1; }
bench_exit "$bad"
