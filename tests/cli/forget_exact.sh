#!/usr/bin/env bash
# `history --forget ID` deletes exactly the record it names and says what it could not: two
# records sharing an id are refused as ambiguous, a record hidden by a forget line can still be
# purged from the file, an empty id is a usage error, a hard-linked journal keeps a copy (and
# forget says so), and a journal past the 64 MiB read limit can still be trimmed.
source "$SOURCE_DIR/tests/cli/lib.bash"
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
mkdir -p "$XDG_STATE_HOME/backcare"
rec() { # rec ID NOTE: a check-in line
  printf '{"v":1,"id":"%s","kind":"checkin","started":"2026-11-25T08:30:00+00:00","pain":2,"note":"%s"}\n' "$1" "$2"
}

# --- two records sharing an id: refused, nothing deleted ---------------------------------------
{ rec 20261125T083000-0000000a first; rec 20261125T083000-0000000b other
  rec 20261125T083000-0000000a second; } >"$HISTORY"
before=$(cat "$HISTORY")
run "$BACKCARE" history --forget 20261125T083000-0000000a
expect_rc 2 "forget: an id two records share"
expect_err 'backcare: error: --forget: 2 records share the id "20261125T083000-0000000a"' \
  "forget: says it is ambiguous"
expect_eq "$(cat "$HISTORY")" "$before" "forget: an ambiguous id deletes nothing"

# --- a record hidden by a forget line is still purged from the file ---------------------------
{ rec 20261125T083000-0000000c secret
  printf '{"v":1,"id":"f1","kind":"forget","forgets":"20261125T083000-0000000c"}\n'; } >>"$HISTORY"
run "$BACKCARE" history --forget 20261125T083000-0000000c
expect_rc 0 "forget: a record a forget line hides"
expect_eq "$(grep -c secret "$HISTORY")" 0 "forget: the hidden record's text is gone"
expect_eq "$(grep -c '"forget"' "$HISTORY")" 0 "forget: and the forget line with it"
expect_eq "$(wc -l <"$HISTORY")" 3 "forget: every other line kept"

# --- an empty id is a usage error ----------------------------------------------------------------
run "$BACKCARE" history --forget ""
expect_rc 2 "history --forget \"\""
expect_err "--forget" "history --forget \"\": names the option"

# --- a journal with another hard link: forget says a copy remains ------------------------------
rec 20261125T083000-0000000d linked >>"$HISTORY"
ln "$HISTORY" "$TMP/backup.jsonl"
run "$BACKCARE" history --forget 20261125T083000-0000000d
expect_rc 0 "forget: a hard-linked journal"
expect_err "backcare: warning: the history had 1 other hard link" "forget: says a copy remains"
expect_eq "$(grep -c linked "$HISTORY")" 0 "forget: the record is gone from the history"
expect_eq "$(grep -c linked "$TMP/backup.jsonl")" 1 "forget: (the other link still has it)"

# --- a journal past the 64 MiB read limit can still be trimmed ---------------------------------
{ rec 20261125T083000-0000000e big-one
  python3 -c 'import sys
line = "{\"v\":1,\"id\":\"x%07d\",\"kind\":\"checkin\",\"started\":\"2026-11-25T08:30:00+00:00\",\"note\":\"" + "n" * 900 + "\"}\n"
sys.stdout.write("".join(line % i for i in range(71000)))'; } >"$HISTORY"
run "$BACKCARE" history
expect_rc 66 "history: a journal over 64 MiB cannot be read"
expect_err "backcare: error: cannot read the history" "history: over the limit, with the prefix"
run "$BACKCARE" checkin --pain 1
expect_rc 0 "checkin: appended to a journal over the limit"
expect_err "backcare: warning: the history" "checkin: warns that the journal is over the limit"
run "$BACKCARE" history --forget 20261125T083000-0000000e
expect_rc 0 "forget: in a journal over the limit"
expect_eq "$(grep -c big-one "$HISTORY")" 0 "forget over the limit: the record is gone"
expect_eq "$(wc -l <"$HISTORY")" 71001 "forget over the limit: every other line kept"
run "$BACKCARE" history --forget 20261125T083000-0000000f
expect_rc 2 "forget over the limit: an id that is not there"

finish
