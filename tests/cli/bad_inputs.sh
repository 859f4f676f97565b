#!/usr/bin/env bash
# Hostile and broken input: files that are not routines, parser bombs, terminal escapes, typos.
# Exit codes: 65 invalid data, 66 missing or unreadable, 2 usage; never a crash (>= 128).
source "$SOURCE_DIR/tests/cli/lib.bash"
DATA="$SOURCE_DIR/tests/data"
chmod 711 "$TMP"  # so that the unreadable-file check can run as an unprivileged user

# expect_no_raw_controls TEXT LABEL: no ESC, BEL, C1 CSI (c2 9b) or RLO (e2 80 ae) byte.
expect_no_raw_controls() {
  if printf '%s' "$1" | LC_ALL=C grep -qaP '\x1b|\x07|\xc2\x9b|\xe2\x80\xae'; then
    fail "$2: raw control bytes printed: $(printf '%s' "$1" | od -c | head -5)"
  else
    pass
  fi
}
# expect_not_crashed LABEL: the exit code is not from a signal.
expect_not_crashed() { [ "$RC" -lt 128 ] && pass || fail "$1: crashed with exit $RC"; }

# --- Files that cannot be read: 66 ---------------------------------------------------------
cp "$DATA/good/minimal.json" "$TMP/unreadable.json"
chmod 000 "$TMP/unreadable.json"
unreadable=yes
if [ "$(id -u)" -ne 0 ]; then
  run "$BACKCARE" validate "$TMP/unreadable.json"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  # root reads any file; run as nobody instead.
  run setpriv --reuid=65534 --regid=65534 --clear-groups "$BACKCARE" validate "$TMP/unreadable.json"
else
  unreadable=""
  skip "running as root without a working setpriv: the unreadable-file check did not run"
fi
if [ -n "$unreadable" ]; then
  expect_rc 66 "unreadable file"
  expect_eq "$ERR" "$TMP/unreadable.json: cannot open: Permission denied" "unreadable file: message"
fi

run "$BACKCARE" validate "$TMP"
expect_rc 66 "a directory"
expect_eq "$ERR" "$TMP: is a directory; a routine must be a regular file" "a directory: message"

mkfifo "$TMP/fifo.json"
run timeout 10 "$BACKCARE" validate "$TMP/fifo.json"
expect_rc 66 "a FIFO (and no hang)"
expect_eq "$ERR" "$TMP/fifo.json: is a FIFO; a routine must be a regular file" "a FIFO: message"

run timeout 10 "$BACKCARE" validate /dev/null
expect_rc 66 "/dev/null"
expect_eq "$ERR" "/dev/null: is a character device; a routine must be a regular file" "/dev/null: message"

run timeout 10 "$BACKCARE" validate /dev/zero
expect_rc 66 "/dev/zero"
expect_eq "$ERR" "/dev/zero: is a character device; a routine must be a regular file" "/dev/zero: message"

run "$BACKCARE" show "$TMP/no-such-routine.json"
expect_rc 66 "show a missing file"
expect_eq "$ERR" "$TMP/no-such-routine.json: no such file" "show a missing file: message"

# --- Files that are read but are not valid routines: 65 ------------------------------------
head -c 2097152 /dev/zero | tr '\0' ' ' >"$TMP/big.json"
run "$BACKCARE" validate "$TMP/big.json"
expect_rc 65 "a 2 MiB file"
expect_eq "$ERR" "$TMP/big.json: file is larger than the limit of 1 MiB (2097152 bytes)" "2 MiB: message"

run timeout 10 "$BACKCARE" validate - <"$TMP/big.json"
expect_rc 65 "2 MiB on standard input"
expect_eq "$ERR" "<stdin>: file is larger than the limit of 1 MiB (1048576 bytes)" "2 MiB on stdin: message"

head -c 100000 /dev/zero | tr '\0' '[' >"$TMP/deep.json"
run "$BACKCARE" validate "$TMP/deep.json"
expect_not_crashed "100,000 ["
expect_rc 65 "100,000 ["
expect_eq "$ERR" "$TMP/deep.json:1:33: nesting deeper than 32 levels" "100,000 [: message"

run "$BACKCARE" show "$TMP/deep.json"
expect_not_crashed "show 100,000 ["
expect_rc 65 "show 100,000 ["

routine_with_duration() {
  printf '{\n  "format": 1, "name": "x", "title": "T",\n  "steps": [{"kind": "rest", "title": "R", "duration": %s}]\n}\n' "$1"
}
routine_with_duration 1e400 >"$TMP/huge.json"
run "$BACKCARE" validate "$TMP/huge.json"
expect_rc 65 "1e400"
expect_eq "$ERR" "$TMP/huge.json:3:56: steps[0].duration: number 1e400 is out of range" "1e400: message"

routine_with_duration 9223372036854775808 >"$TMP/int.json"
run "$BACKCARE" validate "$TMP/int.json"
expect_rc 65 "9223372036854775808"
expect_eq "$ERR" "$TMP/int.json:3:56: steps[0].duration: number 9223372036854775808 is out of range" \
  "9223372036854775808: message"

printf '{"format": 1,\n "name": "x\0y"}\n' >"$TMP/nul.json"
run "$BACKCARE" validate "$TMP/nul.json"
expect_rc 65 "a NUL byte"
expect_eq "$ERR" "$TMP/nul.json:2:12: NUL byte (a routine file is UTF-8 text)" "a NUL byte: message"

printf '{"format": 1,\n "name": "caf\xe9"}\n' >"$TMP/latin1.json"
run "$BACKCARE" validate "$TMP/latin1.json"
expect_rc 65 "invalid UTF-8"
expect_eq "$ERR" "$TMP/latin1.json:2:14: invalid UTF-8 (byte 0xe9); routine files must be UTF-8 text" \
  "invalid UTF-8: message"

printf '\xef\xbb\xbf' >"$TMP/bom.json"
cat "$DATA/good/minimal.json" >>"$TMP/bom.json"
run "$BACKCARE" validate "$TMP/bom.json"
expect_rc 0 "a UTF-8 byte order mark is accepted"

printf '' >"$TMP/empty.json"
run "$BACKCARE" validate "$TMP/empty.json"
expect_rc 65 "an empty file"
expect_eq "$ERR" "$TMP/empty.json:1:1: expected a value, found the end of the file" "empty file: message"

# --- Terminal escapes in routine text are printed escaped, never raw ------------------------
run "$BACKCARE" show "$DATA/good/escapes.json"
expect_rc 0 "show a routine full of escapes"
expect_no_raw_controls "$OUT" "show: escapes"
expect_out 'Title \x1b]0;pwned\x07\x1b[2J\u009b31m\u202e (escapes)' "show: title escaped"
expect_out 'Text \x1b]0;pwned' "show: step text escaped"
expect_out 'at 0:05: Cue \x1b]0;pwned' "show: cue escaped"
expect_out 'left\x1b]0;pwned' "show: side escaped"

run "$BACKCARE" show --json "$DATA/good/escapes.json"
expect_rc 0 "show --json with escapes"
expect_no_raw_controls "$OUT" "show --json: escapes"
expect_out '"title": "Title \u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e"' "show --json: title as JSON escapes"

run "$BACKCARE" validate "$DATA/bad/escapes.json"
expect_rc 65 "invalid routine full of escapes"
expect_no_raw_controls "$ERR" "validate: escapes in errors"
expect_err 'got "bad\x1b]0;pwned\x07\x1b[2J\u009b31m\u202e"' "validate: name escaped"
expect_err 'unknown key "key\x1b]0;pwned\x07\x1b[2J\u009b31m\u202e"' "validate: key escaped"

# A file name holding escapes is escaped too.
NASTY_FILE="$TMP/"$'\e]0;pwned\a\e[2J\xc2\x9b'".json"
cp "$DATA/bad/syntax.json" "$NASTY_FILE"
run "$BACKCARE" validate "$NASTY_FILE"
expect_rc 65 "file name with escapes"
expect_no_raw_controls "$ERR" "file name with escapes"
expect_err '\x1b]0;pwned\x07\x1b[2J\u009b.json:7:3: trailing comma is not allowed' "file name escaped"

# `list` shows an invalid user routine by its file name, escaped, beside the valid ones.
mkdir -p "$XDG_CONFIG_HOME/backcare/routines"
cp "$DATA/bad/escapes.json" "$XDG_CONFIG_HOME/backcare/routines/"$'\e[2Jx\xc2\x9b'".json"
run "$BACKCARE" list
expect_rc 0 "list with an invalid, escape-laden user routine"
expect_no_raw_controls "$OUT" "list: escapes"
expect_out '-  INVALID: ' "list: invalid entry listed"
expect_out '/backcare/routines/\x1b[2Jx\u009b.json:3:11: name: expected a name' "list: invalid entry's path escaped"
expect_out "10:00  Night-time back release  [built-in]" "list: valid routines still listed"
rm -rf "$XDG_CONFIG_HOME/backcare"

# --- Usage errors: 2, with a suggestion -----------------------------------------------------
run "$BACKCARE" lsit
expect_rc 2 "unknown command"
expect_err 'unknown routine or command "lsit"; did you mean "list"?' "unknown command: suggestion"

run "$BACKCARE" shwo night-release
expect_rc 2 "unknown command shwo"
expect_err 'did you mean "show"?' "unknown command shwo: suggestion"

run "$BACKCARE" show nigth-release
expect_rc 2 "unknown routine"
expect_eq "$ERR" 'backcare: error: unknown routine "nigth-release"; did you mean "night-release"?; see `backcare list`' \
  "unknown routine: suggestion"

run "$BACKCARE" show $'zz\e[2J'
expect_rc 2 "unknown routine with escapes"
expect_no_raw_controls "$ERR" "unknown routine with escapes"

run "$BACKCARE" list --bogus
expect_rc 2 "unknown option"

finish
