#!/bin/sh
# Accuracy of glean-dates: the seed gold (../shared/gold) and the
# Recognizers-Text date suites (../shared/eval).  Span F1 is the
# overlap F1 (exact is printed too); see spans.py for the matching.
. "$(dirname "$0")/spans.lib"

score_seeds dates 0.92 0.85

# Recognizers-Text: reference_date is the publication date; their
# numeric dates are month-first (--us-dates).  Extractor suites gate,
# parser suites report value accuracy only.
for spec in DateExtractor:0.85 DatePeriodExtractor:0.75 DateParser:0 \
    DatePeriodParser:0; do
	name=${spec%%:*}
	score_suite dates "$shared/eval/dates-$name.jsonl" "dates $name" \
	    "${spec#*:}" --us-dates
done
exit $st
