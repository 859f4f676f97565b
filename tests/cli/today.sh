#!/usr/bin/env bash
# `backcare plan start | status | pause | resume | stop` as plan records in the journal, and
# `backcare today` (--short, --start, --as-of) from the plan or the goals: a fresh machine with
# the built-in programme, a generated journal at week 1 and week 5 of twelve-weeks, forget on a
# plan record, the errors, and a run under faketime.
source "$SOURCE_DIR/tests/cli/lib.bash"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"

# A fresh machine: no journal, no config.
run "$BACKCARE" today
expect_rc 0 "today on a fresh machine"
expect_line "No plan followed: your goals for this week." "no plan yet"
expect_line "Tonight: night-release, 0 of 5 this week." "the default goal"
run "$BACKCARE" plan status
expect_rc 0 "plan status with no plan"
expect_line "No plan followed. See the programmes with: backcare plan list" "status says so"

run "$BACKCARE" plan start twelve-weeks
expect_rc 0 "plan start on a fresh machine"
expect_line "Started twelve-weeks: 12 weeks from $(date +%F -d '-4 hours')." "started today"
expect_eq "$(stat -c %a "$HISTORY")" "600" "the journal is private"
expect_eq "$(grep -c '"kind":"plan","source":"built-in:twelve-weeks"' "$HISTORY")" "1" "one plan record"
run "$BACKCARE" today
expect_rc 0 "today with a plan"
expect_line "twelve-weeks, week 1 of 12: Breathing and noticing" "week 1 today"
run "$BACKCARE"
expect_rc 0 "the home screen with a plan"
expect_out "Tonight: breathe (cycles 30), 0 of 5 this week, plan week 1 of 12" "the home screen says what is due tonight"

run "$BACKCARE" plan start twelve-weeks
expect_rc 2 "a second start"
expect_err "twelve-weeks is followed already (week 1 of 12); to start twelve-weeks in its place: backcare plan start twelve-weeks --replace" "offers --replace"
run "$BACKCARE" plan start twelve-weeks --from 2026-02-30
expect_rc 2 "a day that does not exist"
expect_err 'expected a date YYYY-MM-DD, got "2026-02-30"' "says what a date is"
run "$BACKCARE" plan resume
expect_rc 1 "resume when not paused"
expect_err "twelve-weeks is not paused" "says so"

# Pause, resume and stop are records too; history shows them and forget removes one.
run "$BACKCARE" plan pause --reason flare
expect_rc 0 "pause"
run "$BACKCARE" plan status
expect_out "Paused since " "status while paused"
expect_out "(flare): week 1 of 12 waits. To go on: backcare plan resume" "with the reason"
run "$BACKCARE" today --short
expect_eq "$OUT" "plan paused" "the short form while paused"
run "$BACKCARE" plan resume
expect_rc 0 "resume"
run "$BACKCARE" plan stop
expect_rc 0 "stop"
run "$BACKCARE" plan stop
expect_rc 1 "stop with no plan"
expect_err "no plan to stop: backcare plan start NAME starts one" "says so"
run "$BACKCARE" history
expect_out "twelve-weeks  -     plan start" "history shows the start"
expect_out "plan stop" "and the stop"
stop_id=$(grep '"action":"stop"' "$HISTORY" | sed 's/.*"id":"\([^"]*\)".*/\1/')
run "$BACKCARE" history --forget "$stop_id"
expect_rc 0 "forget the stop"
run "$BACKCARE" plan status
expect_line "Week 1 of 12. What is due: backcare today" "followed again once its stop is forgotten"

# A generated journal: started on Monday 2026-01-05, two breathe sessions, a night-release
# after midnight (the evening before), then a strength session in week 5.
rm -f "$HISTORY"
mkdir -p "$XDG_STATE_HOME/backcare"
session() {
  printf '{"v":1,"id":"%s","kind":"session","routine":"%s","started":"%s","planned_ms":600000,"active_ms":600000,"status":"completed"}\n' "$1" "$2" "$3"
}
{
  printf '{"v":1,"id":"p1","kind":"plan","source":"built-in:twelve-weeks","started":"2026-01-05T20:00:00+00:00","action":"start","programme":"twelve-weeks","from":"2026-01-05"}\n'
  session s1 breathe 2026-01-05T21:00:00+00:00
  session s2 breathe 2026-01-07T21:00:00+00:00
  session s3 night-release 2026-01-08T00:30:00+00:00
  session s4 strength 2026-02-04T21:00:00+00:00
} >"$HISTORY"
chmod 600 "$HISTORY"
run "$BACKCARE" today --as-of 2026-01-07
expect_rc 0 "today in week 1"
expect_eq "$OUT" "twelve-weeks, week 1 of 12: Breathing and noticing
Tonight: posture, 0 of 3 this week.
This week:
  breathe        cycles 30  2 of 5  done today
  posture                   0 of 3
  night-release             1 of 5  done today
Done today: breathe, night-release.
Start it: backcare today --start" "week 1 asks for breathing and posture"
run "$BACKCARE" today --as-of 2026-02-05
expect_line "twelve-weeks, week 5 of 12: First strength" "week 5"
expect_line "Tonight: hinge (2 sets of 8), 0 of 2 this week." "week 5 asks for the hinge"
expect_line "  strength       2 sets of 8  1 of 2" "and strength, one done"
run "$BACKCARE" today --short --as-of 2026-01-07
expect_eq "$OUT" "tonight: posture 0/3 | done: breathe, night-release" "the short form"
run "$BACKCARE" plan status --as-of 2026-02-05
expect_line "Week 5 of 12. What is due: backcare today" "status in week 5"
run "$BACKCARE" today --as-of 2026-04-20
expect_out "twelve-weeks is finished: 12 weeks from 2026-01-05." "a plan finished"

# --start runs tonight's routine with the week's values (--dry-run prints it).
run "$BACKCARE" today --start --dry-run --as-of 2026-02-05
expect_rc 0 "today --start"
expect_line "Hip hinge for lifting (hinge)" "runs the hinge"
expect_out "2 × 8 reps" "with 2 sets of 8"

# The real clock, faked: it runs and exits.
if command -v faketime >/dev/null; then
  run timeout 30 faketime '2026-03-10 20:00:00' "$BACKCARE" today
  expect_rc 0 "today under faketime"
  expect_line "twelve-weeks, week 10 of 12: More reps" "week 10 on 2026-03-10"
else
  fail "faketime is missing: scripts/setup.sh --test installs it"
fi

# Rest days.
run "$BACKCARE" rest --days 0
expect_rc 2 "rest --days 0"
expect_err 'backcare: error: --days: must be a whole number of days from 1 to 60, got "0"' "says why"
run "$BACKCARE" rest --reason flare --days 2
expect_rc 0 "rest for two days"
expect_eq "$(grep -c '"kind":"rest".*"days":2,.*"reason":"flare"' "$HISTORY")" "1" "one rest record"
run "$BACKCARE" today --short
expect_eq "$OUT" "rest day" "today rests"
run "$BACKCARE" stats --json
expect_out '"rest": true' "stats shows the rest days"

run "$BACKCARE" completion bash
expect_out "'today') printf '%s\\n' '-h' '--help' '--short' '--start'" "completion knows today and its options"
finish
