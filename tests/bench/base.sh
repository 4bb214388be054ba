#!/bin/sh
# tests/bench/base.sh REV DIR - build commit REV of this repository into
# DIR (DIR/bin/glean-*, DIR/lexicons) for GLEAN_BENCH_BASE=DIR, so that a
# benchmark times the old and the new build in the same run:
#
#	sh tests/bench/base.sh HEAD~3 /tmp/glean-base
#	GLEAN_BENCH_BASE=/tmp/glean-base make bench-chain
#
# Exits non-zero, saying why, when REV cannot be checked out or built.
set -eu
[ $# -eq 2 ] || { echo "usage: tests/bench/base.sh REV DIR" >&2; exit 2; }
rev=$1 dir=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$(mktemp -d)
trap 'git -C "$top" worktree remove --force "$src" 2>/dev/null; rm -rf "$src"' EXIT
git -C "$top" worktree add -q --detach "$src" "$rev"
make -C "$src" -j2 O=build >/dev/null
mkdir -p "$dir"
rm -rf "$dir/bin" "$dir/lexicons"
cp -r "$src/build/bin" "$dir/bin"
cp -r "$src/lexicons" "$dir/lexicons"
echo "base.sh: $(git -C "$top" rev-parse --short "$rev") built into $dir"
