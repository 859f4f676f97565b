#!/usr/bin/env bash
# The command line itself: global options in any position, a routine's name as the first word,
# and an unknown first word (a usage error with a suggestion).
source "$SOURCE_DIR/tests/cli/lib.bash"
DATA="$SOURCE_DIR/tests/data"

mkdir -p "$TMP/extra"
sed 's/"name": *"[^"]*"/"name": "my-routine"/' "$DATA/good/minimal.json" >"$TMP/extra/my-routine.json"
run "$BACKCARE" validate "$TMP/extra/my-routine.json"
expect_rc 0 "the test routine is valid"

# --- --routines-dir before, after and between: the routine named by the first word runs ------
for line in "--routines-dir $TMP/extra my-routine --dry-run" \
  "--routines-dir=$TMP/extra my-routine --dry-run" \
  "my-routine --routines-dir $TMP/extra --dry-run" \
  "my-routine --dry-run --routines-dir $TMP/extra" \
  "--routines-dir $TMP/extra run my-routine --dry-run" \
  "run my-routine --dry-run --routines-dir $TMP/extra"; do
  # shellcheck disable=SC2086
  run "$BACKCARE" $line
  expect_rc 0 "backcare $line"
  expect_out "Total" "backcare $line: the plan of my-routine"
  [[ "$OUT" != *"Main commands:"* ]] && pass || fail "backcare $line: showed the overview"
done

run "$BACKCARE" --routines-dir "$TMP/extra" list --names
expect_out "my-routine" "--routines-dir before list"
run "$BACKCARE" list --names --routines-dir "$TMP/extra"
expect_out "my-routine" "--routines-dir after list"

# Two folders, each after its own --routines-dir.
mkdir -p "$TMP/more"
sed 's/"name": *"[^"]*"/"name": "other-one"/' "$DATA/good/minimal.json" >"$TMP/more/other-one.json"
run "$BACKCARE" --routines-dir "$TMP/extra" --routines-dir "$TMP/more" other-one --dry-run
expect_rc 0 "two --routines-dir, the second's routine"

# --- an unknown first word: exit 2, "unknown routine or command", a suggestion when close -----
run "$BACKCARE" my-routin --routines-dir "$TMP/extra"
expect_rc 2 "a typo of a user routine"
expect_eq "$ERR" 'backcare: error: unknown routine or command "my-routin"; did you mean "my-routine"?; see `backcare --help` and `backcare list`' \
  "a typo of a user routine: message"

run "$BACKCARE" breath
expect_rc 2 "a typo of a built-in"
expect_err 'unknown routine or command "breath"; did you mean "breathe"?' "breath: suggestion"

run "$BACKCARE" valdate x.json
expect_rc 2 "a typo of a command"
expect_err 'unknown routine or command "valdate"; did you mean "validate"?' "valdate: suggestion"

run "$BACKCARE" zzzzzzzz
expect_rc 2 "nothing close"
expect_eq "$ERR" 'backcare: error: unknown routine or command "zzzzzzzz"; see `backcare --help` and `backcare list`' \
  "nothing close: no suggestion"

run "$BACKCARE" --routines-dir "$TMP/extra" zzzzzzzz
expect_rc 2 "nothing close after --routines-dir"
[[ "$OUT" != *"Main commands:"* ]] && pass || fail "an unknown word after --routines-dir showed the overview"

# --- the shortcuts are the built-in routines ---------------------------------------------------
run "$BACKCARE" --help
for name in $(ls "$SOURCE_DIR/routines" | sed -n 's/\.json$//p' | grep -v 'schema$'); do
  grep -qE "^  $name " <<<"$OUT" && pass || fail "--help lacks the shortcut $name"
  run "$BACKCARE" "$name" --dry-run
  expect_rc 0 "backcare $name --dry-run"
  run "$BACKCARE" --help
done

finish
