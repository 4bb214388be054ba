#!/bin/sh
# Accuracy of glean-dates: the seed gold (../shared/gold) and the
# Recognizers-Text date suites (../shared/eval).  Span F1 is the
# overlap F1 (exact is printed too); see spans.py for the matching.
. "$(dirname "$0")/../setup"
need_shared gold/README.md
need_shared eval/score-spans.py
here=$(cd "$(dirname "$0")" && pwd)
py="python3 $here/spans.py"
st=0

seed_docs >"$scratch/seeds.jsonl"
glean-dates <"$scratch/seeds.jsonl" >"$scratch/dates.jsonl"
$py gold dates "$shared/gold" "$scratch/dates.jsonl" 0.92 0.85 \
    2>"$scratch/gold.log" || { st=1; cat "$scratch/gold.log" >&2; }

# Recognizers-Text: reference_date is the publication date; their
# numeric dates are month-first (--us-dates).  Extractor suites gate,
# parser suites report value accuracy only.
for spec in DateExtractor:0.85 DatePeriodExtractor:0.75 DateParser:0 \
    DatePeriodParser:0; do
	name=${spec%%:*}
	min=${spec#*:}
	suite=$shared/eval/dates-$name.jsonl
	[ -f "$suite" ] || continue
	$py rt-docs "$suite" >"$scratch/rt.jsonl"
	glean-dates --us-dates <"$scratch/rt.jsonl" >"$scratch/rt-out.jsonl"
	$py rt-pred dates "$suite" "$scratch/rt-out.jsonl" >"$scratch/pred.jsonl"
	python3 "$shared/eval/score-spans.py" "$suite" "$scratch/pred.jsonl" \
	    >"$scratch/res.txt"
	$py rt-score "dates $name" "$min" "$scratch/res.txt" || st=1
done
exit $st
