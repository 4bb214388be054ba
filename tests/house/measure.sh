#!/bin/sh
# See LICENSE file for copyright and license details.
#
# measure.sh [TREE]: the sizes issue 17 sets targets for, in the C
# sources under TREE/stages (default: this checkout).  Prints
#   files over 1500 lines, functions over 120 and over 60 lines
#   (from universal-ctags' line: and end: fields, the name's line to
#   the closing brace), and the pairs `duplicates` finds in TREE.
# With -v, lists each file and function over a bound.
# Needs universal-ctags; `duplicates` is optional (skipped without).
# Targets: 0 files over 1500, 0 functions over 120, <= 25 over 60,
# <= 15 duplicate pairs.
verbose=0
if [ "$1" = -v ]; then verbose=1; shift; fi
tree=${1:-$(dirname "$0")/../..}
cd "$tree" || exit 2
src=$(find stages -name '*.[ch]' | sort)

files=$(wc -l $src | awk '$2 != "total" && $1 > 1500')
nfiles=$(printf '%s' "$files" | grep -c .)
funcs=$(ctags --fields=+ne --c-kinds=f -o - $src |
    awk -F'\t' '{ l = e = 0
	for (i = 4; i <= NF; i++) {
		if ($i ~ /^line:/) l = substr($i, 6)
		if ($i ~ /^end:/) e = substr($i, 5)
	}
	if (l && e) print e - l + 1, $2 ":" l, $1 }' | sort -rn)
n120=$(printf '%s\n' "$funcs" | awk '$1 > 120' | grep -c .)
n60=$(printf '%s\n' "$funcs" | awk '$1 > 60' | grep -c .)

echo "files over 1500 lines: $nfiles"
echo "functions over 120 lines: $n120"
echo "functions over 60 lines: $n60"
if [ $verbose = 1 ]; then
	printf '%s\n' "$files" | sed 's/^/  file /'
	printf '%s\n' "$funcs" | awk '$1 > 60 { print "  func", $0 }'
fi
if command -v duplicates >/dev/null; then
	printf 'duplicates: '
	duplicates --seconds "${DUP_SECONDS:-60}" | head -1
fi
