#!/usr/bin/env bash
# The JSON Lines event stream: exact sequence for a small routine, the end status for a
# completed and a SIGTERM'd session, stdout/stderr split with --events -.
source "$SOURCE_DIR/tests/cli/lib.bash"
SMALL="$SOURCE_DIR/tests/data/run/small.json"

# Strips the fields that vary from run to run (wall, mono_us, elapsed_ms) after checking their
# form (mono_us never goes back).
normalise() {
  python3 -c '
import json, re, sys
mono = 0
for line in sys.stdin:
    e = json.loads(line)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d", e.pop("wall")), line
    m = e.pop("mono_us")
    assert isinstance(m, int) and m >= mono, line
    mono = m
    if e["event"] == "session_end":
        elapsed = e.pop("elapsed_ms")
        assert isinstance(elapsed, int) and elapsed >= 0, line
    print(json.dumps(e, sort_keys=True))
'
}

expected_completed=$(python3 -c '
import json
events = [
 {"event":"session_start","t_ms":0,"routine":"small","title":"Small test routine","source":"SRC","planned_ms":75000,"format":1},
 {"event":"step_start","t_ms":0,"step":1,"steps":3,"title":"Breathe","duration_ms":20000,"text":"Breathe slowly."},
 {"event":"phase","t_ms":0,"step":1,"phase":"inhale","duration_ms":4000,"labels":{"cycle":1,"cycles":2},"text":"In: ribs widen"},
 {"event":"phase","t_ms":4000,"step":1,"phase":"exhale","duration_ms":6000,"labels":{"cycle":1,"cycles":2},"text":"Out: core lifts"},
 {"event":"phase","t_ms":10000,"step":1,"phase":"inhale","duration_ms":4000,"labels":{"cycle":2,"cycles":2},"text":"In: ribs widen"},
 {"event":"phase","t_ms":14000,"step":1,"phase":"exhale","duration_ms":6000,"labels":{"cycle":2,"cycles":2},"text":"Out: core lifts"},
 {"event":"step_end","t_ms":20000,"step":1,"steps":3,"title":"Breathe"},
 {"event":"step_start","t_ms":20000,"step":2,"steps":3,"title":"Twist","duration_ms":45000,"text":"Let both knees fall to the side named."},
 {"event":"phase","t_ms":20000,"step":2,"phase":"work","duration_ms":20000,"labels":{"side":"left"},"text":"left side"},
 {"event":"cue","t_ms":30000,"step":2,"text":"Breathe into the ribs"},
 {"event":"phase","t_ms":40000,"step":2,"phase":"switch","duration_ms":5000,"labels":{"side":"right"},"text":"switch to the right side"},
 {"event":"phase","t_ms":45000,"step":2,"phase":"work","duration_ms":20000,"labels":{"side":"right"},"text":"right side"},
 {"event":"cue","t_ms":55000,"step":2,"text":"Breathe into the ribs"},
 {"event":"step_end","t_ms":65000,"step":2,"steps":3,"title":"Twist"},
 {"event":"step_start","t_ms":65000,"step":3,"steps":3,"title":"Rest","duration_ms":10000,"text":"Lie still."},
 {"event":"phase","t_ms":65000,"step":3,"phase":"rest","duration_ms":10000,"labels":{},"text":""},
 {"event":"step_end","t_ms":75000,"step":3,"steps":3,"title":"Rest"},
 {"event":"session_end","t_ms":75000,"status":"completed","active_ms":75000},
]
for e in events:
    print(json.dumps(e, sort_keys=True))
' | sed "s|\"SRC\"|\"$SMALL\"|")

# 1. A completed session to a file, event by event.
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain --events "$TMP/events.jsonl"
expect_rc 0 "completed run"
got=$(normalise < "$TMP/events.jsonl")
expect_eq "$got" "$expected_completed" "completed event sequence"
expect_out "Completed: Small test routine" "human display still on stdout with --events FILE"

# 2. --events -: only JSON on stdout, the display on stderr; --quiet silences the display.
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --events -
expect_rc 0 "events to stdout"
got=$(printf '%s\n' "$OUT" | normalise)
expect_eq "$got" "$expected_completed" "stdout carries exactly the events"
expect_err "Completed: Small test routine" "display moved to stderr"
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --events - --quiet
expect_eq "$ERR" "" "--quiet: nothing on stderr"

# 3. SIGTERM mid-session: the stream is flushed line by line (we watch it grow) and ends
#    with status interrupted; exit 143.
"$BACKCARE" run "$SMALL" --speed 20 --lead-in 0 --quiet --events "$TMP/term.jsonl" &
pid=$!
for _ in $(seq 1 200); do
  grep -q '"step":2' "$TMP/term.jsonl" 2>/dev/null && break
  sleep 0.05
done
kill -TERM "$pid"
wait "$pid" && rc=0 || rc=$?
expect_eq "$rc" "143" "SIGTERM exit code"
last=$(tail -n 1 "$TMP/term.jsonl" | normalise)
expect_eq "$(python3 -c 'import json,sys; e=json.loads(sys.argv[1]); print(e["event"], e["status"])' "$last")" \
  "session_end interrupted" "SIGTERM final event"
prefix_lines=$(($(wc -l < "$TMP/term.jsonl") - 1))
expect_eq "$(head -n "$prefix_lines" "$TMP/term.jsonl" | normalise)" \
  "$(printf '%s\n' "$expected_completed" | head -n "$prefix_lines")" "events before SIGTERM match the plan"

# 3b. docs/events.md stays true: each example line has exactly the fields the real stream
#     writes for that event (for the events a plain run produces).
"$BACKCARE" run "$SMALL" --speed 100 --lead-in 0.1 --quiet --events "$TMP/doc.jsonl"
# The check's own exit status counts too: a Python that crashes prints nothing on stdout.
problems=$(python3 - "$TMP/doc.jsonl" "$SOURCE_DIR/docs/events.md" 2>&1 <<'PY'
import json, sys
real = {}
for line in open(sys.argv[1]):
    e = json.loads(line)
    real.setdefault(e["event"], set(e))
checked = 0
for line in open(sys.argv[2]):
    line = line.strip()
    if not line.startswith('{"event"'):
        continue
    e = json.loads(line)
    if e["event"] in real:
        checked += 1
        if set(e) != real[e["event"]]:
            print(f'{e["event"]}: docs {sorted(set(e))} vs real {sorted(real[e["event"]])}')
missing = {"session_start", "lead_in", "step_start", "phase", "cue", "step_end", "session_end"} - {
    json.loads(l)["event"] for l in open(sys.argv[2]) if l.strip().startswith('{"event"')}
for m in sorted(missing):
    print(f"docs/events.md has no example of {m}")
if checked < 7:
    print(f"only {checked} examples checked")
PY
) && rc=0 || rc=$?
expect_eq "$rc $problems" "0 " "docs/events.md examples match the real stream (exit, problems)"

# 4. An unwritable events file is refused before the session starts.
run "$BACKCARE" run "$SMALL" --speed 100 --events /nonexistent-dir/x.jsonl
expect_rc 73 "unwritable --events file"
expect_err "cannot write events to /nonexistent-dir/x.jsonl" "unwritable --events message"

# 5. The example consumer in docs/ turns events into notifications (jq, no notify-send): the
#    fallback lines go to a log file, not to the terminal the live display is drawn on.
if command -v jq >/dev/null; then
  OUT=$(PATH=/usr/bin:/bin BACKCARE="$BACKCARE" NOTIFY_LOG="$TMP/notify.log" \
    "$SOURCE_DIR/docs/examples/notify-steps.sh" "$SMALL" --speed 100 --lead-in 0 --quiet 2>&1) &&
    RC=0 || RC=$?
  expect_rc 0 "example consumer"
  expect_out "announcing to $TMP/notify.log" "example consumer says where it announces"
  case "$OUT" in
    *"notify: "*) fail "example consumer writes announcements to the terminal" ;;
    *) pass "example consumer keeps announcements off the terminal" ;;
  esac
  OUT=$(cat "$TMP/notify.log")
  expect_out "notify: Step 2/3: Twist" "example consumer announces steps"
  expect_out "notify: Session completed after 75 s" "example consumer announces the end"
else
  fail "jq is missing (scripts/setup.sh --test installs it)"
fi
finish
