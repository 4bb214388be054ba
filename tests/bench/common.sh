# tests/bench/common.sh - helpers shared by the benchmarks in tests/bench/.
#
# Use from a benchmark (run as `sh tests/bench/NAME.sh`, usually by
# `make bench` or `make bench-NAME`, which set GLEAN_BIN and friends):
#
#	. "$(dirname "$0")/common.sh"
#	in=$(bench_layer tokenize)        # stream that feeds tokenize
#	bench_time tokenize "$in" glean-tokenize
#	bench_wcw "$in"
#	[ "$bench_rss_kb" -le 65536 ] || bench_fail "tokenize over 64 MB"
#
# Variables set on sourcing:
#	top bin lex shared   checkout, build/bin, lexicons, ../shared
#	benchdir             cache folder, ${GLEAN_BENCH_DIR:-/tmp/glean-bench}
#	bench_runs           runs per timing, ${GLEAN_BENCH_RUNS:-3} (median kept)
#	PATH                 starts with $bin, so glean-X runs the build
#
# Functions (all print to stdout; progress notes go to stderr):
#	bench_skip MSG       print "skipped: MSG" and exit 0 (make bench goes on)
#	bench_fail MSG       print "FAIL: MSG" and exit 1
#	bench_exit BAD       end a benchmark whose targets were missed (BAD
#	                     not 0) or met: the FAIL lines are printed either
#	                     way; exit 1 only with GLEAN_BENCH_STRICT=1, so
#	                     that `make bench` goes on to the other benchmarks
#	bench_need_corpus    bench_skip unless ../shared/corpus-ext/bbc exists
#	bench_stages         names of the built stages, in chain order
#	                     (normalize tokenize entities dates money quotes
#	                     ratings, then any other stage, merge last; not
#	                     report, export and chain)
#	bench_have STAGE     true when build/bin/glean-STAGE exists
#	bench_stream [MB]    path of a cached JSON Lines stream of about MB
#	                     megabytes (default 100): the 2,225 BBC articles
#	                     repeated as {"id","source","text"} documents, the
#	                     ids made unique with a -rNN suffix.  Built once.
#	bench_layer STAGE [MB]
#	                     path of the cached stream that feeds STAGE: the
#	                     bench_stream run through every built stage that
#	                     comes before STAGE in chain order.  Rebuilt when
#	                     any of those binaries or the lexicons change.
#	bench_time LABEL INPUT CMD [ARG]...
#	                     run `CMD ARG... <INPUT >/dev/null` bench_runs times
#	                     and print one line
#	                       bench: LABEL  1.234 s  81.0 MB/s  peak RSS 12.3 MB
#	                     (median wall time; MB/s = INPUT bytes / median /
#	                     1e6; peak RSS = largest of the runs).  Sets
#	                     bench_secs, bench_mbs, bench_rss_kb, bench_status.
#	                     A pipeline: bench_time chain "$in" sh -c 'a | b'.
#	bench_wcw INPUT      bench_time "wc -w" INPUT wc -w
#	bench_snapshot       copy build/bin/glean-* and the lexicons to
#	                     $benchdir/snap and use those (bin, PATH,
#	                     GLEAN_BIN, GLEAN_LEXICONS), so a rebuild during
#	                     a long benchmark does not disturb it
#	bench_mb FILE        size of FILE in MB (one decimal)
#	bench_ratio A B      A / B with two decimals (awk)
#
# Needs /usr/bin/time (GNU time) and perl (JSON::PP, core) to build the
# stream; skips (exit 0) without them.

LC_ALL=C.UTF-8
export LC_ALL
top=${GLEAN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${GLEAN_BIN:-$top/build/bin}
lex=${GLEAN_LEXICONS:-$top/lexicons}
shared=${GLEAN_SHARED:-$top/../shared}
GLEAN_LEXICONS=$lex
export GLEAN_LEXICONS
PATH=$bin:$PATH
export PATH
benchdir=${GLEAN_BENCH_DIR:-/tmp/glean-bench}
bench_runs=${GLEAN_BENCH_RUNS:-3}
bench_secs=0 bench_mbs=0 bench_rss_kb=0 bench_status=0 bench_all=

bench_skip()
{
	echo "skipped: $*"
	exit 0
}

bench_fail()
{
	echo "FAIL: $*"
	exit 1
}

bench_exit()
{
	if [ "$1" -ne 0 ] && [ "${GLEAN_BENCH_STRICT:-0}" = 1 ]; then
		exit 1
	fi
	exit 0
}

bench_need_corpus()
{
	[ -d "$shared/corpus-ext/bbc" ] ||
		bench_skip "$shared/corpus-ext/bbc not found (needs ../shared)"
	[ -x /usr/bin/time ] || bench_skip "GNU time (/usr/bin/time) not found"
	perl -MJSON::PP -e 1 2>/dev/null || bench_skip "perl JSON::PP not found"
}

bench_have()
{
	[ -x "$bin/glean-$1" ]
}

bench_stages()
{
	_known="normalize tokenize entities dates money quotes ratings"
	for _s in $_known; do
		bench_have "$_s" && echo "$_s"
	done
	for _f in "$bin"/glean-*; do
		[ -x "$_f" ] || continue
		_s=${_f##*/glean-}
		# report and export read a record, not the stream; chain
		# runs the stages above in one process
		case " $_known merge report export chain " in *" $_s "*) continue ;; esac
		echo "$_s"
	done
	bench_have merge && echo merge
	return 0
}

bench_snapshot()
{
	rm -rf "$benchdir/snap"
	mkdir -p "$benchdir/snap/bin" "$benchdir/snap/lexicons"
	cp "$bin"/glean-* "$benchdir/snap/bin/" || bench_fail "no programs in $bin"
	cp "$lex"/*.tsv "$benchdir/snap/lexicons/" 2>/dev/null || :
	bin=$benchdir/snap/bin
	lex=$benchdir/snap/lexicons
	GLEAN_BIN=$bin
	GLEAN_LEXICONS=$lex
	PATH=$bin:$PATH
	export GLEAN_BIN GLEAN_LEXICONS PATH
}

bench_mb()
{
	wc -c <"$1" | awk '{ printf "%.1f", $1 / 1e6 }'
}

bench_ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

bench_stream()
{
	_mb=${1:-100}
	_out=$benchdir/stream-${_mb}mb.jsonl
	if [ ! -s "$_out" ]; then
		mkdir -p "$benchdir"
		echo "bench: building $_out from $shared/corpus-ext/bbc" >&2
		perl -MJSON::PP -e '
			my ($dir, $mb) = @ARGV;
			opendir(my $d, $dir) or die "$dir: $!\n";
			my @f = sort grep { /\.txt$/ } readdir $d;
			my %text;
			for my $f (@f) {
				open(my $fh, "<:raw", "$dir/$f") or die "$f: $!\n";
				local $/; my $t = <$fh>; close $fh;
				utf8::decode($t);
				$text{$f} = $t;
			}
			my $js = JSON::PP->new->utf8->canonical;
			my $want = $mb * 1e6; my $n = 0;
			for (my $r = 1; $n < $want; $r++) {
				for my $f (@f) {
					(my $id = $f) =~ s/\.txt$//;
					my $line = $js->encode({
					    id => sprintf("%s-r%02d", $id, $r),
					    source => "bbc/$f",
					    text => $text{$f} }) . "\n";
					print $line; $n += length $line;
					last if $n >= $want;
				}
			}' "$shared/corpus-ext/bbc" "$_mb" >"$_out.tmp" &&
			mv "$_out.tmp" "$_out" || { rm -f "$_out.tmp"; return 1; }
	fi
	echo "$_out"
}

# bench_key FILE...: short sha256 over the files and the lexicons.
bench_key()
{
	{
		for _f in "$@"; do sha256sum "$_f"; done
		cat "$lex"/*.tsv 2>/dev/null | sha256sum
	} | sha256sum | cut -c1-12
}

bench_layer()
{
	_target=$1
	_mb=${2:-100}
	_in=$(bench_stream "$_mb") || return 1
	_chain= _bins=
	for _s in $(bench_stages); do
		[ "$_s" = "$_target" ] && break
		[ "$_s" = merge ] && break
		_chain="$_chain $_s"
		_bins="$_bins $bin/glean-$_s"
	done
	if [ -z "$_chain" ]; then
		echo "$_in"
		return 0
	fi
	# shellcheck disable=SC2086
	_key=$(bench_key $_bins)
	_name=$(echo $_chain | tr ' ' '+')
	_out=$benchdir/layer-${_mb}mb-$_name-$_key.jsonl
	if [ ! -s "$_out" ]; then
		rm -f "$benchdir"/layer-"${_mb}"mb-"$_name"-*.jsonl
		echo "bench: building $_out ($_chain )" >&2
		_cmd="cat '$_in'"
		for _s in $_chain; do
			_cmd="$_cmd | glean-$_s"
		done
		sh -c "$_cmd" >"$_out.tmp" &&
			mv "$_out.tmp" "$_out" || { rm -f "$_out.tmp"; return 1; }
	fi
	echo "$_out"
}

# bench_median SECONDS...: the median (the lower of the middle two).
bench_median()
{
	echo "$@" | tr ' ' '\n' | sort -n |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# bench_time LABEL INPUT CMD...: CMD <INPUT run bench_runs times, a line
# printed; sets bench_secs (the median wall time), bench_all (every run's
# seconds), bench_mbs, bench_rss_kb (the highest peak) and bench_status.
bench_time()
{
	_label=$1 _input=$2
	shift 2
	_tf=$(mktemp)
	_all=
	_rss=0
	bench_status=0
	_i=0
	while [ "$_i" -lt "$bench_runs" ]; do
		_i=$((_i + 1))
		_t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$_tf" "$@" <"$_input" >/dev/null ||
			bench_status=$?
		_t1=$(date +%s%N)
		_all="$_all $(awk -v a="$_t0" -v b="$_t1" \
			'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
		_m=$(tail -n 1 "$_tf")
		[ "$_m" -gt "$_rss" ] 2>/dev/null && _rss=$_m
	done
	rm -f "$_tf"
	bench_all=$_all
	bench_secs=$(bench_median $_all)
	_bytes=$(wc -c <"$_input")
	bench_mbs=$(awk -v b="$_bytes" -v s="$bench_secs" \
		'BEGIN { printf "%.1f", (s > 0 ? b / s / 1e6 : 0) }')
	bench_rss_kb=$_rss
	awk -v l="$_label" -v s="$bench_secs" -v m="$bench_mbs" -v r="$_rss" \
	    -v st="$bench_status" 'BEGIN {
		printf "bench: %-12s %8.3f s %8s MB/s  peak RSS %7.1f MB%s\n",
		    l, s, m, r / 1024, (st != 0 ? "  (exit " st ")" : "")
	}'
}

bench_wcw()
{
	bench_time "wc -w" "$1" wc -w
}

# bench_stage STAGE: glean-STAGE alone over the ~GLEAN_BENCH_MB stream
# that feeds it (bench_layer), beside `wc -w` on the same stream.  Sets
# bench_in (the input), stage_secs, wcw_secs, stage_rss_kb and
# stage_ratio (stage / wc -w); fails (bench_fail) when the stage exits
# non-zero or its peak RSS is over 64 MB.
bench_stage()
{
	bench_have "$1" || bench_skip "glean-$1 not built"
	bench_in=$(bench_layer "$1" "${GLEAN_BENCH_MB:-100}") ||
		bench_fail "could not build the input stream"
	echo "bench: input $bench_in ($(bench_mb "$bench_in") MB)"
	bench_wcw "$bench_in"
	wcw_secs=$bench_secs
	bench_time "$1" "$bench_in" "glean-$1"
	[ "$bench_status" -eq 0 ] ||
		bench_fail "glean-$1 exited $bench_status"
	stage_secs=$bench_secs
	stage_rss_kb=$bench_rss_kb
	stage_ratio=$(bench_ratio "$stage_secs" "$wcw_secs")
	[ "$stage_rss_kb" -le 65536 ] ||
		bench_fail "$1 peak RSS $stage_rss_kb KB (over 64 MB)"
}
