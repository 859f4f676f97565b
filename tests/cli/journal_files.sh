#!/usr/bin/env bash
# The journal's and the report's files: modes tightened with one warning, `report --out` written
# through a 0600 temporary file (74 on a full disk, a name starting with - handed on as ./-x),
# a journal linked to /dev/null read as empty, errors with their prefix and documented codes,
# CSV cells with ";" quoted, dates outside years 1-9999 refused, and a live session whose
# output is /dev/full.
source "$SOURCE_DIR/tests/cli/lib.bash"
export TZ=UTC
STATE="$XDG_STATE_HOME/backcare"
HISTORY="$STATE/history.jsonl"
mkdir -p "$STATE"
cp "$SOURCE_DIR/tests/data/journal/week.jsonl" "$HISTORY"

# --- modes: an open journal and folder are tightened, with one warning -------------------------
chmod 0644 "$HISTORY"
chmod 0777 "$STATE"
run "$BACKCARE" history
expect_rc 0 "history with a 0644 journal"
expect_eq "$(stat -c %a "$HISTORY") $(stat -c %a "$STATE")" "600 700" "tightened to 0600 and 0700"
expect_eq "$(grep -c 'backcare: warning: .*others' <<<"$ERR")" 2 "one warning for each"
run "$BACKCARE" history
[[ "$ERR" != *others* ]] && pass || fail "no warning once tightened: [$ERR]"
chmod 0666 "$HISTORY"
run "$BACKCARE" checkin --pain 1
expect_eq "$(stat -c %a "$HISTORY")" 600 "checkin: a 0666 journal tightened"
expect_err "backcare: warning:" "checkin: with a warning"
chmod 0644 "$HISTORY"
run "$BACKCARE" run "$SOURCE_DIR/tests/data/run/small.json" --speed 100 --lead-in 0 --plain
expect_rc 0 "a session with a 0644 journal"
expect_eq "$(stat -c %a "$HISTORY")" 600 "a session: the journal tightened"
expect_err "backcare: warning: $HISTORY could be read by others" "a session: with a warning"

# --- report --out: 0600, temp and rename, 74 on a full disk, ./-name for the opener ------------
touch "$TMP/page.html"
chmod 0644 "$TMP/page.html"
run "$BACKCARE" report --as-of 2026-12-01 --out "$TMP/page.html"
expect_rc 0 "report --out over a 0644 page"
expect_eq "$(stat -c %a "$TMP/page.html")" 600 "report --out: the page is 0600"
expect_err "backcare: warning:" "report --out: a warning about the old page's mode"
run "$BACKCARE" report --as-of 2026-12-01 --out "$TMP/new.html"
expect_eq "$(stat -c %a "$TMP/new.html")" 600 "report --out: a new page is 0600"
run "$BACKCARE" report --as-of 2026-12-01 --out /dev/full
expect_rc 74 "report --out /dev/full"
expect_err "backcare: error: cannot write /dev/full" "report --out /dev/full: why"
# A file size limit (SIGXFSZ ignored) makes the write fail part way, as a full disk would.
printf 'old page\n' >"$TMP/keep.html"
run sh -c 'trap "" XFSZ; ulimit -f 2; exec "$0" report --as-of 2026-12-01 --out "$1"' \
  "$BACKCARE" "$TMP/keep.html"
expect_rc 74 "report --out past the file size limit"
expect_eq "$(cat "$TMP/keep.html")" "old page" "report --out: a failed write leaves the old page"
expect_eq "$(find "$TMP" -maxdepth 1 -name '.backcare-report.*' | wc -l)" 0 "report --out: no temp file left"
mkdir -p "$TMP/bin" "$TMP/cwd"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/opened"\n' "$TMP" >"$TMP/bin/xdg-open"
chmod +x "$TMP/bin/xdg-open"
run env -C "$TMP/cwd" PATH="$TMP/bin:$PATH" "$BACKCARE" report --as-of 2026-12-01 --out -x.html --open
expect_rc 0 "report --out -x.html --open"
expect_eq "$(cat "$TMP/opened")" "./-x.html" "the opener is given ./-x.html"
[ -f "$TMP/cwd/-x.html" ] && pass || fail "report --out -x.html: the file"

# --- a journal linked to /dev/null reads as empty ----------------------------------------------
rm "$HISTORY"
ln -s /dev/null "$HISTORY"
for command in history stats report; do
  run "$BACKCARE" $command
  expect_rc 0 "$command with the journal linked to /dev/null"
done
run "$BACKCARE" resume
expect_rc 1 "resume with the journal linked to /dev/null"
rm "$HISTORY"

# --- errors: the prefix, no HOME, a check-in recorded but not printed ------------------------
printf '{}\n' >"$HISTORY"
chmod 0000 "$HISTORY"
if ! cat "$HISTORY" 2>/dev/null; then
  run "$BACKCARE" history
  expect_rc 66 "history: an unreadable journal"
  expect_err "backcare: error: cannot read the history" "history: the read error's prefix"
fi
chmod 0600 "$HISTORY"
cp "$SOURCE_DIR/tests/data/journal/week.jsonl" "$HISTORY"
for command in "history" "checkin --pain 1"; do
  # shellcheck disable=SC2086
  run env -u HOME -u XDG_STATE_HOME "$BACKCARE" $command
  expect_rc 74 "$command without HOME"
done
lines=$(wc -l <"$HISTORY")
run sh -c '"$0" checkin --pain 2 >/dev/full' "$BACKCARE"
expect_rc 74 "checkin to /dev/full"
expect_err "recorded" "checkin to /dev/full: says the check-in was recorded"
expect_eq "$(wc -l <"$HISTORY")" "$((lines + 1))" "checkin to /dev/full: recorded once"

# --- CSV: a cell with ";" is quoted and neutralised ----------------------------------------------
printf '{"v":1,"id":"20261125T083000-0000000a","kind":"checkin","started":"2026-11-25T08:30:00+00:00","note":"a;=cmd()"}\n' >"$HISTORY"
run "$BACKCARE" history --csv
expect_out $'"\'a;=cmd()",' "history --csv: a cell with ; is quoted and neutralised"

# --- dates outside years 1-9999 ----------------------------------------------------------------
for option in "stats --as-of 0000-01-01" "stats --as-of 0001-01-03" "report --as-of 9999-12-31" \
  "history --since 0000-12-31"; do
  # shellcheck disable=SC2086
  run "$BACKCARE" $option
  expect_rc 2 "$option"
  [[ "$OUT" != *-001-* && "$OUT" != *0000-* && "$OUT" != *10000-* ]] && pass ||
    fail "$option: a year out of range printed"
done
# 1,100 sessions of 2^53 ms (the most a record may hold) add up past 2^63.
python3 -c 'for i in range(1100): print("{\"v\":1,\"id\":\"x%d\",\"kind\":\"session\",\"routine\":\"r\",\"started\":\"2026-11-25T08:30:00+00:00\",\"ended\":\"2026-11-25T08:40:00+00:00\",\"active_ms\":9007199254740992,\"status\":\"completed\"}" % i)' >"$HISTORY"
run "$BACKCARE" stats --as-of 2026-11-30 --json
expect_rc 0 "stats with huge active_ms"
[[ "$(jq .minutes <<<"$OUT")" != -* ]] && pass || fail "stats: minutes overflowed: $(jq .minutes <<<"$OUT")"

# --- a live session whose output is /dev/full ----------------------------------------------------
run sh -c '"$0" run "$1" --speed 100 --lead-in 0 --plain --no-log >/dev/full' "$BACKCARE" \
  "$SOURCE_DIR/tests/data/run/small.json"
expect_rc 74 "a session to /dev/full"
expect_err "backcare: error:" "a session to /dev/full: a message"

finish
