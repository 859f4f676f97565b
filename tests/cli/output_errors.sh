#!/usr/bin/env bash
# Output that cannot be written: a full device is a message and exit 74 (EX_IOERR), never a
# silent 0; a closed pipe stays 141; closed standard descriptors are not reused for files.
source "$SOURCE_DIR/tests/cli/lib.bash"

if [ -w /dev/full ]; then
  for line in "list" "list --json" "list --names" "show breathe" "show breathe --json" "schema" \
    "validate $SOURCE_DIR/routines/breathe.json" "completion bash" "--help" "run --help" \
    "--version" "breathe --dry-run" ""; do
    # shellcheck disable=SC2086
    "$BACKCARE" $line >/dev/full 2>"$TMP/stderr" && RC=0 || RC=$?
    ERR=$(cat "$TMP/stderr")
    expect_rc 74 "backcare $line >/dev/full"
    expect_eq "$ERR" "backcare: error: cannot write to standard output: No space left on device" \
      "backcare $line >/dev/full: message"
  done
else
  echo "note: no writable /dev/full; write-error checks skipped" >&2
fi

# A reader that has gone: 141 (SIGPIPE), as before.


# Standard output closed: the event file gets fd 3 or above, and only events go into it.
"$BACKCARE" posture --plain --speed 1000 --lead-in 0 --events "$TMP/events.jsonl" >&- 2>"$TMP/stderr" \
  && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "stdout closed, --events FILE"
[ -s "$TMP/events.jsonl" ] && pass || fail "stdout closed: no events written"
bad=$(grep -cv '^{"' "$TMP/events.jsonl")
expect_eq "$bad" 0 "stdout closed: every line of the event file is an event"

# Standard input closed: a routine on "-" reads nothing, quietly (an invalid routine, not a crash).
"$BACKCARE" validate - <&- 2>"$TMP/stderr" && RC=0 || RC=$?
[ "$RC" -lt 128 ] && pass || fail "stdin closed: crashed with $RC"

finish
