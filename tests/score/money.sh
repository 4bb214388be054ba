#!/bin/sh
# Accuracy of glean-money: the seed gold (../shared/gold) and the
# Recognizers-Text currency suite (../shared/eval).  Span F1 is the
# overlap F1 (exact is printed too); see spans.py for the matching.
. "$(dirname "$0")/spans.lib"

score_seeds money 0.97 0.97
score_suite money "$shared/eval/currency.jsonl" "money currency" 0.85
exit $st
