#!/usr/bin/env bash
# `backcare resume` continues the right thing: the routine's source is recorded as an absolute
# path (so resuming from another folder runs the same file), a short remainder that completes
# the practice is recorded (so it is not offered again), every display option of `run` is
# taken, and a routine that is now too short gets a message about the resume.
source "$SOURCE_DIR/tests/cli/lib.bash"
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
SMALL="$SOURCE_DIR/tests/data/run/small.json"
last() { tail -n 1 "$HISTORY" | jq -r "$1"; }
# stop_at N: the last record becomes a practice quit after N of its steps.
stop_at() {
  local line
  line=$(tail -n 1 "$HISTORY" | jq -c ".status=\"quit\" | .steps_done=$1")
  sed -i '$d' "$HISTORY"
  printf '%s\n' "$line" >>"$HISTORY"
}

# --- the source is an absolute path ------------------------------------------------------------
mkdir -p "$TMP/a" "$TMP/b"
cp "$SMALL" "$TMP/a/small.json"
sed 's/"title": "Rest"/"title": "Another rest"/' "$SMALL" >"$TMP/b/small.json"
(cd "$TMP/a" && "$BACKCARE" run ./small.json --speed 100 --lead-in 0 --plain >/dev/null 2>&1)
expect_eq "$(last .source)" "$TMP/a/small.json" "run ./small.json: the source is absolute"
stop_at 2
run env -C "$TMP/b" "$BACKCARE" resume --dry-run
expect_rc 0 "resume from another folder"
expect_out "0:10  Rest" "resume from another folder: the file that ran, not ./small.json here"

# --- a short remainder that completes the practice is recorded --------------------------------
id=$(last .id)
run env -C "$TMP/b" "$BACKCARE" resume --speed 100 --lead-in 0 --plain
expect_rc 0 "resume the last 10 s"
expect_eq "$(last .resumes)" "$id" "the 10 s that complete it are recorded"
expect_eq "$(last .status)" "completed" "the remainder completed"
run "$BACKCARE" resume --dry-run
expect_rc 1 "a completed practice is not offered again"

# --- resume takes run's display options ---------------------------------------------------------
"$BACKCARE" run "$TMP/a/small.json" --speed 100 --lead-in 0 --plain >/dev/null 2>&1
stop_at 1
for option in --big --night --speak --speak=brief --tones --no-color --no-bell --plain \
  "--voice en-gb" "--rate 120" "--volume 50" "--lead-in 0" "--speed 2" --no-ask --no-log; do
  # shellcheck disable=SC2086
  run "$BACKCARE" resume --dry-run $option
  expect_rc 0 "resume $option"
done
run "$BACKCARE" resume --dry-run --from-step 2
expect_rc 2 "resume --from-step is not an option of resume"

# --- a routine now shorter than the step to resume ---------------------------------------------
stop_at 3
jq '.steps |= .[:2]' "$SMALL" >"$TMP/a/small.json"
line=$(tail -n 1 "$HISTORY" | jq -c '.steps_total=4')
sed -i '$d' "$HISTORY"
printf '%s\n' "$line" >>"$HISTORY"
run "$BACKCARE" resume --dry-run
expect_rc 1 "resume: the routine changed and has no step 4"
expect_err "cannot resume" "resume: a message about the resume"
[[ "$ERR" != *"--from-step"* ]] && pass || fail "resume: no word of --from-step: [$ERR]"

# --- a one-step routine goes on from the breath where it stopped ---------------------------------
now=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
printf '{"v":1,"id":"20261125T080000-0000bbbb","kind":"session","routine":"breathe","source":"built-in:breathe","started":"%s","ended":"%s","planned_ms":300000,"active_ms":130000,"skipped_ms":0,"steps_done":0,"steps_total":1,"status":"quit"}\n' \
  "$now" "$now" >"$HISTORY"
run "$BACKCARE" resume --dry-run
expect_rc 0 "resume breathe --dry-run"
expect_out "from 2:10 of 5:00" "resume breathe: from where it stopped, not from step 1"
run "$BACKCARE" resume --speed 100 --lead-in 0 --plain
expect_rc 0 "resume breathe"
left=$(last .active_ms)
[ "$left" -ge 170000 ] && [ "$left" -lt 180000 ] && pass ||
  fail "resume breathe: the rest from the breath where it stopped (170 s and up to a breath more), got $left ms"

finish
