#!/usr/bin/env bash
# However the live display ends, the terminal is left as it was found: the same `stty -g`
# before and after, and the cursor shown again. Ends tested: q (exit 1), Ctrl-C (130),
# SIGTERM (143) and SIGHUP (129) sent from outside to the backcare process, and Ctrl-Z
# (suspended: the shell gets its terminal back; fg: the display returns, still paused).
source "$SOURCE_DIR/tests/tty/lib.bash"

# start_live: a fresh pane running small.json live, at its first INHALE.
start_live() {
  tty_start 80 24 || return 1
  type_line 'r $B run small.json --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return 1
  [ "$(cursor_visible)" == 0 ] || fail "$1: the cursor is not hidden while live"
}

# expect_restored WHAT CODE: exit code, stty, cursor, a summary. (Which step the summary
# names is checked in keys.sh and cli/run_plain.sh.)
expect_restored() {
  expect_eq "$(exit_code)" "$2" "$1: exit code"
  expect_stty_same "$1"
  expect_eq "$(cursor_visible)" 1 "$1: cursor shown again"
  expect_screen '^Stopped at step [0-9]+ of 3: ' "$1: summary"
}

end_with_q() {
  start_live q || return
  keys q
  expect_restored q 1
}

end_with_ctrl_c() {
  start_live Ctrl-C || return
  keys C-c
  expect_restored Ctrl-C 130
}

# signal NAME CODE: kill -NAME the backcare process (the pane shell's child) from outside.
end_with_signal() {
  start_live "SIG$1" || return
  local pid
  if ! pid=$(app_pid); then
    fail "SIG$1: no backcare process under the pane's shell"
    return
  fi
  kill -"$1" "$pid"
  expect_restored "SIG$1" "$2"
}

suspend_and_resume() {
  start_live Ctrl-Z || return
  local original
  original=$(cat "$TMP/stty.before")
  keys C-z
  wait_for '^\[1\]\+ +Stopped' 5 || return
  pass
  # r reports the stopped job (148 = 128 + SIGTSTP) and records stty while it is stopped.
  expect_eq "$(exit_code)" 148 "Ctrl-Z: the job stopped"
  expect_stty_same "Ctrl-Z: while stopped"
  expect_eq "$(cursor_visible)" 1 "Ctrl-Z: cursor shown while stopped"

  pane_clear
  type_line 'f'
  # The display comes back (on a cleared screen, so this is a redraw) and is still paused.
  wait_for '^PAUSED' 5 || return
  pass
  expect_screen '^Step 1/3 · Breathe ' "Ctrl-Z, fg: the frame is back"
  [ "$(cursor_visible)" == 0 ] && pass || fail "Ctrl-Z, fg: the cursor is hidden again"
  # Keys work again (raw mode is back): space resumes, q quits.
  keys Space
  wait_gone '^PAUSED' 3 && pass
  keys q
  expect_eq "$(exit_code)" 1 "Ctrl-Z, fg, q: exit code"
  expect_eq "$(cat "$TMP/stty.after")" "$original" "Ctrl-Z, fg, q: stty at the end"
  expect_eq "$(cursor_visible)" 1 "Ctrl-Z, fg, q: cursor shown again"
  expect_screen '^Stopped at step [0-9]+ of 3: ' "Ctrl-Z, fg, q: summary"
}

end_with_q
end_with_ctrl_c
end_with_signal TERM 143
end_with_signal HUP 129
suspend_and_resume
finish
