#!/bin/sh
# Benchmark glean-normalize --jsonl against wc -w on a ~100 MB JSON Lines
# stream: the 2,225 BBC articles of $shared/corpus-ext/bbc, repeated.
# Prints MB/s and the median of 5 runs of each, and normalize's peak RSS.
# The stream is cached in $GLEAN_BENCH_DIR when set (else a temp dir).
set -eu
top=${GLEAN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${GLEAN_BIN:-$top/build/bin}
lex=${GLEAN_LEXICONS:-$top/lexicons}
shared=${GLEAN_SHARED:-$top/../shared}
runs=${GLEAN_BENCH_RUNS:-5}
if [ ! -d "$shared/corpus-ext/bbc" ]; then
	echo "skipped: $shared/corpus-ext/bbc not found" >&2
	exit 77
fi
dir=${GLEAN_BENCH_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
in=$dir/normalize-bench.jsonl
if [ ! -s "$in" ]; then
	python3 - "$shared/corpus-ext/bbc" "$in" <<'PY'
import json, os, sys
src, out = sys.argv[1:3]
docs = []
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    docs.append(json.dumps({"id": name[:-4], "source": "bbc/" + name,
                            "text": text}, ensure_ascii=False) + "\n")
block = "".join(docs).encode("utf-8")
with open(out, "wb") as f:
    n = 0
    while n < 100 * 1000 * 1000:
        f.write(block)
        n += len(block)
PY
fi
size=$(wc -c <"$in")
# time_one CMD...: seconds of one run (stdout discarded)
time_one()
{
	python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print("%.3f" % (time.perf_counter() - t))
PY
}
median()
{
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
for i in $(seq "$runs"); do
	time_one "$bin/glean-normalize" -L "$lex" --jsonl "$in"
done | median >"$dir/t.norm"
for i in $(seq "$runs"); do
	time_one wc -w "$in"
done | median >"$dir/t.wc"
tn=$(cat "$dir/t.norm")
tw=$(cat "$dir/t.wc")
if [ -x /usr/bin/time ]; then
	rss=$(/usr/bin/time -f %M "$bin/glean-normalize" -L "$lex" --jsonl \
	    "$in" 2>&1 >/dev/null | tail -n 1)
else
	rss=unknown
fi
awk -v s="$size" -v tn="$tn" -v tw="$tw" -v rss="$rss" 'BEGIN {
	printf "normalize bench: input %.1f MB (BBC corpus repeated), median of runs\n", s / 1e6
	printf "  glean-normalize --jsonl: %.3f s  %.1f MB/s\n", tn, s / 1e6 / tn
	printf "  wc -w:                   %.3f s  %.1f MB/s\n", tw, s / 1e6 / tw
	printf "  ratio normalize / wc -w: %.2f (target <= 1.5)\n", tn / tw
	printf "  normalize peak RSS:      %s KB\n", rss
}'
