#!/bin/sh
# Accuracy of glean-money: the seed gold (../shared/gold) and the
# Recognizers-Text currency suite (../shared/eval).  Span F1 is the
# overlap F1 (exact is printed too); see spans.py for the matching.
. "$(dirname "$0")/../setup"
need_shared gold/README.md
need_shared eval/score-spans.py
here=$(cd "$(dirname "$0")" && pwd)
py="python3 $here/spans.py"
st=0

seed_docs >"$scratch/seeds.jsonl"
glean-money <"$scratch/seeds.jsonl" >"$scratch/money.jsonl"
$py gold money "$shared/gold" "$scratch/money.jsonl" 0.97 0.97 \
    2>"$scratch/gold.log" || { st=1; cat "$scratch/gold.log" >&2; }

suite=$shared/eval/currency.jsonl
$py rt-docs "$suite" >"$scratch/rt.jsonl"
glean-money <"$scratch/rt.jsonl" >"$scratch/rt-out.jsonl"
$py rt-pred money "$suite" "$scratch/rt-out.jsonl" >"$scratch/pred.jsonl"
python3 "$shared/eval/score-spans.py" "$suite" "$scratch/pred.jsonl" \
    >"$scratch/res.txt"
$py rt-score "money currency" 0.85 "$scratch/res.txt" || st=1
exit $st
