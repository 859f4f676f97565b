#!/usr/bin/env bash
# The event stream of a session driven by keys in a real terminal: space (pause, resume),
# n (skip), q (quit) appear in order, and the stream ends with status "quit".
source "$SOURCE_DIR/tests/tty/lib.bash"

tty_start 80 24 || { finish; exit; }
type_line 'r $B run small.json --lead-in 0.2 --events "$D/events.jsonl"'
wait_for '^▲ INHALE [0-9]' 5 || { finish; exit; }
keys Space
wait_for '^PAUSED' 3 && pass
keys Space
wait_gone '^PAUSED' 3 && pass
wait_for '^▲ INHALE [0-9]' 5 && pass   # the get-ready after resuming is over
keys n
wait_for '^Step 2/3 · Twist ' 5 && pass
wait_for '^STRETCH [0-9]' 5 && pass
keys q
expect_eq "$(exit_code)" 1 "q exits 1"

# Event types in order, and the end status.
got=$(python3 -c '
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
print(" ".join(e["event"] for e in events))
print(events[-1].get("status"), events[-1]["active_ms"] == events[-1]["t_ms"])
' "$TMP/events.jsonl")
types=$(sed -n 1p <<<"$got")
# Start, lead-in, step 1 begins; pause; resume with a new lead-in and the breath again; skip.
expect_eq "$(grep -oE 'session_start lead_in step_start phase' <<<"$types")" \
  "session_start lead_in step_start phase" "events: the start"
expect_eq "$(grep -oE 'pause resume lead_in phase' <<<"$types")" "pause resume lead_in phase" \
  "events: pause, resume, lead-in, the interrupted breath again"
expect_eq "$(grep -oE 'skip step_end step_start phase' <<<"$types")" "skip step_end step_start phase" \
  "events: n skips to the next step"
expect_eq "$(awk '{print $NF}' <<<"$types")" "session_end" "events: the last is session_end"
expect_eq "$(sed -n 2p <<<"$got")" "quit True" "events: status quit, active_ms = t_ms"
finish
