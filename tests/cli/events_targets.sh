#!/usr/bin/env bash
# Where --events may and may not write: a full disk is said (74), a closed pipe stays quiet
# (141), a FIFO nobody reads is refused instead of waiting (73), and the routine file being
# run (or a file it includes) is never truncated (2).
source "$SOURCE_DIR/tests/cli/lib.bash"
SMALL="$SOURCE_DIR/tests/data/run/small.json"

# 1. /dev/full: every write fails with ENOSPC; the session stops and says why.
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain --events /dev/full
expect_rc 74 "--events /dev/full"
expect_err "backcare: error: cannot write events to /dev/full: No space left on device" \
  "--events /dev/full message"
# The same for standard output on a full disk (--events -).
"$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --events - >/dev/full 2>"$TMP/full.err" &&
  rc=0 || rc=$?
expect_eq "$rc" 74 "--events - to /dev/full"
grep -q "cannot write events to standard output: No space left on device" "$TMP/full.err" &&
  pass || fail "--events - to /dev/full: message [$(cat "$TMP/full.err")]"

# 2. A closed pipe on --events - still ends quietly with 141.
set +o pipefail
"$BACKCARE" run "$SMALL" --speed 20 --lead-in 0 --quiet --events - 2>"$TMP/pipe.err" | head -c 1 >/dev/null
rc=${PIPESTATUS[0]}
expect_eq "$rc" 141 "closed pipe on --events -"
expect_eq "$(cat "$TMP/pipe.err")" "" "closed pipe on --events -: nothing said"

# 3. A FIFO with no reader: refused at once, no waiting.
mkfifo "$TMP/fifo"
start=$(date +%s%N)
run timeout 10 "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain --events "$TMP/fifo"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
expect_rc 73 "--events FIFO without a reader"
expect_err "cannot write events to $TMP/fifo: no process is reading that FIFO" \
  "--events FIFO without a reader: message"
[ "$elapsed_ms" -lt 5000 ] && pass || fail "--events FIFO without a reader: took ${elapsed_ms} ms"
# With a reader, the events arrive through it (and the writes block normally).
cat "$TMP/fifo" >"$TMP/fifo.out" &
reader=$!
run timeout 20 "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --quiet --events "$TMP/fifo"
wait "$reader"
expect_rc 0 "--events FIFO with a reader"
expect_eq "$(grep -c '"event":"session_end"' "$TMP/fifo.out")" 1 "--events FIFO: the whole stream"

# 4. The routine file itself (by another name too) and an included file are refused, untouched.
cp "$SMALL" "$TMP/own.json"
before=$(cat "$TMP/own.json")
run "$BACKCARE" run "$TMP/own.json" --speed 100 --lead-in 0 --plain --events "$TMP/own.json"
expect_rc 2 "--events the routine file"
expect_err "--events $TMP/own.json: that is the routine file" "--events the routine file: message"
expect_eq "$(cat "$TMP/own.json")" "$before" "--events the routine file: the file is untouched"
ln "$TMP/own.json" "$TMP/hard-link.json"
run "$BACKCARE" run "$TMP/own.json" --speed 100 --lead-in 0 --plain --events "$TMP/hard-link.json"
expect_rc 2 "--events a hard link to the routine file"
expect_eq "$(cat "$TMP/own.json")" "$before" "--events a hard link: the file is untouched"
cat >"$TMP/outer.json" <<'JSON'
{"format": 1, "name": "outer", "title": "Outer", "steps": [{"kind": "include", "routine": "own.json"}]}
JSON
run "$BACKCARE" run "$TMP/outer.json" --speed 100 --lead-in 0 --plain --events "$TMP/own.json"
expect_rc 2 "--events an included file"
expect_eq "$(cat "$TMP/own.json")" "$before" "--events an included file: the file is untouched"
# A routine from the user folder, by name.
mkdir -p "$XDG_CONFIG_HOME/backcare/routines"
cp "$SMALL" "$XDG_CONFIG_HOME/backcare/routines/small.json"
run "$BACKCARE" run small --speed 100 --lead-in 0 --plain \
  --events "$XDG_CONFIG_HOME/backcare/routines/small.json"
expect_rc 2 "--events the user routine run by name"
cmp -s "$SMALL" "$XDG_CONFIG_HOME/backcare/routines/small.json" && pass ||
  fail "--events the user routine run by name: the file changed"
# The routine on standard input, redirected from the file.
run "$BACKCARE" run - --speed 100 --lead-in 0 --plain --events "$TMP/own.json" <"$TMP/own.json"
expect_rc 2 "--events the file standard input reads"
expect_eq "$(cat "$TMP/own.json")" "$before" "--events the stdin file: the file is untouched"
# Another file is fine.
run "$BACKCARE" run "$TMP/own.json" --speed 100 --lead-in 0 --plain --events "$TMP/other.jsonl"
expect_rc 0 "--events another file"
finish
