#!/usr/bin/env bash
# Measures the player's timing on the real clock: how far the end of a session lands from its
# planned time, and how much CPU the wait costs (no busy waiting means a few ms of CPU for a
# 10-second session).
#   bench/drift.sh [build/backcare] [speed]
set -euo pipefail
command -v time >/dev/null || [ -x /usr/bin/time ] || { echo "drift.sh needs GNU time: apt-get install time" >&2; exit 1; }
backcare=${1:-build/backcare}
speed=${2:-60}
events=$(mktemp)
trap 'rm -f "$events"' EXIT
start=$(date +%s%N)
/usr/bin/env time -f '%U %S' -o "$events.time" \
  "$backcare" night-release --speed "$speed" --plain --no-bell --lead-in 0 --events "$events" >/dev/null
end=$(date +%s%N)
read -r user sys < "$events.time"
rm -f "$events.time"
python3 - "$events" "$speed" "$start" "$end" "$user" "$sys" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
speed = float(sys.argv[2])
start, end = int(sys.argv[3]), int(sys.argv[4])
user, sys_ = float(sys.argv[5]), float(sys.argv[6])
planned = events[0]["planned_ms"]
end_event = events[-1]
expected_ms = planned / speed
print(f"night-release at speed {speed:g}: planned {planned} ms of routine = {expected_ms:.1f} ms of wall time")
print(f"session_end elapsed_ms   {end_event['elapsed_ms']} ms (drift {end_event['elapsed_ms'] - expected_ms:+.1f} ms)")
print(f"whole process wall time  {(end - start) / 1e6:.1f} ms (start-up and exit included)")
print(f"CPU time                 {(user + sys_) * 1000:.0f} ms user+sys for {len(events)} events")
PY
