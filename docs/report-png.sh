#!/bin/sh
# docs/report-png.sh - remake docs/report.png, the README's picture: the
# bundled corpus's record through glean-report, shown by headless
# Chromium at 1280x1000, searched for Worcestershire's code.  Run from
# the checkout after make; needs chromium (deps.sh installs it).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$top/pipeline/glean" "$top/corpus" </dev/null >"$tmp/k.json"
"$top/build/bin/glean-report" -o "$tmp/r.html" "$tmp/k.json"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$tmp/profile" --window-size=1280,1000 \
    --screenshot="$top/docs/report.png" "file://$tmp/r.html#q=E10000034" \
    2>/dev/null
echo "docs/report-png.sh: wrote $top/docs/report.png"
