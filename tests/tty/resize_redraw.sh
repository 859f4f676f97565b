#!/usr/bin/env bash
# A narrower window re-wraps the frame already on the screen (tmux, like most terminals,
# reflows long lines): the redraw starts from the frame's real top and clears to the end of
# the screen, so no piece of the wider frame stays behind. The screen after 80 → 60 → 40
# columns must read like a session started at that width (times and bar fills aside).
source "$SOURCE_DIR/tests/tty/lib.bash"

# frame_text: the screen without the command line and blank rows, digits as 0, bars as BAR.
frame_text() {
  screen | grep -v -e '^$' -e 'r \$B breathe' |
    sed -E 's/[0-9]/0/g; s/^[█▉▊▋▌▍▎▏░]+/BAR/'
}

# start_paused COLS: breathe in a fresh COLS-wide pane, paused in its first inhale.
start_paused() {
  tty_start "$1" 24 || return 1
  type_line 'r $B breathe --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return 1
  keys Space
  wait_for '^PAUSED' 3 || return 1
  sleep 0.3
}

# reference COLS: the paused frame of a session started at COLS columns, into $TMP/ref.COLS.
reference() {
  start_paused "$1" || return 1
  frame_text >"$TMP/ref.$1"
  keys q
  exit_code >/dev/null
}

# resize_to COLS: narrows the window and waits for the redraw.
resize_to() {
  tm resize-window -t "$TARGET" -x "$1" -y 24
  # shellcheck disable=SC2034  # read by the condition wait_until evals
  COLS=$1
  wait_until '[ "$(grep -E " left\$" <<<"$SCREEN" | head -1 | wc -m)" -le $((COLS + 1)) ]' 5 \
    "the progress line to fit $1 columns" && pass
  sleep 0.3
}

narrower() {
  reference 60 || return
  reference 40 || return
  start_paused 80 || return
  resize_to 60
  expect_eq "$(frame_text)" "$(cat "$TMP/ref.60")" "80 → 60 columns: the screen shows one clean frame"
  resize_to 40
  expect_eq "$(frame_text)" "$(cat "$TMP/ref.40")" "60 → 40 columns: the screen shows one clean frame"
  [ "$FAILS" -eq 0 ] || dump
  keys q
  expect_eq "$(exit_code)" 1 "resize: q quits"
  expect_stty_same "resize"
}

narrower
finish
