#!/usr/bin/env bash
# Smoke test of the frozen app in dist/serialdesk: CLI on a fresh shop, decoding, labels, and the window.
set -euo pipefail
app="${1:-dist/serialdesk/serialdesk}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
db="$work/shop.db"
export SERIALDESK_PIN=1234  # the demo's admin: commands that change data or show customers sign in
"$app" --version
"$app" scan-image "$(dirname "$0")/../tests/data/label-code128.png" --json | grep -q '"text": "SMOKE-0001"'
"$app" --db "$db" demo --items 40
"$app" --db "$db" report stock | tail -1
serial="$("$app" --db "$db" export items - | sed -n 2p | cut -d, -f2)"
"$app" --db "$db" lookup "$serial" >/dev/null
"$app" --db "$db" parse-scan ']C1010950600013435210ABC123\x1d21SN0001' --json | grep -q '"serial": "SN0001"'
"$app" --db "$db" labels "$serial" --symbology datamatrix --out "$work/label.pdf"
SERIALDESK_SCREENSHOT="$work/window.png" xvfb-run -a -s "-screen 0 1366x768x24" "$app" --db "$db" gui --pin 1234
test -s "$work/window.png"
echo "dist smoke test passed"
