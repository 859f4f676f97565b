#!/usr/bin/env bash
# The journal store under stress (src/shell/journal_store.cpp), driven by the test-only program
# tests/journal_writer.cpp ($JOURNAL_WRITER), which appends, reads and forgets like backcare:
#   - 50 processes x 200 appends at once give 10,000 intact lines, each record exactly once;
#   - writers killed with SIGKILL leave every complete line readable, and each killed writer's
#     records are an unbroken run from its first (nothing but the one being written is lost);
#   - a torn last line is ended before the next record, which then starts on its own line, and
#     the reader skips the torn line with a warning naming its line number;
#   - a full disk (/dev/full, also through XDG_STATE_HOME) and a read-only folder give one
#     warning and exit 1, never a crash.
source "$SOURCE_DIR/tests/cli/lib.bash"
: "${JOURNAL_WRITER:?set JOURNAL_WRITER to the built tests/journal_writer}"
W=$JOURNAL_WRITER

# fsync is what makes a record durable, not what makes it whole: run the many-writer parts in
# memory (/dev/shm) when there is one, so the test is quick on a slow disk.
FAST=$TMP
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  FAST=$(mktemp -d /dev/shm/backcare-journal-XXXXXX)
  trap 'rm -rf "$TMP" "$FAST"' EXIT
fi

# check_lines FILE: LINES, BAD (lines that are not JSON objects) and DUPS (ids seen twice).
check_lines() {
  read -r LINES BAD DUPS < <(node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    let bad = 0; const seen = new Set(); let dups = 0;
    for (const line of lines) {
      let r; try { r = JSON.parse(line); } catch { bad++; continue; }
      if (r === null || typeof r !== "object" || typeof r.id !== "string") { bad++; continue; }
      if (seen.has(r.id)) dups++; seen.add(r.id);
    }
    console.log(lines.length, bad, dups);
  ' "$1")
}

# --- 50 processes x 200 appends -----------------------------------------------------------------

H=$FAST/many/backcare/history.jsonl
start=$(date +%s)
pids=()
for p in $(seq 1 50); do
  "$W" append "$H" 200 "w$p" 2>>"$TMP/many.err" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
expect_eq "$failed" 0 "writers that failed ($(head -3 "$TMP/many.err"))"
check_lines "$H"
expect_eq "$LINES $BAD $DUPS" "10000 0 0" "50 x 200 appends: lines, damaged lines, duplicate ids"
run "$W" read "$H"
expect_eq "$OUT" "records 10000" "the store reads all 10,000 back"
expect_eq "$ERR" "" "no warnings"
expect_eq "$(stat -c %a "$H") $(stat -c %a "$(dirname "$H")")" "600 700" "file and folder modes"
echo "50 x 200 appends: $(($(date +%s) - start)) s"

# --- writers killed with SIGKILL ----------------------------------------------------------------

H=$FAST/killed/history.jsonl
kills=0
for k in $(seq 1 25); do
  "$W" append "$H" 1000000 "k$k" 2>/dev/null &
  pid=$!
  "$W" append "$H" 30 "calm$k" 2>/dev/null  # meanwhile another writer carries on
  sleep "0.0$((RANDOM % 5 + 1))"
  kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
done
expect_eq "$kills" 25 "writers killed"
run "$W" append "$H" 1 after-kills
expect_rc 0 "an append after the kills"
check_lines "$H"
echo "after $kills kills: $LINES lines, $BAD damaged"
[ "$BAD" -le "$kills" ] && pass || fail "$BAD damaged lines after $kills kills"
expect_eq "$DUPS" 0 "no record twice after the kills"
# Every killed writer's records form an unbroken run k-0 .. k-(n-1); every calm writer has all 30.
run node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
  const ids = new Map();
  for (const line of lines) {
    let r; try { r = JSON.parse(line); } catch { continue; }
    const cut = r.id.lastIndexOf("-");
    const who = r.id.slice(0, cut), n = r.id.slice(cut + 1);
    if (!ids.has(who)) ids.set(who, []);
    ids.get(who).push(Number(n));
  }
  const problems = [];
  for (const [who, ns] of ids) {
    ns.sort((a, b) => a - b);
    if (ns.some((n, i) => n !== i)) problems.push(`${who}: a gap`);
    if (who.startsWith("calm") && ns.length !== 30) problems.push(`${who}: ${ns.length} of 30`);
  }
  if (!ids.has("after-kills")) problems.push("the last append is missing");
  console.log(problems.join("; "));
' "$H"
expect_eq "$OUT" "" "records after the kills"
run "$W" read "$H"
expect_rc 0 "reading after the kills"
[[ "$OUT" == records* ]] && pass || fail "read after kills: $OUT"

# --- a torn tail, then new appends --------------------------------------------------------------

H=$TMP/torn/history.jsonl
run "$W" append "$H" 2 first
printf '{"v":1,"id":"torn-0","kind":"sess' >>"$H"
run "$W" append "$H" 1 next
expect_rc 0 "append after a torn tail"
expect_eq "$(sed -n 3p "$H")" '{"v":1,"id":"torn-0","kind":"sess' "the torn line is ended as it was"
expect_eq "$(sed -n 4p "$H" | cut -c1-24)" '{"v":1,"id":"next-0","ki' "the new record starts its own line"
run "$W" read "$H"
expect_eq "$OUT" "records 3" "the torn line is skipped, the rest counts"
expect_eq "$ERR" "$H:3: skipped a damaged line (not JSON: column 34: unterminated string)" \
  "the warning names the torn line"

# --- a full disk and a read-only folder ---------------------------------------------------------

run "$W" append /dev/full 1 full
expect_rc 1 "append to /dev/full"
expect_eq "$ERR" "journal_writer: warning: cannot record the session in /dev/full: No space left on device" \
  "one warning for a full disk"

mkdir -p "$TMP/fullstate/backcare"
ln -s /dev/full "$TMP/fullstate/backcare/history.jsonl"
XDG_STATE_HOME=$TMP/fullstate run "$W" append @state 1 full
expect_rc 1 "append through XDG_STATE_HOME to a link to /dev/full"
expect_err "No space left on device" "full disk through XDG_STATE_HOME"

mkdir -p "$TMP/ro"
chmod 555 "$TMP/ro"
immutable=""
if [ "$(id -u)" = 0 ] && chattr +i "$TMP/ro" 2>/dev/null; then immutable=1; fi
if touch "$TMP/ro/probe" 2>/dev/null; then
  rm -f "$TMP/ro/probe"
  RO_STATE=/proc/1  # root without chattr: a folder nobody can write in
else
  RO_STATE=$TMP/ro
fi
XDG_STATE_HOME=$RO_STATE run "$W" append @state 1 ro
[ -n "$immutable" ] && chattr -i "$TMP/ro"
chmod 755 "$TMP/ro"
expect_rc 1 "append in a read-only folder"
[[ "$ERR" == "journal_writer: warning: cannot record the session in $RO_STATE/backcare/history.jsonl: "* ]] &&
  [ "$(wc -l <<<"$ERR")" -eq 1 ] && pass || fail "read-only folder: one warning expected, got [$ERR]"

# --- forget while others append -----------------------------------------------------------------

H=$FAST/forget/history.jsonl
run "$W" append "$H" 50 keep
pids=()
for p in 1 2 3 4; do "$W" append "$H" 100 "busy$p" & pids+=($!); done
for i in 0 10 20 30 40; do "$W" forget "$H" "keep-$i" >/dev/null; done
for pid in "${pids[@]}"; do wait "$pid"; done
check_lines "$H"
expect_eq "$LINES $BAD $DUPS" "445 0 0" "forget 5 of 50 while 4 x 100 are appended"
expect_eq "$(grep -c '"id":"keep-10"' "$H")" 0 "a forgotten record is gone from the file"

finish
