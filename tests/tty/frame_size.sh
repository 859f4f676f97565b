#!/usr/bin/env bash
# The frame and the window: a long instruction is shown whole on a 100x30 terminal, safety
# sentence included; on a 40x8 terminal the frame is never taller than the window, so redrawing
# it in place does not push lines into the scrollback.
source "$SOURCE_DIR/tests/tty/lib.bash"

whole_instruction() {
  tty_start 100 30 || return
  type_line 'r $B run long-text.json --lead-in 0'
  wait_for '^STRETCH [0-9]' 5 || return
  expect_screen '^Lie back with the roller under your shoulder blades, knees bent, feet flat\. Support your head with$' \
    "100x30: instruction line 1"
  expect_screen '^your hands and keep your chin soft; do not curl up\. Lift your hips a little and roll slowly from the$' \
    "100x30: instruction line 2"
  expect_screen '^down while the roller does the work, for as long as it feels good to you\. Roll over the upper back$' \
    "100x30: instruction line 4"
  expect_screen '^only, never the lower back\.$' "100x30: the safety sentence ends the fifth line"
  expect_no_screen '…' "100x30: nothing cut"
  keys q
  expect_eq "$(exit_code)" 1 "100x30: q quits"
  expect_stty_same "100x30"
}

no_flood() {
  tty_start 40 8 || return
  type_line 'r $B breathe --lead-in 0 --speed 4'
  wait_for '^▲ INHALE [0-9]' 5 || return
  pass
  local before after
  before=$(tm display -p -t "$TARGET" '#{history_size}')
  sleep 3  # a fixed wait is the point: about 40 redraws happen in it
  after=$(tm display -p -t "$TARGET" '#{history_size}')
  expect_eq "$after" "$before" "40x8: the scrollback does not grow while the frame redraws"
  [ "$(history_lines)" -le 16 ] && pass || fail "40x8: $(history_lines) lines in the pane's history"
  # One whole frame in place: one phase word, one bar, the step line at the top.
  expect_eq "$(screen | grep -c '^[▲▼] [A-Z]')" 1 "40x8: one phase word on the screen"
  expect_eq "$(screen | grep -cE "$BAR_RE")" 1 "40x8: one bar on the screen"
  expect_eq "$(screen | grep -c '^Step 1/1 · 360° breathing ')" 1 "40x8: the step line shown once"
  keys q
  expect_eq "$(exit_code)" 1 "40x8: q quits"
  expect_stty_same "40x8"
}

# --night: still coloured, but nothing bold (SGR 1) or inverse (7) on the screen.
night() {
  tty_start 80 24 || return
  type_line 'r $B breathe --lead-in 0 --night'
  wait_for '^▲ INHALE [0-9]' 5 || return
  local styled
  styled=$(tm capture-pane -p -e -t "$TARGET")
  grep -q $'\e\\[[0-9;]*3[0-9]m' <<<"$styled" && pass || fail "--night: still coloured"
  grep -Eq $'\e\\[(1|7|[0-9;]*;(1|7))(;|m)' <<<"$styled" &&
    fail "--night: bold or inverse on the screen" || pass
  keys q
  expect_eq "$(exit_code)" 1 "--night: q quits"
}

whole_instruction
no_flood
night
finish
