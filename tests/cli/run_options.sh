#!/usr/bin/env bash
# Options of run and the shortcuts: --dry-run with --from-step, --quiet's need for --events,
# limits crossed by command-line values (usage errors, 2), strict numbers.
source "$SOURCE_DIR/tests/cli/lib.bash"

# --- --dry-run --from-step N: only the steps that would run, and their total -----------------
run "$BACKCARE" posture --dry-run
expect_rc 0 "posture --dry-run"
ALL=$OUT
run "$BACKCARE" posture --dry-run --from-step 5
expect_rc 0 "posture --dry-run --from-step 5"
expect_out "From step 5 of 6 (--from-step 5):" "--from-step 5: says where it starts"
[[ "$OUT" != *"  1.  "* && "$OUT" != *"  4.  "* ]] && pass || fail "--from-step 5: earlier steps printed: [$OUT]"
expect_out "  5.    0:35  Carrying hip" "--from-step 5: step 5, numbered as in the routine"
expect_out "  6.  " "--from-step 5: step 6"
expect_out "Total 1:05" "--from-step 5: the total of steps 5 and 6"
[[ "$OUT" != *"Total 2:40"* ]] && pass || fail "--from-step 5: the whole routine's total printed"
expect_out "General guidance, not medical advice" "--from-step 5: the safety note stays"
run "$BACKCARE" posture --dry-run --from-step 1
expect_eq "$OUT" "$ALL" "--from-step 1 prints the whole plan"

# --- --quiet without --events: nothing would show ----------------------------------------------
run "$BACKCARE" breathe --quiet --speed 1000 --lead-in 0
expect_rc 2 "--quiet without --events"
expect_err "--quiet turns the display off, so it needs --events FILE" "--quiet: says why"
run "$BACKCARE" breathe --quiet --events - --speed 1000 --lead-in 0 --cycles 1
expect_rc 0 "--quiet --events -"

# --- a limit crossed because of the command line is a usage error, whichever option -----------
cat >"$TMP/many.json" <<'JSON'
{
  "format": 1, "name": "many", "title": "Many breaths",
  "params": { "cycles": { "default": 2, "min": 1, "max": 10000 } },
  "steps": [
    { "kind": "breath", "title": "Breathe",
      "pattern": { "inhale": 1, "hold": 1, "exhale": 1, "hold_empty": 1 },
      "cycles": "${cycles}" }
  ]
}
JSON
run "$BACKCARE" validate "$TMP/many.json"
expect_rc 0 "the routine is valid as written"
run "$BACKCARE" run "$TMP/many.json" --cycles 10000 --dry-run
expect_rc 2 "--cycles past the segment limit"
run "$BACKCARE" run "$TMP/many.json" --set cycles=10000 --dry-run
expect_rc 2 "--set past the segment limit"
expect_err "segments" "--set past the segment limit: names the limit"
run "$BACKCARE" show "$TMP/many.json" --set cycles=10000
expect_rc 2 "show --set past the segment limit"

# --- numbers are read strictly, as in routine files; range messages in our words --------------
for option in --speed --lead-in --inhale --minutes; do
  for value in nan inf -inf 0x10 " 5" "5 " +5 1. .5 1e; do
    run "$BACKCARE" breathe --dry-run "$option" "$value"
    expect_rc 2 "$option [$value]"
  done
done
for value in nan 1e0 2.5 0x1 " 2" 0; do
  run "$BACKCARE" posture --dry-run --from-step "$value"
  expect_rc 2 "--from-step [$value]"
done
run "$BACKCARE" breathe --dry-run --speed 1e2 --lead-in 0.5 --inhale 4.5 --minutes 1
expect_rc 0 "numbers in JSON's grammar are taken"
run "$BACKCARE" breathe --dry-run --speed 0.01
expect_eq "$ERR" $'backcare: error: --speed: must be between 0.1 and 1000, got 0.01\nRun `backcare --help` for usage.' \
  "--speed 0.01: message"
run "$BACKCARE" breathe --dry-run --lead-in 61
expect_err "--lead-in: must be between 0 and 60, got 61" "--lead-in 61: message"
run "$BACKCARE" posture --dry-run --from-step 0
expect_err "--from-step: must be between 1 and 1000, got 0" "--from-step 0: message"
run "$BACKCARE" breathe --dry-run --speed nan
expect_err '--speed: expected a number, got "nan"' "--speed nan: message"

finish
