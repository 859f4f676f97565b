#!/usr/bin/env bash
# --big --night at 100x30: the phase word and its count in block letters five lines high, an
# arrow up for the inhale and down for the exhale, redrawn in place (the scrollback does not
# grow, one big word on the screen at a time), dim (nothing bold or inverse), and q restores
# the terminal. The config key big at 40 columns: the word in normal text over a big count.
source "$SOURCE_DIR/tests/tty/lib.bash"

# The first and third rows of "▲ INHALE" and "▼ EXHALE" in block letters (the count follows).
INHALE_TOP='^  █       ███ █   █ █   █  ███  █     █████'
INHALE_MID='^█ █ █      █  █ █ █ █████ █████ █     ████'
EXHALE_TOP='^  █       █████ █   █ █   █  ███  █     █████'
EXHALE_MID='^█ █ █     ████    █   █████ █████ █     ████'

big_night() {
  tty_start 100 30 || return
  type_line 'r $B breathe --big --night --lead-in 0 --speed 4'
  wait_for "$INHALE_TOP" 5 || return
  pass
  expect_screen "$INHALE_MID" "100x30: the inhale's arrow and word, third row"
  wait_for "$EXHALE_TOP" 5 || return
  pass
  expect_screen "$EXHALE_MID" "100x30: the exhale's arrow and word, third row"
  expect_no_screen '^[▲▼] [A-Z]' "100x30: no normal-text phase word"
  local before after
  before=$(tm display -p -t "$TARGET" '#{history_size}')
  sleep 3  # a fixed wait is the point: many redraws happen in it, through several phases
  after=$(tm display -p -t "$TARGET" '#{history_size}')
  expect_eq "$after" "$before" "100x30: the scrollback does not grow while the frame redraws"
  [ "$(history_lines)" -le 30 ] && pass || fail "100x30: $(history_lines) lines in the pane's history"
  expect_eq "$(screen | grep -cE "$INHALE_TOP|$EXHALE_TOP")" 1 "100x30: one big word on the screen"
  expect_eq "$(screen | grep -cE "$BAR_RE")" 1 "100x30: one bar on the screen"
  expect_eq "$(screen | grep -c '^Step 1/1 · 360° breathing ')" 1 "100x30: the step line shown once"
  local styled
  styled=$(tm capture-pane -p -e -t "$TARGET")
  # tmux writes only what changes between cells (dim green after the dim instruction is just
  # ESC[32m), so follow every SGR sequence up to the first block cell and say what is on there.
  local attrs
  attrs=$(python3 -c '
import re, sys
text = sys.stdin.read()
dim, colour = False, None
for m in re.finditer(r"\x1b\[([0-9;]*)m|\u2588", text):
    if m.group(0) == "\u2588":
        break
    for p in (m.group(1) or "0").split(";"):
        n = int(p or 0)
        if n == 0: dim, colour = False, None
        elif n == 2: dim = True
        elif n == 22: dim = False
        elif 30 <= n <= 37: colour = n
        elif n == 39: colour = None
print("dim" if dim else "normal", colour)' <<<"$styled")
  [[ "$attrs" =~ ^dim\ 3[0-9]$ ]] && pass ||
    fail "100x30: the letters are dim and coloured (the first block cell is: $attrs)"
  grep -Eq $'\e\\[(1|7|[0-9;]*;(1|7))(;|m)' <<<"$styled" &&
    fail "100x30: bold or inverse on the screen" || pass
  keys q
  expect_eq "$(exit_code)" 1 "100x30: q quits"
  expect_stty_same "100x30 --big --night"
}

# The config key big does the same; at 40 columns the word is normal text over a big count.
config_big() {
  mkdir -p "$TMP/config/backcare"
  printf '{"big": true}\n' >"$TMP/config/backcare/config.json"
  tty_start 40 24 || return
  type_line 'r $B breathe --lead-in 0 --speed 4'
  wait_for '^▲ INHALE$' 5 || return
  pass
  # The up arrow, a gap, then a digit: the third row of "▲ 4", "▲ 3", ...
  expect_screen '^█ █ █     ' "40x24: the arrow and the count in block letters"
  wait_for '^▼ EXHALE$' 5 || return
  pass
  expect_screen '^ ███      ' "40x24: the down arrow's fourth row"
  keys q
  expect_eq "$(exit_code)" 1 "40x24: q quits"
  expect_stty_same "40x24 config big"
  rm -f "$TMP/config/backcare/config.json"
}

big_night
config_big
finish
