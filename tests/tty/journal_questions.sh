#!/usr/bin/env bash
# The questions after a session in a real terminal, and what they record in the journal
# ($HOME/.local/state/backcare/history.jsonl: the pane's HOME is the test's temp dir):
# ! stops at once, records a safety-stop, asks which sign made you stop (one key), appends the
# sign as an answer record naming the session and gives the advice (exit 3); after a recorded
# session the pain question takes digits and Enter (7 or more: the advice), the pain appended
# the same way; Enter skips it (no answer record); --no-ask leaves it out; a quit session says
# how to resume; skipping the last step completes it "skipping". (Signals and a closed window
# at a question: question_signals.sh.)
source "$SOURCE_DIR/tests/tty/lib.bash"
HISTORY="$TMP/.local/state/backcare/history.jsonl"
# last FIELD / before_last FIELD: a member of the journal's last (the one before the last)
# record, as Python prints it.
nth() {
  python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[int(sys.argv[2])]).get(sys.argv[3]))' \
    "$HISTORY" "$1" "$2" 2>/dev/null
}
last() { nth -1 "$1"; }
before_last() { nth -2 "$1"; }

safety_stop() {
  tty_start 100 24 || return
  type_line 'r $B run small.json --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return
  expect_screen '! safety stop' "the key help names !"
  tm send-keys -t "$TARGET" -l '!'
  wait_for 'What made you stop\? 1 pain · 2 leaking · 3 heaviness or a bulge' 5 || return
  pass
  expect_screen '^Stopped for safety at step 1 of 3: Breathe' "safety stop: the summary"
  keys 3
  expect_eq "$(exit_code)" 3 "safety stop: exit 3"
  expect_screen '\(Enter to skip\) heaviness or a bulge$' "safety stop: the answer echoed"
  expect_screen '^Stop for today, and rest in a position that feels comfortable\.$' "the advice"
  expect_screen '^Lying down often eases a heavy, dragging feeling\. If it comes back, or you feel$' \
    "the advice for heaviness"
  expect_no_screen 'Back pain now' "safety stop: no pain question"
  expect_stty_same "safety stop"
  expect_eq "$(records)" 2 "safety stop: recorded although short, then the answer"
  expect_eq "$(before_last status)" safety-stop "safety stop: status"
  expect_eq "$(before_last routine)" small "safety stop: routine"
  expect_eq "$(last kind)" answer "safety stop: the answer's own record"
  expect_eq "$(last answers)" "$(before_last id)" "safety stop: the answer names the session"
  expect_eq "$(last symptoms)" "['heaviness']" "safety stop: the symptom"
}

pain_question() {
  tty_start 100 24 || return
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now, 0–10\? \(Enter to skip\)' 10 || return
  pass
  expect_screen '^Completed: Small test routine' "pain: the summary first"
  keys 1 0 Enter
  expect_eq "$(exit_code)" 0 "pain: exit 0"
  expect_screen 'Enter to skip\) 10$' "pain: 10 echoed"
  expect_screen '^Stop for today' "pain 10: the advice"
  expect_stty_same "pain"
  expect_eq "$(records)" 4 "pain: the session and the answer"
  expect_eq "$(before_last status)" completed "pain: status"
  expect_eq "$(last answers)" "$(before_last id)" "pain: the answer names the session"
  expect_eq "$(last pain)" 10 "pain: the answer"

  pane_clear
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now' 10 || return
  keys 3 Enter
  expect_eq "$(exit_code)" 0 "pain 3: exit 0"
  expect_no_screen '^Stop for today' "pain 3: no advice"
  expect_eq "$(last pain)" 3 "pain 3 recorded"

  pane_clear
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now' 10 || return
  keys Enter
  expect_eq "$(exit_code)" 0 "Enter skips: exit 0"
  expect_eq "$(last kind)" session "Enter skips: no answer record"
  expect_eq "$(last pain)" None "Enter skips: no pain in the record"
  expect_eq "$(records)" 7 "Enter skips: still recorded"

  pane_clear
  type_line 'r $B run small.json --speed 100 --lead-in 0 --no-ask'
  expect_eq "$(exit_code)" 0 "--no-ask: exit 0"
  expect_no_screen 'Back pain now' "--no-ask: no question"
  expect_eq "$(records)" 8 "--no-ask: recorded"
}

# "12" is no answer on a 0-10 scale: refused and asked again, never saved as 1; the answer
# given then is recorded and confirmed in one line.
pain_out_of_range() {
  tty_start 100 24 || return
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now' 10 || return
  keys 1 2 Enter
  wait_for '^12 is not on the scale\. Back pain now, 0–10\? \(Enter to skip\)$' 5 || return
  pass
  expect_eq "$(last kind)" session "12: nothing recorded yet"
  keys 3 Enter
  expect_eq "$(exit_code)" 0 "12 then 3: exit 0"
  expect_screen '^Recorded: back pain 3/10\.$' "12 then 3: confirmed"
  expect_eq "$(last pain)" 3 "12 then 3: 3 recorded"
  expect_stty_same "pain out of range"
}

quit_resume_hint() {
  tty_start 100 24 || return
  type_line 'r $B run small.json --speed 10 --lead-in 0 --no-ask'
  wait_for 'Breathe into the ribs' 10 || return
  keys q
  expect_eq "$(exit_code)" 1 "quit: exit 1"
  expect_screen '^Stopped at step 2 of 3: Twist' "quit: the summary"
  expect_screen '^To carry on from there: backcare resume$' "quit: the resume hint"
  expect_eq "$(last status)" quit "quit: status"
  expect_eq "$(last steps_done)" 1 "quit: steps done"
}

skip_last_step() {
  tty_start 100 24 || return
  type_line 'r $B breathe --lead-in 0 --events "$D/skip.jsonl"'
  wait_for '▲ INHALE [0-9]' 5 || return
  sleep 2.2  # past the first 2 s of the step (a fixed wait is the point: n after 2 s)
  keys n
  expect_eq "$(exit_code)" 0 "skipping the last step: exit 0"
  expect_screen '^Completed, 1 step skipped: 360° breathing' "skipping: the summary"
  expect_eq "$(tail -n 1 "$TMP/skip.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" \
    completed-skipping "skipping: session_end status"
}

safety_stop
pain_question
pain_out_of_range
quit_resume_hint
skip_last_step
finish
