#!/usr/bin/env bash
# Output that cannot be written: a full device is a message and exit 74 (EX_IOERR), never a
# silent 0; a closed pipe stays 141; closed standard descriptors are not reused for files.
# Without a writable /dev/full the test ends as skipped (77), not passed.
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
  skip "no writable /dev/full here: the write-error checks did not run"
fi

# A reader that has gone: 141 (SIGPIPE), nothing on stderr, whether the caller left SIGPIPE
# fatal (backcare dies of it) or ignored it (backcare sees EPIPE and exits 141 itself).
# closed_pipe fatal|ignore CMD...: runs CMD with stdout a pipe whose read end is already
# closed, and prints "EXIT STDERR" (EXIT as a shell gives it: 128 + N for signal N).
closed_pipe() {
  python3 - "$@" <<'PY'
import os, signal, subprocess, sys
disposition = signal.SIG_DFL if sys.argv[1] == "fatal" else signal.SIG_IGN
reader, writer = os.pipe()
os.close(reader)
child = subprocess.run(sys.argv[2:], stdout=writer, stderr=subprocess.PIPE,
                       preexec_fn=lambda: signal.signal(signal.SIGPIPE, disposition))
code = child.returncode if child.returncode >= 0 else 128 - child.returncode
print(code, child.stderr.decode(errors="replace").strip())
PY
}
for disposition in fatal ignore; do
  for line in "list" "show breathe --json" "schema" "--help"; do
    # shellcheck disable=SC2086
    expect_eq "$(closed_pipe "$disposition" "$BACKCARE" $line 2>&1)" "141 " \
      "backcare $line to a closed pipe, SIGPIPE $disposition: exit and stderr"
  done
done


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
