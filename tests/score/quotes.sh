#!/bin/sh
# tests/score/quotes.sh - accuracy of glean-quotes.
#
# 1. The seed gold ($shared/gold/*.json, "quotes"): the seed texts run
#    through every earlier stage that is built (normalize, tokenize,
#    entities), then glean-quotes.  Quote span F1 (exact spans) and
#    speaker accuracy on speech and report quotes.  Gold items marked
#    ambiguous count when matched and are not missed when not; a
#    predicted quote on a gold scare span is left out of the count (the
#    kinds are scored, not the spans, there); a gold speech or report
#    quote predicted as scare is a miss.
# 2. The PolNeAR paragraphs ($shared/eval/quotes-polnear.jsonl), scored by
#    $shared/eval/score-quotes.py on the test split (QUOTES_SPLIT=/train/
#    to tune), scare quotes ignored.  PolNeAR's speakers are the source
#    phrases as written in the paragraph ("he", not whom it means; "Jeff
#    Sessions, a close advisor to Trump"), so the prediction's speaker
#    there is the text of its speaker_phrase (else speaker_span).
# 3. The real Ofsted news of $shared/ofsted-dev through every per-document
#    stage (tests/setup's ofsted_dev_docs), scored by its score.py: quote
#    span F1 and speaker accuracy on matched quotations.
# 4. No speaker in those outputs is a pronoun (lexicons/pronouns.tsv).
# Thresholds (issues 5 and 11, a little under what is reached): seed F1
# >= 0.95, seed speakers >= 0.95, PolNeAR overlap F1 >= 0.90, PolNeAR
# speakers >= 0.80, dev F1 >= 0.98, dev speakers >= 0.94, pronouns 0.
. "$(dirname "$0")/../setup"
need_shared gold
need_shared seeds
need_shared eval/quotes-polnear.jsonl
need_shared ofsted-dev/score.py
command -v python3 >/dev/null || { echo "skipped: no python3" >&2; exit 77; }
[ -x "$bin/glean-quotes" ] || fail "$bin/glean-quotes not built"
split=${QUOTES_SPLIT:-/test/}

# chain CMD...: the stages before quotes that exist, then quotes.
chain()
{
	c=cat
	for s in normalize tokenize entities; do
		[ -x "$bin/glean-$s" ] && c="$c | glean-$s"
	done
	sh -c "$c | glean-quotes"
}

# Seed articles as documents: normalize reads the raw files when built.
if [ -x "$bin/glean-normalize" ]; then
	glean-normalize "$shared"/seeds/*.txt >"$scratch/seeds.jsonl"
	start=tokenize
else
	python3 - "$shared/seeds" >"$scratch/seeds.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    if f.endswith('.txt'):
        t = open(os.path.join(d, f), encoding='utf-8').read()
        print(json.dumps({'id': f[:-4], 'source': f, 'text': t}))
PY
fi
c=cat
for s in tokenize entities; do
	[ -x "$bin/glean-$s" ] && c="$c | glean-$s"
done
sh -c "$c | glean-quotes" <"$scratch/seeds.jsonl" >"$scratch/seeds.out" ||
	fail "glean-quotes failed on the seeds"

python3 - "$shared/gold" "$scratch/seeds.out" >"$scratch/seed.txt" <<'PY' ||
import json, os, sys
gold_dir, out = sys.argv[1], sys.argv[2]
SCORED = ('speech', 'report')
def norm(s):
    s = (s or '').casefold().strip()
    return s[4:] if s.startswith('the ') else s
tp = n_gold = n_pred = 0
spk_ok = spk_n = 0
for line in open(out, encoding='utf-8'):
    d = json.loads(line)
    ident = d.get('id', '')
    gpath = os.path.join(gold_dir, ident + '.json')
    if not os.path.exists(gpath):
        continue
    gold = json.load(open(gpath, encoding='utf-8'))['quotes']
    byspan = {(g['start'], g['end']): g for g in gold}
    for g in gold:
        if g['kind'] in SCORED and not g.get('ambiguous'):
            n_gold += 1
    for p in d.get('quotes') or []:
        g = byspan.get((p['start'], p['end']))
        if p.get('kind') not in SCORED:
            continue
        if g is not None and g['kind'] not in SCORED:
            continue            # a kind dispute, not a span error
        n_pred += 1
        if g is None:
            print('EXTRA', ident, p['start'], p['end'], p['text'][:60])
            continue
        tp += 1
        if g.get('ambiguous'):
            n_gold += 1         # matched ambiguous items count
        if g['speaker'] is not None:
            spk_n += 1
            if norm(g['speaker']) == norm(p.get('speaker')):
                spk_ok += 1
            else:
                print('SPEAKER', ident, g['start'], repr(g['speaker']),
                      repr(p.get('speaker')))
    got = {(p['start'], p['end']) for p in d.get('quotes') or []
           if p.get('kind') in SCORED}
    for g in gold:
        if (g['kind'] in SCORED and not g.get('ambiguous') and
                (g['start'], g['end']) not in got):
            print('MISS', ident, g['start'], g['end'], g['text'][:60])
P = tp / n_pred if n_pred else 0
R = tp / n_gold if n_gold else 0
F = 2 * P * R / (P + R) if P + R else 0
A = spk_ok / spk_n if spk_n else 0
print(f'score: quotes seed span P={P:.3f} R={R:.3f} F1={F:.3f} '
      f'(tp={tp} pred={n_pred} gold={n_gold})')
print(f'score: quotes seed speaker accuracy {spk_ok}/{spk_n} = {A:.3f}')
print('RESULT', 'ok' if F >= 0.95 and A >= 0.95 else 'low')
PY
	fail "seed scorer failed"
grep -v '^RESULT' "$scratch/seed.txt"
ok=yes
grep -q '^RESULT ok' "$scratch/seed.txt" || ok=no

# PolNeAR: each paragraph is a document.
jq -c '{id: .source, text: .text}' "$shared/eval/quotes-polnear.jsonl" |
	chain >"$scratch/polnear.out" || fail "glean-quotes failed on PolNeAR"
jq -c '.text as $t | {quotes: [(.quotes // [])[] | . + {speaker:
	(if (.speaker_phrase | type) == "array"
	 then $t[.speaker_phrase[0]:.speaker_phrase[1]]
	 elif (.speaker_span | type) == "array"
	 then $t[.speaker_span[0]:.speaker_span[1]] else .speaker end)}]}' \
	"$scratch/polnear.out" >"$scratch/polnear.pred"
python3 "$shared/eval/score-quotes.py" "$shared/eval/quotes-polnear.jsonl" \
	"$scratch/polnear.pred" --only "$split" --ignore-kind scare \
	${QUOTES_VERBOSE:+-v} >"$scratch/polnear.txt" ||
	fail "score-quotes.py failed"
[ -n "${QUOTES_VERBOSE:-}" ] && cat "$scratch/polnear.txt" >&2
f1=$(sed -n 's/^overlap span: .*F1=\([0-9.]*\).*/\1/p' "$scratch/polnear.txt")
acc=$(sed -n 's/^speaker accuracy.*: [0-9]*\/[0-9]* = \([0-9.]*\) .*/\1/p' \
	"$scratch/polnear.txt")
len=$(sed -n 's/.*(lenient [0-9]*\/[0-9]* = \([0-9.]*\)).*/\1/p' \
	"$scratch/polnear.txt")
ex=$(sed -n 's/^exact *span: .*F1=\([0-9.]*\).*/\1/p' "$scratch/polnear.txt")
echo "score: quotes polnear $split overlap F1=$f1 (exact F1=$ex)"
echo "score: quotes polnear $split speaker accuracy (speaker_phrase, as written) $acc (lenient $len)"
# The resolved speaker ("speaker": a name, never "he") where PolNeAR's gold
# speaker is not a bare pronoun (pronoun golds made speakerless, so that
# the matching of spans stays the same): the real accuracy of who said it.
jq -c --rawfile p "$lex/pronouns.tsv" '($p | split("\n") |
	map(select(length > 0 and (startswith("#") | not)) | split("\t")[0])) as
	$prons | .quotes |= map(if .speaker != null and
	(.speaker | ascii_downcase) as $s | $prons | index($s) then
	.speaker = null else . end)' "$shared/eval/quotes-polnear.jsonl" \
	>"$scratch/polnear-named.jsonl"
jq -c '{quotes: (.quotes // [])}' "$scratch/polnear.out" >"$scratch/polnear.spk"
python3 "$shared/eval/score-quotes.py" "$scratch/polnear-named.jsonl" \
	"$scratch/polnear.spk" --only "$split" --ignore-kind scare \
	${QUOTES_VERBOSE:+-v} >"$scratch/polnear-named.txt" ||
	fail "score-quotes.py failed"
[ -n "${QUOTES_VERBOSE:-}" ] && grep '^SPEAKER' "$scratch/polnear-named.txt" >&2
named=$(sed -n 's/^speaker accuracy.*: \([0-9]*\/[0-9]* = [0-9.]*\) (lenient [0-9]*\/[0-9]* = \([0-9.]*\)).*/\1 (lenient \2)/p' \
	"$scratch/polnear-named.txt")
echo "score: quotes polnear $split resolved speaker, gold not a pronoun: $named"
# The same, the gold cut before its appositive ("Jeff Sessions, a close
# advisor to Trump" is "Jeff Sessions"): glean's speaker is the name only.
jq -c '.quotes |= map(if .speaker != null then
	.speaker = (.speaker | split(",")[0]) else . end)' \
	"$scratch/polnear-named.jsonl" >"$scratch/polnear-head.jsonl"
python3 "$shared/eval/score-quotes.py" "$scratch/polnear-head.jsonl" \
	"$scratch/polnear.spk" --only "$split" --ignore-kind scare \
	>"$scratch/polnear-head.txt" || fail "score-quotes.py failed"
head=$(sed -n 's/^speaker accuracy.*: \([0-9]*\/[0-9]* = [0-9.]*\) (lenient [0-9]*\/[0-9]* = \([0-9.]*\)).*/\1 (lenient \2)/p' \
	"$scratch/polnear-head.txt")
echo "score: quotes polnear $split resolved speaker, gold not a pronoun, gold's name before its appositive: $head"
awk -v f="$f1" -v a="$acc" 'BEGIN { exit !(f >= 0.90 && a >= 0.80) }' ||
	ok=no

# The real Ofsted news (../shared/ofsted-dev).
ofsted_dev_docs >"$scratch/dev.out" || fail "the stages failed on ofsted-dev"
python3 "$shared/ofsted-dev/score.py" "$scratch/dev.out" "$shared/ofsted-dev" \
	${QUOTES_VERBOSE:+-v} >"$scratch/dev.txt" || fail "score.py failed"
[ -n "${QUOTES_VERBOSE:-}" ] && grep -E '^(SPEAKER|QUOTE)' "$scratch/dev.txt" >&2
line=$(grep '^quotes: ' "$scratch/dev.txt")
df1=$(echo "$line" | sed -n 's/.* f1 \([0-9.]*\);.*/\1/p')
dsp=$(echo "$line" | sed -n 's/.*; speaker \([0-9.]*\) .*/\1/p')
echo "score: quotes ofsted-dev span F1=$df1"
echo "score: quotes ofsted-dev speaker accuracy $dsp $(echo "$line" |
	sed -n 's/.*speaker [0-9.]* \(([0-9]*\/[0-9]*)\).*/\1/p')"
awk -v f="$df1" -v a="$dsp" 'BEGIN { exit !(f >= 0.98 && a >= 0.94) }' ||
	ok=no

# Never a pronoun for a speaker ("US" and "WHO" are names, not pronouns).
np=$(cat "$scratch/seeds.out" "$scratch/polnear.out" "$scratch/dev.out" |
	python3 -c '
import json, sys
prons = set()
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip() and not l.startswith("#"):
        prons.add(l.split("\t")[0].strip())
n = 0
for line in sys.stdin:
    for q in json.loads(line).get("quotes") or []:
        s = q.get("speaker")
        if s and s.lower() in prons and not (len(s) > 1 and s.isupper()):
            print("PRONOUN", repr(s), file=sys.stderr)
            n += 1
print(n)' "$lex/pronouns.tsv")
echo "score: quotes pronoun speakers $np"
[ "$np" -eq 0 ] || ok=no
[ "$ok" = yes ] || fail "below threshold"
