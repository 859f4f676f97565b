# Shared helpers for CLI tests. Sourced, not run (no .sh suffix, so CTest does not list it).
# pass, fail, skip, expect_eq, expect_line, records and finish come from tests/lib/checks.bash.
set -u
: "${BACKCARE:?set BACKCARE to the built binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
source "$SOURCE_DIR/tests/lib/checks.bash"
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
expect_rc() { [ "$RC" -eq "$1" ] && pass || fail "$2: exit $RC, expected $1 (stderr: $ERR)"; }
expect_out() { [[ "$OUT" == *"$1"* ]] && pass || fail "$2: stdout lacks [$1]; got [$OUT]"; }
expect_err() { [[ "$ERR" == *"$1"* ]] && pass || fail "$2: stderr lacks [$1]; got [$ERR]"; }
