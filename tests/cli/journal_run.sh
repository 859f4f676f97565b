#!/usr/bin/env bash
# The practice journal from the run path: a record per session of 30 s or more of active time
# (every field filled), none for a shorter one, none with --no-log or "log": false, one warning
# when the state folder cannot be written (the session still runs and exits as it would), the
# status of a signal in the stream and the record, the resume hint, and the config file's
# defaults for runs (a broken config stops with 78 and its located lines).
. "$(dirname "$0")/lib.bash"
SMALL="$SOURCE_DIR/tests/data/run/small.json"
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
# field NAME [LINE]: a member of the last record (or of line LINE), as Python prints it.
field() {
  python3 -c 'import json,sys; lines=open(sys.argv[1]).read().splitlines(); r=json.loads(lines[int(sys.argv[3])-1 if len(sys.argv)>3 else -1]); print(r.get(sys.argv[2]))' \
    "$HISTORY" "$@"
}

# --- a completed session: one record with every field ---------------------------------------
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain
expect_rc 0 "small run completes"
expect_out "Completed: Small test routine" "the summary"
expect_eq "$ERR" "" "nothing on stderr"
expect_eq "$(records)" 1 "one record"
expect_eq "$(field kind)" session "kind"
expect_eq "$(field routine)" small "routine"
expect_eq "$(field title)" "Small test routine" "title"
expect_eq "$(field source)" "$SMALL" "source: the file"
expect_eq "$(field status)" completed "status"
expect_eq "$(field planned_ms)" 75000 "planned_ms"
expect_eq "$(field active_ms)" 75000 "active_ms"
expect_eq "$(field skipped_ms)" 0 "skipped_ms"
expect_eq "$(field steps_done)" 3 "steps_done"
expect_eq "$(field steps_total)" 3 "steps_total"
expect_eq "$(field steps_skipped)" 0 "steps_skipped"
expect_eq "$(field pain)" None "no pain question without a terminal"
[[ "$(field id)" =~ ^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$ ]] && pass || fail "id: $(field id)"
[[ "$(field started)" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$ ]] && pass ||
  fail "started: $(field started)"
[[ "$(field ended)" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T ]] && pass || fail "ended: $(field ended)"
[[ "$OUT$ERR" != *"$(field id)"* ]] && pass || fail "the id is printed nowhere"
stat -c %a "$HISTORY" | grep -qx 600 && pass || fail "history mode $(stat -c %a "$HISTORY")"

run "$BACKCARE" breathe --speed 100 --lead-in 0 --plain
expect_rc 0 "breathe completes"
expect_eq "$(records)" 2 "a second record"
expect_eq "$(field source)" "built-in:breathe" "source of a built-in"
expect_eq "$(field planned_ms)" 300000 "breathe: planned_ms"

# --- not recorded: shorter than 30 s, --no-log, "log": false --------------------------------
run "$BACKCARE" breathe --minutes 0.4 --speed 100 --lead-in 0 --plain
expect_rc 0 "24 s of breathing"
expect_eq "$(records)" 2 "24 s: no record"
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain --no-log
expect_rc 0 "--no-log"
expect_eq "$(records)" 2 "--no-log: no record"
mkdir -p "$XDG_CONFIG_HOME/backcare"
printf '{"log": false}\n' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain
expect_rc 0 "log: false"
expect_eq "$(records)" 2 "log: false: no record"

# --- the config's defaults for runs; the command line wins -----------------------------------
printf '{"lead_in": 0, "bell": false}\n' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" run "$SMALL" --speed 100 --events - --quiet
expect_rc 0 "config lead_in 0"
[[ "$OUT" != *'"event":"lead_in"'* ]] && pass || fail "lead_in: 0 from the config: no lead_in event"
run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 1 --events - --quiet
[[ "$OUT" == *'"event":"lead_in"'* ]] && pass || fail "--lead-in 1 wins over the config"
printf '{"lead_in": 90, "colour": true}\n' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" run "$SMALL" --speed 100 --plain
expect_rc 78 "a broken config stops a run"
expect_err "$XDG_CONFIG_HOME/backcare/config.json:1:" "located lines"
expect_err 'unknown key "colour"; did you mean "color"?' "the unknown key"
[[ "$ERR" != *"backcare: error: $XDG_CONFIG_HOME"* ]] && pass || fail "config lines read like diagnostics"
expect_eq "$(records)" 4 "no record when the config is broken (the two runs before it recorded)"
rm "$XDG_CONFIG_HOME/backcare/config.json"

# --- a signal: status interrupted in the stream and the record, the resume hint ---------------
"$BACKCARE" run "$SMALL" --speed 4 --lead-in 0 --plain --events "$TMP/term.jsonl" \
  >"$TMP/term.out" 2>"$TMP/term.err" &
pid=$!
for _ in $(seq 1 200); do
  grep -q '"event":"cue"' "$TMP/term.jsonl" 2>/dev/null && break
  sleep 0.05
done
kill -TERM "$pid"
wait "$pid" && rc=0 || rc=$?
expect_eq "$rc" 143 "SIGTERM: exit 143"
expect_eq "$(tail -n 1 "$TMP/term.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" \
  interrupted "session_end status interrupted"
expect_eq "$(records)" 5 "an interrupted session is recorded"
expect_eq "$(field status)" interrupted "record status interrupted"
grep -q "^Stopped at step 2 of 3: " "$TMP/term.out" && pass || fail "summary: $(cat "$TMP/term.out")"
grep -qx "To carry on from there: backcare resume" "$TMP/term.out" && pass ||
  fail "resume hint: $(cat "$TMP/term.out")"

# --- a state folder that cannot be written: one warning, the same run and exit ---------------
XDG_STATE_HOME=/proc/1/no-such-folder run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain
expect_rc 0 "unwritable journal: exit 0"
expect_out "Completed: Small test routine" "unwritable journal: the session ran"
expect_eq "$(grep -c . <<<"$ERR")" 1 "unwritable journal: one line on stderr"
expect_err "backcare: warning: cannot record the session in /proc/1/no-such-folder/backcare/history.jsonl" \
  "unwritable journal: the warning"
if [ "$(id -u)" -eq 0 ] && command -v chattr >/dev/null; then
  mkdir -p "$TMP/ro/backcare"
  if chattr +i "$TMP/ro/backcare" 2>/dev/null; then
    XDG_STATE_HOME=$TMP/ro run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain
    chattr -i "$TMP/ro/backcare"
    expect_rc 0 "read-only journal folder: exit 0"
    expect_eq "$(grep -c 'warning' <<<"$ERR")" 1 "read-only journal folder: one warning"
  fi
fi
XDG_STATE_HOME=/proc/1/no-such-folder run "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 --plain --no-log
expect_eq "$ERR" "" "--no-log: no warning"

finish
