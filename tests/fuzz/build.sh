#!/bin/sh
# tests/fuzz/build.sh [NAME]... - build the libFuzzer harnesses with clang
# (-fsanitize=fuzzer-no-link,address,undefined, linked with libFuzzer's
# no-main runtime) into ${GLEAN_FUZZ_BUILD:-build/fuzz}/:
#
#	fuzz-stream     the document stream reader (tests/fuzz/stream.c)
#	fuzz-html       glean-normalize's HTML reader (tests/fuzz/html.c with
#	                stages/normalize/html.c, extract.c, meta.c)
#	fuzz-record     the knowledge-record reader of glean-report and
#	                glean-export (tests/fuzz/record.c)
#	fuzz-toklayer   the reader of the "tokens" layer, either form
#	                (tests/fuzz/toklayer.c)
#	fuzz-NAME       each stage stages/NAME.c (tests/fuzz/stage.c); a
#	                folder stage stages/NAME/ includes its main.c (which
#	                holds main() and its glean_run call) and links its
#	                other modules
#
# With NAMEs, only those (stream or stage names).  Exits 77 when clang or
# its libFuzzer runtime is missing.  Needs no change to the stages: see the
# comment at the top of tests/fuzz/stage.c.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${GLEAN_FUZZ_BUILD:-$top/build/fuzz}
CLANG=${CLANG:-clang}

command -v "$CLANG" >/dev/null 2>&1 ||
	{ echo "skipped: $CLANG not found" >&2; exit 77; }
rt=$("$CLANG" -print-resource-dir)/lib/linux/libclang_rt.fuzzer_no_main-$(uname -m).a
[ -f "$rt" ] || { echo "skipped: $rt not found (libclang-rt-dev)" >&2; exit 77; }

PKGS="jansson libpcre2-8 libutf8proc libxml-2.0 zlib"
pkgc=$(pkg-config --cflags $PKGS)
pkgl="$(pkg-config --libs $PKGS) -lstemmer -lm"
version=$(sed -n 's/^VERSION = //p' "$top/config.mk")
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-g -O1 -std=c11 -D_GNU_SOURCE -DVERSION=\"$version\"
	-DDATADIR=\"/usr/local/share/glean\" -DBINDIR=\"/usr/local/bin\"
	-fsanitize=fuzzer-no-link $san
	-fno-omit-frame-pointer -Wno-unused-function -I$top/stages/lib
	-I$top/tests/fuzz $pkgc"

mkdir -p "$out/lib"
# the library, once, rebuilt when a source is newer than the archive
lib=$out/libglean-fuzz.a
rebuild=0
[ -f "$lib" ] || rebuild=1
for c in "$top"/stages/lib/*.c "$top"/stages/lib/*.h; do
	[ "$c" -nt "$lib" ] && rebuild=1
done
if [ "$rebuild" -eq 1 ]; then
	rm -f "$lib" "$out"/lib/*.o
	for c in "$top"/stages/lib/*.c; do
		o=$out/lib/$(basename "$c" .c).o
		# shellcheck disable=SC2086
		"$CLANG" $cflags -c -o "$o" "$c"
	done
	ar rc "$lib" "$out"/lib/*.o
fi

link()
{
	# shellcheck disable=SC2086
	"$CLANG" $san -o "$1" $2 "$lib" "$rt" -lstdc++ $pkgl
}

want()
{
	[ -z "$names" ] && return 0
	for w in $names; do
		[ "$w" = "$1" ] && return 0
	done
	return 1
}
names="$*"
failed=

if want stream; then
	# shellcheck disable=SC2086
	"$CLANG" $cflags -c -o "$out/stream.o" "$top/tests/fuzz/stream.c"
	link "$out/fuzz-stream" "$out/stream.o"
	echo "built $out/fuzz-stream"
fi
if want html; then
	objs=
	for m in html extract meta; do
		# shellcheck disable=SC2086
		"$CLANG" $cflags -I"$top/stages/normalize" -c \
		    -o "$out/html-$m.o" "$top/stages/normalize/$m.c"
		objs="$objs $out/html-$m.o"
	done
	# shellcheck disable=SC2086
	"$CLANG" $cflags -I"$top/stages/normalize" -c -o "$out/html.o" \
	    "$top/tests/fuzz/html.c"
	link "$out/fuzz-html" "$out/html.o $objs"
	echo "built $out/fuzz-html"
fi
# the knowledge-record reader of glean-report and glean-export
if want record; then
	# shellcheck disable=SC2086
	"$CLANG" $cflags -c -o "$out/record.o" "$top/tests/fuzz/record.c"
	link "$out/fuzz-record" "$out/record.o"
	echo "built $out/fuzz-record"
fi
# the reader of the "tokens" layer (glean-quotes --tokens)
if want toklayer; then
	# shellcheck disable=SC2086
	"$CLANG" $cflags -c -o "$out/toklayer.o" "$top/tests/fuzz/toklayer.c"
	link "$out/fuzz-toklayer" "$out/toklayer.o"
	echo "built $out/fuzz-toklayer"
fi
for src in "$top"/stages/*.c "$top"/stages/*/main.c; do
	[ -f "$src" ] || continue
	case $src in
	*/main.c) s=$(basename "$(dirname "$src")") ;;
	*) s=$(basename "$src" .c) ;;
	esac
	[ "$s" = lib ] && continue
	# readers of a record, not of a stream: their parsing is fuzz-record;
	# chain runs the stages fuzzed one by one here
	case $s in report|export|chain) continue ;; esac
	want "$s" || continue
	# a folder stage's other modules, built as they are
	mods=
	: >"$out/fuzz-$s.log"
	if [ "${src##*/}" = main.c ]; then
		for m in "$(dirname "$src")"/*.c; do
			[ "$m" = "$src" ] && continue
			o=$out/mod-$s-$(basename "$m" .c).o
			# shellcheck disable=SC2086
			"$CLANG" $cflags -c -o "$o" "$m" 2>>"$out/fuzz-$s.log" ||
				{ failed="$failed $s"; continue 2; }
			mods="$mods $o"
		done
	fi
	mode=
	case $s in
	normalize|merge) mode=-DFUZZ_WHOLE_MAIN ;;
	*) grep -q 'glean_run\|glean_main' "$src" || mode=-DFUZZ_WHOLE_MAIN ;;
	esac
	# shellcheck disable=SC2086
	if "$CLANG" $cflags $mode -DSTAGE_SRC="\"$src\"" -DSTAGE_NAME="\"$s\"" \
	    -c -o "$out/stage-$s.o" "$top/tests/fuzz/stage.c" \
	    2>>"$out/fuzz-$s.log" &&
	    link "$out/fuzz-$s" "$out/stage-$s.o $mods" 2>>"$out/fuzz-$s.log"; then
		echo "built $out/fuzz-$s${mode:+ (whole main)}"
	else
		echo "fuzz: cannot build the harness for $s (see $out/fuzz-$s.log)" >&2
		grep -m 5 'error' "$out/fuzz-$s.log" >&2 || :
		rm -f "$out/fuzz-$s"
		failed="$failed $s"
	fi
done
[ -z "$failed" ] || { echo "fuzz: not built:$failed" >&2; exit 1; }
