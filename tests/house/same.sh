#!/bin/sh
# See LICENSE file for copyright and license details.
#
# same.sh BASEOUT [STAGE...]: run each stage of this build on the input
# the base run gave it (BASEOUT holds input.jsonl and one STAGE.jsonl per
# stage, as written by the base binaries in chain order) and say whether
# its output is byte-identical to the base's, with both sha256 sums.
# Exit 1 when any differs.  Default stages: the whole chain.
#
# same.sh --make BASEDIR INPUT BASEOUT: write BASEOUT from INPUT (e.g. the
# bench stream, /tmp/glean-bench/stream-100mb.jsonl) with the base build
# BASEDIR (BASEDIR/bin/glean-*, BASEDIR/lexicons: tests/bench/base.sh).
#
# same.sh --expand BASEOUT [STAGE...]: for a base written in the old
# arrays form of "tokens": run this build's chain from tokenize on (each
# stage on the previous one's new output, so every stage reads the
# compact layer) and compare each asked stage's output, its "tokens"
# rewritten into the arrays form (build/tools/token-arrays), with the
# base's (merge's as it is).  The new outputs are kept in
# $GLEAN_SAME_KEEP when set.
#
# same.sh --arrays BASEOUT [STAGE...]: as the first form, glean-tokenize
# run with --token-arrays (the old form, which the later stages pass
# through as they got it).
chain="normalize tokenize entities dates money quotes ratings merge"
if [ "${1:-}" = --make ]; then
	[ $# -eq 4 ] || { echo "usage: same.sh --make BASEDIR INPUT BASEOUT" >&2; exit 2; }
	mkdir -p "$4" && cp "$3" "$4/input.jsonl" || exit 2
	prev=input
	for c in $chain; do
		GLEAN_LEXICONS=$2/lexicons "$2/bin/glean-$c" \
		    <"$4/$prev.jsonl" >"$4/$c.jsonl" || [ $? -eq 1 ] || exit 2
		prev=$c
	done
	exit 0
fi
expand= tokopt=
case ${1:-} in
--expand) expand=1; shift ;;
--arrays) tokopt=--token-arrays; shift ;;
esac
out=${1:?usage: same.sh [--expand | --arrays] BASEOUT [STAGE...]}
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${GLEAN_BIN:-$top/build/bin}
export GLEAN_LEXICONS=${GLEAN_LEXICONS:-$top/lexicons}
[ $# -gt 0 ] || set -- $chain
st=0
# verdict STAGE NEW OLD [HOW]: say whether the sums agree; st=1 if not
verdict()
{
	if [ "$2" = "$3" ]; then
		echo "$1: identical${4:+ $4} $2"
	else
		echo "$1: DIFFERS${4:+ $4:} base $3 new $2"
		st=1
	fi
}
if [ -n "$expand" ]; then
	tool=${GLEAN_TOOLS:-$top/build/tools}/token-arrays
	[ -x "$tool" ] || { echo "same.sh: no $tool (make)" >&2; exit 2; }
	keep=${GLEAN_SAME_KEEP:-$(mktemp -d /tmp/same-expand.XXXXXX)}
	mkdir -p "$keep" || exit 2
	last=
	for c in $chain; do
		for s in "$@"; do [ "$s" = "$c" ] && last=$c; done
	done
	prev=$out/normalize.jsonl
	for c in $chain; do
		[ "$c" = normalize ] && continue
		"$bin/glean-$c" <"$prev" >"$keep/$c.jsonl" || [ $? -eq 1 ] || exit 2
		prev=$keep/$c.jsonl
		for s in "$@"; do
			[ "$s" = "$c" ] || continue
			# merge's record holds no layer: compared as it is
			if [ "$c" = merge ]; then
				new=$(sha256sum <"$prev" | cut -c1-64)
			else
				new=$("$tool" <"$prev" | sha256sum | cut -c1-64)
			fi
			verdict "$c" "$new" \
			    "$(sha256sum <"$out/$c.jsonl" | cut -c1-64)" expanded
		done
		[ "$c" = "$last" ] && break
	done
	[ -n "${GLEAN_SAME_KEEP:-}" ] || rm -rf "$keep"
	exit $st
fi
for s in "$@"; do
	prev=input
	for c in $chain; do
		[ "$c" = "$s" ] && break
		prev=$c
	done
	opt=
	[ "$s" = tokenize ] && opt=$tokopt
	new=$("$bin/glean-$s" $opt < "$out/$prev.jsonl" | sha256sum | cut -c1-64)
	verdict "$s" "$new" "$(sha256sum < "$out/$s.jsonl" | cut -c1-64)"
done
exit $st
