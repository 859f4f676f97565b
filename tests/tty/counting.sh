#!/usr/bin/env bash
# What counts as practice (docs/journal.md), in a real terminal: `breathe --speed 30` runs to its
# end, is recorded with its speed and says it was a preview, not counted; `!` at 0:00 records a
# safety stop; and `stats` counts neither: no night, no practice, no minutes, no streak, while
# the safety stop is still shown. Then a run at real time that reaches half the routine counts.
source "$SOURCE_DIR/tests/tty/lib.bash"
HISTORY="$TMP/.local/state/backcare/history.jsonl"
# stats_json JQ: a figure of `stats --json` for today, with the pane's journal.
stats_json() {
  env -i PATH="$PATH" HOME="$TMP" XDG_CONFIG_HOME="$TMP/config" "$BACKCARE" stats --json |
    jq -c "$1"
}

preview_and_safety_stop() {
  tty_start 100 24 || return
  type_line 'r $B breathe --speed 30 --lead-in 0 --no-ask'
  expect_eq "$(exit_code 40)" 0 "preview: exit 0"
  expect_screen '^Completed: 360° breathing — 5:00 of 5:00$' "preview: the summary"
  expect_screen '^Preview at 30x speed: not counted as practice$' "preview: not counted, it says"
  expect_eq "$(records)" 1 "preview: recorded"
  expect_eq "$(tail -n 1 "$HISTORY" | jq -c '[.status, .speed, .active_ms]')" \
    '["completed",30,300000]' "preview: the record holds the speed"

  pane_clear
  type_line 'r $B breathe --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return
  tm send-keys -t "$TARGET" -l '!'
  wait_for 'What made you stop\?' 5 || return
  keys Enter
  expect_eq "$(exit_code)" 3 "safety stop: exit 3"
  expect_no_screen 'Preview at' "safety stop at real time: no preview line"
  expect_eq "$(records)" 2 "safety stop: recorded"
  expect_eq "$(tail -n 1 "$HISTORY" | jq -c '[.status, .speed]')" '["safety-stop",null]' \
    "safety stop: no speed (1)"

  expect_eq "$(stats_json '[.practices, .minutes, .safety_stops, .streaks.days.current]')" \
    '[0,0,1,0]' "stats: neither counts (practices, minutes, safety stops, streak)"
  # (the day of the safety stop is the evening before when this runs before 04:00)
  expect_eq "$(stats_json '[.weeks[].days[] | select(.safety_stop) | .practised]')" '[false]' \
    "stats: the safety stop's day shown, not practised"
  pane_clear
  type_line 'r $B stats'
  expect_eq "$(exit_code)" 0 "stats: exit 0"
  expect_no_screen 'breathe' "stats: no minutes of breathe"
}

preview_and_safety_stop
finish
