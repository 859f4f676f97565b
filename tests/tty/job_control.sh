#!/usr/bin/env bash
# The live display under job control (bash in the pane, job control on): keys work whenever
# the session is in the foreground of its terminal, however it got there, and nothing is drawn
# while it is in the background. `fg` of a job that is already running (after `bg`, after
# starting with `&`, after kill -STOP / kill -CONT) sends no SIGCONT: the loop notices the
# terminal is its own again. After q, the terminal is back in cooked mode (icanon echo).
source "$SOURCE_DIR/tests/tty/lib.bash"

# keys_work WHAT: space pauses, space resumes, q quits with 1; then `stty -a` shows cooked mode.
keys_work() {
  keys Space
  wait_for '^PAUSED' 3 && pass || return
  keys Space
  wait_gone '^PAUSED' 3 && pass || return
  expect_screen '(INHALE|EXHALE|HOLD)' "$1: the running frame after resuming"
  keys q
  expect_eq "$(exit_code)" 1 "$1: q quits"
  pane_clear
  type_line 'stty -a | tr " " "\n" | grep -xE -- "-?(icanon|echo)" | tr "\n" " "; echo "<-modes"'
  wait_for '<-modes' 5 || return
  expect_screen '^icanon echo <-modes' "$1: the terminal is cooked again"
}

ctrl_z_bg_fg() {
  tty_start 80 24 || return
  type_line 'r $B breathe --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return
  keys C-z
  wait_for '^\[1\]\+ +Stopped' 5 && pass || return
  expect_eq "$(exit_code)" 148 "Ctrl-Z: the job stopped"
  pane_clear
  type_line 'bg'
  wait_for '^\[1\]\+ .*&$' 5 && pass || return
  # Running in the background: nothing is drawn, and it is not stopped by SIGTTOU/SIGTTIN.
  sleep 0.5
  expect_no_screen '(PAUSED|INHALE|EXHALE|^Step )' "bg: nothing drawn in the background"
  type_line 'jobs'
  wait_for '^\[1\]\+ +Running' 5 && pass || return
  pane_clear
  type_line 'f'
  wait_for '^PAUSED' 5 && pass || return
  keys Space
  wait_gone '^PAUSED' 3 && pass || return
  keys_work "Ctrl-Z, bg, fg"
}

start_in_background() {
  tty_start 80 24 || return
  type_line '$B breathe --lead-in 0 &'
  wait_for '^\[1\] [0-9]+' 5 || return
  sleep 0.5
  expect_no_screen '(INHALE|EXHALE|^Step )' "&: nothing drawn in the background"
  type_line 'jobs'
  wait_for '^\[1\]\+ +Running' 5 && pass || return
  pane_clear
  type_line 'f'
  wait_for '(INHALE|EXHALE|HOLD) [0-9]' 5 && pass || return
  keys_work "&, fg"
}

stop_cont_from_outside() {
  tty_start 80 24 || return
  type_line 'r $B breathe --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return
  local pid
  pid=$(app_pid) || { fail "STOP/CONT: no backcare process"; return; }
  tm new-window -d "kill -STOP $pid"
  wait_for '^\[1\]\+ +Stopped' 5 && pass || return
  expect_eq "$(exit_code)" 147 "kill -STOP: the job stopped"
  tm new-window -d "kill -CONT $pid"
  pane_clear
  type_line 'jobs'
  wait_for '^\[1\]\+ +Running' 5 && pass || return
  pane_clear
  type_line 'f'
  wait_for '(INHALE|EXHALE|HOLD) [0-9]' 5 && pass || return
  keys_work "kill -STOP, kill -CONT, fg"
}

ctrl_z_bg_fg
start_in_background
stop_cont_from_outside
finish
