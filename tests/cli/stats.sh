#!/usr/bin/env bash
# `backcare stats` on a crafted history (tests/data/stats/history.jsonl): the nights, streaks,
# minutes and pain means of --as-of and --json, the same in London and New York (the offsets in
# the records decide the days, not TZ), the chart at 40 columns in Unicode and in ASCII, usage
# errors and a config file with errors.
source "$SOURCE_DIR/tests/cli/lib.bash"
export XDG_STATE_HOME="$TMP/state"
mkdir -p "$XDG_STATE_HOME/backcare"
cp "$SOURCE_DIR/tests/data/stats/history.jsonl" "$XDG_STATE_HOME/backcare/history.jsonl"

expected_ascii='This week (2026-11-30 to 2026-12-06)
  night-release 1 of 5 this week, 6
    days left
    a default goal, not one you set:
    choose your own with "goals" in the
    config file (backcare config path)

Streaks
  practice: 1 day (best 6)
  night-release goal: 2 weeks (best 2)

Last 12 weeks, from 2026-09-14
Mon  . . . . . . . . . # # #
Tue  . . . . . . . . . # # .
Wed  . . . . . . . . . # #  
Thu  . . . . . . . . . # !  
Fri  . . . . . . . . . # #  
Sat  . . . . . . . . . . #  
Sun  . . . . . . . . . . .  
goal . . . . . . . . . + + .
# practised ! safety stop . none
+ goal: weeks with 5 nights of
  night-release

Minutes per week (12 weeks)
  <i>evening</i> & "more"
    .........#..
    0 min this week, 1 min in all
  breathe
    ..........#.
    0 min this week, 5 min in all
  night-release
    .........#@-
    9 min this week, 101 min in all

Pain (weekly mean, 0 to 10)
  .........-**
  - - - - - - - - - 2.0 5.7 5.0

Symptoms noted: doming 1, heaviness 1,
  leaking 2
Safety stops: 1

leaking noted on 2 days within 14
  (2026-11-17, 2026-11-23).
weekly pain mean of 5 or more for 2
  weeks running (weeks of 2026-11-23 and
  2026-11-30).
These are reasons to see a pelvic-floor
physiotherapist. backcare gives general
guidance, not medical advice.'

for zone in Europe/London America/New_York; do
  OUT=$(TZ=$zone LC_ALL=C "$BACKCARE" stats --as-of 2026-12-01 --width 40 2>"$TMP/stderr") &&
    RC=0 || RC=$?
  ERR=$(cat "$TMP/stderr")
  expect_rc 0 "stats --as-of ($zone)"
  expect_eq "$OUT" "$expected_ascii" "stats --as-of 2026-12-01 at 40 columns, ASCII ($zone)"
  expect_err "history.jsonl:11: skipped a damaged line" "the damaged line is a warning ($zone)"

  # COLUMNS gives the width in a pipe; a UTF-8 locale gives the block marks.
  OUT=$(TZ=$zone COLUMNS=40 LC_ALL=C.UTF-8 "$BACKCARE" stats --as-of 2026-12-01 2>/dev/null)
  expect_out 'Mon  · · · · · · · · · █ █ █' "Unicode chart ($zone)"
  expect_out 'Thu  · · · · · · · · · █ ▲  ' "the safety stop's mark ($zone)"
  expect_out 'goal · · · · · · · · · ✓ ✓ ·' "the weeks meeting the goal ($zone)"
  expect_out '  ·········▂▅▅' "the pain sparkline ($zone)"
  width=$(LC_ALL=C.UTF-8 wc -L <<<"$OUT")
  [ "$width" -le 40 ] && pass || fail "a line is $width columns wide at COLUMNS=40 ($zone)"

  # --json: the figures.
  run env TZ=$zone "$BACKCARE" stats --as-of 2026-12-01 --json
  expect_rc 0 "stats --json ($zone)"
  expect_eq "$(jq -c '.this_week' <<<"$OUT")" \
    '[{"routine":"night-release","nights":1,"target":5,"of":7,"days_left":6,"met":false,"reachable":true,"default":true}]' \
    "this week ($zone)"
  expect_eq "$(jq -c '.streaks' <<<"$OUT")" \
    '{"days":{"current":1,"best":6},"goals":{"night-release":{"current":2,"best":2}}}' \
    "streaks ($zone)"
  expect_eq "$(jq -c '[.practices, .minutes, .minutes_by_routine.breathe, .minutes_by_routine["night-release"], .safety_stops]' <<<"$OUT")" \
    '[13,107,5,101,1]' "practices, minutes, safety stops ($zone)"
  expect_eq "$(jq -c '[.weeks[-3:][] | [.start, .goals["night-release"].nights, .minutes, (.pain_mean // 0 | . * 100 | round)]]' <<<"$OUT")" \
    '[["2026-11-16",5,51,200],["2026-11-23",5,47,567],["2026-11-30",1,9,500]]' \
    "nights, minutes and pain means per week ($zone)"
  expect_eq "$(jq -c '.symptoms' <<<"$OUT")" '{"doming":1,"heaviness":1,"leaking":2}' \
    "symptoms ($zone)"
  expect_eq "$(jq '.see_physiotherapist | length' <<<"$OUT")" 2 "two reasons ($zone)"
done

# --as-of an earlier day: later records do not count; the 00:30 session counts for the 25th.
run "$BACKCARE" stats --as-of 2026-11-25 --json
expect_eq "$(jq -c '[.this_week[0].nights, .this_week[0].days_left, .streaks.days.current, .practices]' <<<"$OUT")" \
  '[3,4,3,9]' "stats --as-of 2026-11-25"
expect_eq "$(jq -c '[.weeks[-1].days[] | .practised]' <<<"$OUT")" \
  '[true,true,true,false,false,false,false]' "the 00:30 session counts for the evening before"
run "$BACKCARE" stats --as-of 2026-11-20 --weeks 1 --json
expect_eq "$(jq -c '[.this_week[0].met, .streaks.goals["night-release"].current, (.weeks | length), .see_physiotherapist]' <<<"$OUT")" \
  '[true,1,1,[]]' "stats --as-of 2026-11-20 --weeks 1"

# Without --as-of: today (whatever it is), and it works.
run "$BACKCARE" stats --width 60
expect_rc 0 "stats (today)"
expect_out "This week (" "stats (today)"

# An empty history, and none at all.
rm "$XDG_STATE_HOME/backcare/history.jsonl"
run "$BACKCARE" stats --as-of 2026-12-01 --width 40
expect_rc 0 "stats without a history"
expect_out "night-release 0 of 5 this week, 6" "no history: nothing done"
expect_out "no pain scores recorded" "no history: no pain"
: >"$XDG_STATE_HOME/backcare/history.jsonl"
run "$BACKCARE" stats --as-of 2026-12-01 --json
expect_eq "$(jq -c '[.practices, .streaks.days.best, (.weeks | length)]' <<<"$OUT")" '[0,0,12]' \
  "an empty history"

# Usage errors.
for bad in "--as-of 2026-02-30" "--as-of 2026-1-5" "--as-of yesterday" "--weeks 0" \
  "--weeks 521" "--weeks x" "--weeks 1.5" "--width 5"; do
  # shellcheck disable=SC2086
  run "$BACKCARE" stats $bad
  expect_rc 2 "stats $bad"
done
run "$BACKCARE" stats --as-of 2026-02-30
expect_err 'expected a date YYYY-MM-DD, got "2026-02-30"' "a bad date says why"

# A config with an error: exit 78 with the located line; goals from the config count.
mkdir -p "$XDG_CONFIG_HOME/backcare"
printf '{\n  "week_starts": "someday"\n}\n' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" stats --as-of 2026-12-01
expect_rc 78 "stats with a bad config"
expect_err "config.json:2:" "the config error names its line"
printf '{"week_starts": "sunday", "goals": {"breathe": {"nights": 1}}}\n' \
  >"$XDG_CONFIG_HOME/backcare/config.json"
cp "$SOURCE_DIR/tests/data/stats/history.jsonl" "$XDG_STATE_HOME/backcare/history.jsonl"
run "$BACKCARE" stats --as-of 2026-11-28 --json
expect_eq "$(jq -c '[.week_starts, .period.start, .this_week[0].routine, .this_week[0].met]' <<<"$OUT")" \
  '["sunday","2026-09-06","breathe",true]' "goals and week_starts from the config"

finish
