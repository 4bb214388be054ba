#!/bin/sh
# See LICENSE file for copyright and license details.
#
# cost.sh BASEOUT BASEDIR NEWOUT [STAGE...]: each stage's cost, the base
# build on the base's stream against this build on its own, each stage
# on its own input, as the bench runs a stage alone.  BASEOUT and NEWOUT
# hold one STAGE.jsonl per stage (BASEOUT: tests/house/same.sh --make;
# NEWOUT: GLEAN_SAME_KEEP=NEWOUT same.sh --expand BASEOUT); BASEDIR has
# bin/glean-* and lexicons/ (a checkout with build/bin: give BASEDIR/build
# and set GLEAN_BASE_LEXICONS).  Prints the sizes of the two outputs,
# then per stage the median of three user CPU times (/usr/bin/time %U)
# over the whole input and, with GLEAN_COST_CALLGRIND=N, the callgrind
# instruction counts over its first N documents.  Figures only; never a
# verdict.
chain="normalize tokenize entities dates money quotes ratings merge"
base=${1:?usage: cost.sh BASEOUT BASEDIR NEWOUT [STAGE...]}
bdir=${2:?usage: cost.sh BASEOUT BASEDIR NEWOUT [STAGE...]}
new=${3:?usage: cost.sh BASEOUT BASEDIR NEWOUT [STAGE...]}
shift 3
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${GLEAN_BIN:-$top/build/bin}
lex=${GLEAN_LEXICONS:-$top/lexicons}
blex=${GLEAN_BASE_LEXICONS:-$bdir/lexicons}
n=${GLEAN_COST_CALLGRIND:-}
[ $# -gt 0 ] || set -- tokenize entities dates money quotes ratings merge
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median3 CMD...: the median user time of three runs of CMD (stdin: $in)
median3()
{
	for _i in 1 2 3; do
		/usr/bin/time -f %U "$@" <"$in" 2>&1 >/dev/null | tail -n 1
	done | sort -n | sed -n 2p
}

# instr CMD...: callgrind's instruction count of CMD on $tmp/head.jsonl
instr()
{
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
	    <"$tmp/head.jsonl" 2>&1 >/dev/null |
	    sed -n 's/.*refs: *//p' | tr -d ,
}

for s in "$@"; do
	prev=
	for c in $chain; do
		[ "$c" = "$s" ] && break
		prev=$c
	done
	bin_in=$base/$prev.jsonl
	new_in=$new/$prev.jsonl
	[ -f "$new_in" ] || new_in=$bin_in	# normalize's output is shared
	echo "$s: bytes out $(wc -c <"$base/$s.jsonl") -> $(wc -c <"$new/$s.jsonl")"
	in=$bin_in
	b=$(GLEAN_LEXICONS=$blex median3 "$bdir/bin/glean-$s")
	in=$new_in
	a=$(GLEAN_LEXICONS=$lex median3 "$bin/glean-$s")
	echo "$s: user CPU $b s -> $a s"
	if [ -n "$n" ]; then
		head -n "$n" "$bin_in" >"$tmp/head.jsonl"
		b=$(GLEAN_LEXICONS=$blex instr "$bdir/bin/glean-$s")
		head -n "$n" "$new_in" >"$tmp/head.jsonl"
		a=$(GLEAN_LEXICONS=$lex instr "$bin/glean-$s")
		echo "$s: instructions on $n documents $b -> $a" \
		    "($(echo "scale=3; $a / $b" | bc))"
	fi
done
