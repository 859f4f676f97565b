# Checks shared by the CLI tests (tests/cli/lib.bash) and the terminal tests (tests/tty/lib.bash),
# which source this file first. Sourced, not run (no .sh suffix, so CTest does not list it).
#
# A test script counts what it checked and ends with `finish`:
#   pass                 one check held
#   fail MESSAGE         one check did not; MESSAGE goes to stderr
#   skip REASON          one check could not run here (no /dev/full, root without setpriv):
#                        said on stderr, and the script then ends with 77, which CTest shows
#                        as "Skipped" (SKIP_RETURN_CODE), never as a pass
#   finish               prints the counts; exits 1 after any failure, else 77 after any skip
set -u

# faketime works by LD_PRELOAD, which a sanitizer build would otherwise refuse to start with
# ("ASan runtime does not come first"): every test may use faketime under the sanitizers.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

FAILS=0
PASSES=0
SKIPS=0
pass() { PASSES=$((PASSES + 1)); }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL: %s\n' "$*" >&2; }
skip() { SKIPS=$((SKIPS + 1)); printf 'SKIP: %s\n' "$*" >&2; }
expect_eq() { [ "$1" == "$2" ] && pass || fail "$3: got [$1], expected [$2]"; }
finish() {
  if [ "$SKIPS" -eq 0 ]; then
    printf '%d passed, %d failed\n' "$PASSES" "$FAILS"
  else
    printf '%d passed, %d failed, %d skipped\n' "$PASSES" "$FAILS" "$SKIPS"
  fi
  [ "$FAILS" -eq 0 ] || return 1
  [ "$SKIPS" -eq 0 ] || return 77
}

# expect_line LINE WHAT / expect_no_line LINE WHAT: $OUT has (has not) LINE as a line of its own.
expect_line() { grep -qxF -- "$1" <<<"$OUT" && pass || fail "$2: no [$1] in [$OUT] (stderr: ${ERR-})"; }
expect_no_line() { grep -qxF -- "$1" <<<"$OUT" && fail "$2: [$1] in [$OUT]" || pass; }

# records: the number of lines in the journal $HISTORY (set by the test), 0 when there is none.
records() { if [ -f "$HISTORY" ]; then wc -l <"$HISTORY"; else echo 0; fi; }
