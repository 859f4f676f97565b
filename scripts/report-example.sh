#!/usr/bin/env bash
# Regenerates docs/report-example.png: a busy generated journal (tests/data/stats/busy_history.py:
# twelve weeks of evening night-release and morning breathing, hinge on Saturdays, pain answers,
# a quit one resumed the next day, a preview, three safety stops naming their step, check-ins
# with notes), `backcare report` on it, and a screenshot by headless chromium (networking off).
# Usage: scripts/report-example.sh [BUILD_DIR]; needs python3 and chromium. PDF=FILE also
# prints the page to FILE.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BACKCARE=${1:-$ROOT/build}/backcare
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/state/backcare" "$WORK/config/backcare"
printf '%s\n' '{"name": "Ana", "goals": {"night-release": {"nights": 5, "of": 7},' \
  '"breathe": {"nights": 3, "of": 7}}}' >"$WORK/config/backcare/config.json"
python3 "$ROOT/tests/data/stats/busy_history.py" "$WORK/state/backcare/history.jsonl"
chmod 600 "$WORK/state/backcare/history.jsonl"
XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" \
  "$BACKCARE" report --as-of 2026-12-01 --weeks 12 --out "$WORK/report.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$WORK/profile" \
  "--host-resolver-rules=MAP * ~NOTFOUND" --hide-scrollbars --window-size=800,1130 \
  --screenshot="$ROOT/docs/report-example.png" "file://$WORK/report.html" 2>/dev/null
if [ -n "${PDF:-}" ]; then
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/profile" \
    "--host-resolver-rules=MAP * ~NOTFOUND" --no-pdf-header-footer --print-to-pdf="$PDF" \
    "file://$WORK/report.html" 2>/dev/null
fi
echo "wrote $ROOT/docs/report-example.png"
