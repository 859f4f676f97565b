#!/usr/bin/env bash
# `backcare plan list | show | schema`: the built-in programme, a user's programme, and a
# programme file with mistakes (one line per problem with file:line:col, exit 65); the schema
# checked by ajv against the built-in programme and the mistakes it can see.
source "$SOURCE_DIR/tests/cli/lib.bash"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"

run "$BACKCARE" plan list
expect_rc 0 "plan list"
expect_line "twelve-weeks  12 weeks  Twelve weeks: from breath to strength" "the built-in programme"

run "$BACKCARE" plan show twelve-weeks
expect_rc 0 "plan show"
expect_line "Weeks 1–2: Breathing and noticing" "the first block"
expect_line "  breathe        5 a week, cycles 30" "week 1 asks for breathing"
expect_line "Weeks 9–10: More reps" "a later block"
expect_line "  strength       3 a week, 3 sets of 10" "weeks 9-10 ask for more reps"
expect_line "12 weeks. Start it with: backcare plan start twelve-weeks" "how to start"

run "$BACKCARE" plan show twelve-wekes
expect_rc 2 "an unknown programme"
expect_err 'no programme named "twelve-wekes"; did you mean "twelve-weeks"?' "did you mean"

# A user's programme in the programme folder, naming a routine of theirs.
mkdir -p "$XDG_CONFIG_HOME/backcare/programmes" "$XDG_CONFIG_HOME/backcare/routines"
cat >"$XDG_CONFIG_HOME/backcare/routines/roll.json" <<'JSON'
{"format": 1, "name": "roll", "title": "Roll", "steps": [{"kind": "timed", "title": "Roll", "duration": 60}]}
JSON
cat >"$XDG_CONFIG_HOME/backcare/programmes/mine.json" <<'JSON'
{"format": 1, "name": "mine", "title": "Mine",
 "weeks": [{"from": 1, "to": 3, "routines": [{"routine": "roll", "per_week": 4}]}]}
JSON
run "$BACKCARE" plan list
expect_line "mine           3 weeks  Mine  ($XDG_CONFIG_HOME/backcare/programmes/mine.json)" "a user's programme is listed"
run "$BACKCARE" plan show mine
expect_rc 0 "a user's programme naming a user's routine"
expect_line "  roll  4 a week" "its routine"

# Mistakes: each with its place; the routine and its parameters checked.
cat >"$WORK/bad.json" <<'JSON'
{
  "format": 1, "name": "bad", "title": "Bad",
  "weeks": [
    {"from": 1, "to": 2, "routines": [{"routine": "strength", "per_week": 2, "set": {"sets": 9}}]},
    {"from": 4, "routines": [{"routine": "nope", "per_week": 3}]}
  ]
}
JSON
run "$BACKCARE" plan show "$WORK/bad.json"
expect_rc 65 "a programme with mistakes"
expect_eq "$ERR" "$WORK/bad.json:5:14: weeks[1].from: weeks 3 to 3 are in no block: this block should start at week 3" "the gap, found before the routines are checked"
sed -i 's/"from": 4/"from": 3/' "$WORK/bad.json"
run "$BACKCARE" plan show "$WORK/bad.json"
expect_rc 65 "routines and values"
expect_eq "$ERR" "$WORK/bad.json:4:94: weeks[0].routines[0].set.sets: parameter \"sets\" must be from 1 to 5, got 9
$WORK/bad.json:5:42: weeks[1].routines[0].routine: no routine named \"nope\"" "the value out of range and the unknown routine"
run "$BACKCARE" plan show "$WORK/missing.json"
expect_rc 66 "a missing file"

# The schema: valid in ajv's strict mode; the built-in programme valid; a mistake it can see.
AJV="$SOURCE_DIR/node_modules/.bin/ajv"
if [ -x "$AJV" ]; then
  "$BACKCARE" plan schema >"$WORK/programme.schema.json"
  cmp -s "$WORK/programme.schema.json" "$SOURCE_DIR/programmes/programme.schema.json" && pass ||
    fail "plan schema is not programmes/programme.schema.json"
  run "$AJV" validate --spec=draft2020 --strict=true -s "$WORK/programme.schema.json" \
    -d "$SOURCE_DIR/programmes/twelve-weeks.json" -d "$XDG_CONFIG_HOME/backcare/programmes/mine.json"
  expect_rc 0 "ajv: the built-in programme and the user's are valid"
  printf '{"format": 1, "name": "x", "title": "X", "weeks": [{"from": 1, "routines": [{"routine": "a", "per_week": 8}]}]}' >"$WORK/eight.json"
  run "$AJV" validate --spec=draft2020 --strict=true -s "$WORK/programme.schema.json" -d "$WORK/eight.json"
  expect_rc 1 "ajv: per_week 8 is invalid"
else
  fail "$AJV is missing: run scripts/setup.sh --test"
fi
finish
