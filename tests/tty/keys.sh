#!/usr/bin/env bash
# Keys in a real terminal (tmux): space pauses (PAUSED, the clock stands still) and resumes,
# n and Right go to the next step, b and Left go back, Esc alone quits while an arrow key
# (which starts with Esc) does not.
# tests/data/run/small.json: 1 breath (2 cycles, 20 s), 2 timed with sides (20+5+20 s),
# 3 rest (10 s).
source "$SOURCE_DIR/tests/tty/lib.bash"

# The "left" line and the step line, which change every second while the clock runs.
clock() { screen | grep -E '^Step [0-9]+/[0-9]+ · | left$'; }

pause_resume() {
  tty_start 80 24 || return
  type_line 'r $B run small.json --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  expect_screen '^Step 1/3 · Breathe ' "pause: starts at step 1"

  keys Space
  wait_for '^PAUSED' 3 || return
  pass
  expect_screen 'space resume' "pause: the key help offers resume"
  # Paused: the clock does not move. (A fixed wait is the point here: nothing may change.)
  local before after
  before=$(clock)
  sleep 1.5
  after=$(clock)
  expect_eq "$after" "$before" "pause: the time left stands still while paused"
  expect_screen '^PAUSED' "pause: still paused after 1.5 s"

  keys Space
  wait_gone '^PAUSED' 3 || return
  pass
  # shellcheck disable=SC2034  # read by the condition wait_until evals
  PAUSED_CLOCK=$before
  wait_until '[ "$(grep -E "^Step [0-9]+/[0-9]+ · | left\$" <<<"$SCREEN")" != "$PAUSED_CLOCK" ]' 3 \
    "the clock to move again after resuming" && pass

  keys q
  expect_eq "$(exit_code)" 1 "pause: q quits"
  expect_stty_same "pause: q"
}

next_back() {
  tty_start 80 24 || return
  type_line 'r $B run small.json --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  expect_screen '^Step 1/3 · Breathe ' "next: starts at step 1"
  expect_screen '^next: Twist$' "next: the next line names step 2"

  keys n
  wait_for '^Step 2/3 · Twist ' 3 && pass
  expect_screen '^STRETCH [0-9]' "next: step 2 starts with STRETCH (a timed step with sides)"
  expect_screen 'side left' "next: step 2 starts on the left side"
  expect_screen '^next: right side, then Rest$' "next: the next line names the right side, then step 3"

  # Within the first 2 s of a step, b goes to the previous step.
  keys b
  wait_for '^Step 1/3 · Breathe ' 3 && pass
  wait_for '^▲ INHALE [0-9]' 3 && pass
  expect_screen '^cycle 1/2$' "back: step 1 from its first cycle"

  # The arrows do the same.
  keys Right
  wait_for '^Step 2/3 · Twist ' 3 && pass
  keys Right
  wait_for '^Step 3/3 · Rest ' 3 && pass
  expect_screen '^REST [0-9]' "next: step 3 is a rest"
  keys Left
  wait_for '^Step 2/3 · Twist ' 3 && pass
  expect_no_screen 'EXIT=' "arrows: still running"

  keys q
  expect_eq "$(exit_code)" 1 "next/back: q quits"
  expect_stty_same "next/back: q"
}

escape_quits() {
  tty_start 80 24 || return
  type_line 'r $B run small.json --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  keys Escape
  expect_eq "$(exit_code 3)" 1 "Esc alone quits"
  expect_screen '^Stopped at step 1 of 3: Breathe' "Esc: the summary"
  expect_eq "$(cursor_visible)" 1 "Esc: cursor shown again"
  expect_stty_same "Esc"
}

arrow_does_not_quit() {
  tty_start 80 24 || return
  type_line 'r $B run small.json --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  keys Right
  wait_for '^Step 2/3 · Twist ' 3 && pass
  # The whole sequence was decoded (the step changed), so a quit could not still be pending.
  expect_no_screen 'EXIT=|Stopped at step' "Right: does not quit"
  keys q
  expect_eq "$(exit_code)" 1 "Right, then q quits"
  expect_screen '^Stopped at step 2 of 3: Twist' "Right, then q: stopped at step 2"
  expect_stty_same "Right, then q"
}

pause_resume
next_back
escape_quits
arrow_does_not_quit
finish
