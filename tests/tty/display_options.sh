#!/usr/bin/env bash
# The live display's options in a real terminal: a routine read from standard input still
# takes keys (from /dev/tty), colours come and go with NO_COLOR and --no-color, the bell rings
# at step changes unless --no-bell (and never into a pipe), and a resize is followed.
source "$SOURCE_DIR/tests/tty/lib.bash"

stdin_routine_keys() {
  tty_start 80 24 || return
  # Not through r(): its stty would read the pipe. The same steps, with the terminal as stdin.
  type_line 'stty -g >"$D/stty.before"; cat small.json | $B run - --lead-in 0; c=$?; stty -g >"$D/stty.after"; echo "EXIT=$c"'
  wait_for '^▲ INHALE [0-9]' 5 || return
  keys n
  wait_for '^Step 2/3 · Twist ' 3 && pass
  keys q
  expect_eq "$(exit_code)" 1 "stdin routine: q from /dev/tty quits"
  expect_stty_same "stdin routine"
}

# colored: 1 when the visible frame carries SGR colour codes (capture-pane -e keeps them).
colored() {
  tm capture-pane -p -e -t "$TARGET" | grep -q $'\e\\[[0-9;]*3[0-9]m' && echo 1 || echo 0
}

colours() {
  tty_start 80 24 || return
  type_line 'r $B breathe --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  expect_eq "$(colored)" 1 "colour by default on a colour terminal"
  keys q
  exit_code >/dev/null
  pane_clear
  type_line 'NO_COLOR=1 r $B breathe --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  expect_eq "$(colored)" 0 "NO_COLOR=1: no colour"
  keys q
  exit_code >/dev/null
  pane_clear
  type_line 'r $B breathe --lead-in 0 --no-color'
  wait_for '^▲ INHALE [0-9]' 5 || return
  expect_eq "$(colored)" 0 "--no-color: no colour"
  keys q
  exit_code >/dev/null
}

# bells COMMAND: runs it in the pane and prints how many bells the terminal heard.
bells() {
  rm -f "$TMP/bells"
  : >"$TMP/bells"
  pane_clear
  type_line "$1"
  exit_code 20 >/dev/null
  sleep 0.3  # the hook runs asynchronously
  wc -l <"$TMP/bells"
}

bell() {
  tty_start 80 24 || return
  tm set-option -g monitor-bell on
  tm set-option -g bell-action any
  tm set-hook -g alert-bell "run-shell 'echo bell >> $TMP/bells'"
  local n
  n=$(bells 'r $B run small.json --speed 30 --lead-in 0')
  [ "$n" -ge 2 ] && pass || fail "bell: $n bells for three step changes and the end"
  expect_eq "$(bells 'r $B run small.json --speed 30 --lead-in 0 --no-bell')" 0 "--no-bell: silent"
  expect_eq "$(bells 'r $B run small.json --speed 30 --lead-in 0 | cat')" 0 \
    "no bell into a pipe"
}

resize() {
  tty_start 80 24 || return
  type_line 'r $B breathe --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  tm resize-window -t "$TARGET" -x 44 -y 24
  # After SIGWINCH the frame is redrawn for 44 columns: the bars shrink to fit.
  wait_until '[ "$(grep -E " left\$" <<<"$SCREEN" | head -1 | wc -m)" -le 45 ]' 5 \
    "the progress line to fit 44 columns" && pass
  keys q
  expect_eq "$(exit_code)" 1 "resize: q quits"
  expect_stty_same "resize"
}

stdin_routine_keys
colours
bell
resize
finish
