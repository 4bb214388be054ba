#!/bin/sh
# Article-body extraction of glean-normalize on the 181 real pages of
# ../shared/eval/article-extraction (the Scrapinghub benchmark): its
# score.py line (4-word shingle F1, precision, recall), then how many
# pages got a title.  Fails below the figures reached, less a little:
# F1 0.96, precision 0.95, 178 titles (reached 0.968, 0.962, 181; the issue
# asks 0.95, 0.93, 170); then runs the whole chain over the documents.
. "$(dirname "$0")/../setup"
need_shared eval/article-extraction/score.py
bench=$shared/eval/article-extraction
glean-normalize "$bench"/html/*.html.gz >"$scratch/docs.jsonl" ||
	fail "glean-normalize failed on the pages"
n=$(wc -l <"$scratch/docs.jsonl")
[ "$n" -eq 181 ] || fail "$n documents for 181 pages"
jq -c '{id: (.id | sub("\\.html$"; "")), text: (.text // "")}' \
    "$scratch/docs.jsonl" >"$scratch/pred.jsonl"
python3 "$bench/score.py" "$scratch/pred.jsonl" >"$scratch/score.txt"
sed "s/^/score: /" "$scratch/score.txt"
titles=$(jq -r 'select((.title // "") != "") | .id' "$scratch/docs.jsonl" |
	wc -l)
echo "score: titles $titles/181"
awk -v t="$titles" '{ f = $3; p = $5 }
	END { exit !(f >= 0.96 && p >= 0.95 && t >= 178) }' \
    "$scratch/score.txt" || fail "below F1 0.96, precision 0.95 or 178 titles"
# the whole chain over the pages' documents: no stage fails or rejects one
prev=$scratch/docs.jsonl
for s in tokenize entities dates money quotes ratings; do
	glean-$s <"$prev" >"$scratch/$s.jsonl" || fail "glean-$s failed"
	prev=$scratch/$s.jsonl
done
[ "$(jq -c 'select(.errors)' "$prev" | wc -l)" -eq 0 ] ||
	fail "the chain left errors on some pages"
glean-merge "$prev" >"$scratch/kb.json" || fail "glean-merge failed"
echo "score: chain over the 181 documents: no stage failed"
