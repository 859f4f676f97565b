#!/usr/bin/env bash
# Regenerates docs/report-example.png: a realistic generated journal (ten weeks of evening
# night-release and morning breathing, a few hinge sessions, a quit one resumed the next day,
# a preview, a safety stop at 0:00, weekly check-ins with pain easing), `backcare report` on it,
# and a screenshot by headless chromium (networking off). Usage: scripts/report-example.sh
# [BUILD_DIR]; needs python3 and chromium. PDF=FILE also prints the page to FILE.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BACKCARE=${1:-$ROOT/build}/backcare
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/state/backcare" "$WORK/config/backcare"
printf '%s\n' '{"name": "Ana", "goals": {"night-release": {"nights": 5, "of": 7},' \
  '"breathe": {"nights": 3, "of": 7}}}' >"$WORK/config/backcare/config.json"
python3 - "$WORK/state/backcare/history.jsonl" <<'PY'
import datetime, json, random, sys
random.seed(7)
out = []
def rec(kind, day, hour, minute, **fields):
    t = datetime.datetime(day.year, day.month, day.day, hour, minute)
    r = {"v": 1, "id": t.strftime("%Y%m%dT%H%M%S") + "-%08x" % random.getrandbits(32),
         "kind": kind, "started": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "tz": "Europe/London"}
    r.update(fields)
    out.append(r)
    return r
def session(day, hour, routine, planned, active, status="completed", **more):
    return rec("session", day, hour, random.randint(0, 40), routine=routine,
               planned_ms=planned, active_ms=active, status=status, **more)
first = datetime.date(2026, 9, 28)
for n in range(65):  # 2026-09-28 .. 2026-12-01
    day = first + datetime.timedelta(days=n)
    week = n // 7
    # More evenings as the weeks go on: 3 a week at first, 5 or 6 later.
    if random.random() < min(0.45 + week * 0.06, 0.85):
        session(day, 21, "night-release", 600000, random.choice([600000, 598000, 590000]))
    if day.weekday() in (0, 2, 4) and random.random() < 0.8:
        session(day, 7, "breathe", 300000, 300000)
    if day.weekday() == 5 and week >= 3:
        session(day, 10, "hinge", 480000, 480000)
    if day.weekday() == 6:
        rec("checkin", day, 9, 0, pain=max(1, 5 - week // 2),
            **({"symptoms": ["leaking"]} if week in (1, 2) else {}))
quit_day = datetime.date(2026, 11, 10)
q = session(quit_day, 21, "night-release", 600000, 240000, "quit")
session(quit_day + datetime.timedelta(days=1), 21, "night-release", 600000, 360000,
        resumes=q["id"])
session(datetime.date(2026, 11, 18), 20, "night-release", 600000, 600000, speed=30.0)
session(datetime.date(2026, 11, 19), 21, "night-release", 600000, 0, "safety-stop",
        symptoms=["heaviness"], pain=6)
out.sort(key=lambda r: r["started"])
with open(sys.argv[1], "w") as f:
    for r in out:
        f.write(json.dumps(r, separators=(",", ":")) + "\n")
PY
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
