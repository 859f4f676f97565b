#!/usr/bin/env bash
# The live display of `backcare breathe` in a real terminal (tmux): the get-ready countdown,
# INHALE then EXHALE, a breath bar that moves during the inhale, the labels; and a 40-column
# window where the phase still shows and no line is wider than the window.
source "$SOURCE_DIR/tests/tty/lib.bash"

# 80x24, the default command: GET READY, then INHALE with a filling bar, then EXHALE.
breathe_80() {
  tty_start 80 24 || return
  type_line 'r $B breathe'
  wait_for 'GET READY' 5 || return
  pass
  wait_for '^▲ INHALE [0-9]' 8 || return
  pass
  expect_screen '^cycle 1/30$' "breathe: the cycle label"
  expect_screen '^Step 1/1 · 360° breathing +[0-9]:[0-9]{2}$' "breathe: the step line"
  expect_screen ' [0-9]+:[0-9]{2} left$' "breathe: the time left"
  expect_screen '^next: ' "breathe: the next line"
  expect_screen 'space pause · n next · b back · q quit' "breathe: the key help"
  expect_screen 'In: ribs widen' "breathe: the inhale cue"
  [ "$(cursor_visible)" == 0 ] && pass || fail "breathe: the cursor is not hidden while live"

  # The bar moves during the inhale: two captures of it differ while INHALE is still shown.
  local first
  first=$(bar_line)
  if [ -z "$first" ]; then
    fail "breathe: no breath bar line during the inhale"
    dump
  else
    pass
    # shellcheck disable=SC2034  # read by the condition wait_until evals
    FIRST_BAR=$first
    wait_until 'grep -q "^▲ INHALE" <<<"$SCREEN" &&
                bar=$(grep -Em1 "$BAR_RE" <<<"$SCREEN") && [ "$bar" != "$FIRST_BAR" ]' 4 \
      "the breath bar to change during the inhale" && pass
    # The bar takes the whole width (up to 100 columns).
    local bar
    bar=$(bar_line)
    expect_eq "${#bar}" 80 "breathe: breath bar width at 80 columns"
  fi

  wait_for '^▼ EXHALE [0-9]' 8 || return
  pass
  expect_no_screen '^▲ INHALE' "breathe: INHALE replaced by EXHALE (drawn in place)"
  expect_screen 'Out: deep core' "breathe: the exhale cue"
  # Drawn in place: the title appears once, however many frames were drawn.
  expect_eq "$(screen | grep -c '^360° breathing$')" 1 "breathe: one frame on the screen"

  keys q
  expect_eq "$(exit_code)" 1 "breathe: q quits"
  expect_screen '^Stopped at step 1 of 1: 360° breathing' "breathe: summary after q"
  expect_eq "$(cursor_visible)" 1 "breathe: cursor shown again after q"
  expect_stty_same "breathe: q"
}

# 40 columns: still the phase, the bar and the key help; nothing wider than the window.
breathe_40() {
  tty_start 40 24 || return
  type_line 'r $B breathe --lead-in 0'
  wait_for '^▲ INHALE [0-9]' 5 || return
  pass
  local text width=0 widest=""
  text=$(screen_joined)
  while IFS= read -r l; do
    if [ "${#l}" -gt "$width" ]; then
      width=${#l}
      widest=$l
    fi
  done <<<"$text"
  if [ "$width" -le 40 ]; then
    pass
  else
    fail "breathe at 40 columns: a line is $width columns wide: [$widest]"
    dump
  fi
  expect_screen "$BAR_RE" "breathe at 40 columns: the breath bar"
  expect_screen '^cycle 1/30$' "breathe at 40 columns: the cycle label"
  expect_screen ' left$' "breathe at 40 columns: the time left"
  wait_for '^▼ EXHALE [0-9]' 8 && pass
  keys q
  expect_eq "$(exit_code)" 1 "breathe at 40 columns: q quits"
  expect_stty_same "breathe at 40 columns: q"
}

# --plain in a terminal, and TERM=dumb: one line per event, no frame; keys still work.
plain_in_terminal() {
  tty_start 80 24 || return
  type_line 'r $B run small.json --plain --speed 100 --lead-in 0'
  expect_eq "$(exit_code)" 0 "--plain in a terminal: completes"
  expect_screen '^\[00:04\] 1/3 Breathe · cycle 1/2 · EXHALE 6s · Out: core lifts$' \
    "--plain in a terminal: event lines"
  expect_screen '^\[01:15\] end: completed$' "--plain in a terminal: the end line"
  expect_no_screen 'space pause' "--plain in a terminal: no live frame"
  expect_stty_same "--plain in a terminal"

  pane_clear
  type_line 'TERM=dumb r $B run small.json --lead-in 0'
  wait_for '^\[00:00\] 1/3 Breathe · cycle 1/2 · INHALE 4s' 5 && pass
  expect_no_screen 'space pause' "TERM=dumb: no live frame"
  keys q
  expect_eq "$(exit_code)" 1 "TERM=dumb: q quits"
  expect_screen '^\[00:0[0-9]\] end: quit$' "TERM=dumb: the end line"
  expect_stty_same "TERM=dumb: q"
}

breathe_80
breathe_40
plain_in_terminal
finish
