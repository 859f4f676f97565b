# Shared helpers for CLI tests. Sourced, not run (no .sh suffix, so CTest does not list it).
set -u
: "${BACKCARE:?set BACKCARE to the built binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
FAILS=0
PASSES=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export XDG_CONFIG_HOME="$TMP/config"
export XDG_STATE_HOME="$TMP/state"  # the practice journal of the sessions tests run
export NO_COLOR=
unset NO_COLOR

# run CMD...: runs it, capturing OUT (stdout), ERR (stderr) and RC.
run() {
  OUT=$("$@" 2>"$TMP/stderr") && RC=0 || RC=$?
  ERR=$(cat "$TMP/stderr")
}
pass() { PASSES=$((PASSES + 1)); }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL: %s\n' "$*" >&2; }
expect_rc() { [ "$RC" -eq "$1" ] && pass || fail "$2: exit $RC, expected $1 (stderr: $ERR)"; }
expect_out() { [[ "$OUT" == *"$1"* ]] && pass || fail "$2: stdout lacks [$1]; got [$OUT]"; }
expect_err() { [[ "$ERR" == *"$1"* ]] && pass || fail "$2: stderr lacks [$1]; got [$ERR]"; }
expect_eq() { [ "$1" == "$2" ] && pass || fail "$3: got [$1], expected [$2]"; }
finish() {
  printf '%d passed, %d failed\n' "$PASSES" "$FAILS"
  [ "$FAILS" -eq 0 ]
}
