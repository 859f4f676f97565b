#!/usr/bin/env bash
# `backcare checkin` records a check-in (and the advice when it calls for it), `resume` picks
# the right session to continue (faketime moves "now" to the next evening), and `config
# path|show|check|schema` report on the config file.
source "$SOURCE_DIR/tests/cli/lib.bash"
if ! command -v faketime >/dev/null; then
  printf 'FAIL: faketime is missing: scripts/setup.sh --test installs it\n' >&2
  exit 1
fi
export TZ=UTC XDG_STATE_HOME="$TMP/state"
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
WEEK="$SOURCE_DIR/tests/data/journal/week.jsonl"

# --- checkin ---------------------------------------------------------------------------------
# `faketime -f` without "@" stops the clock at that instant: the seconds are exact however slow
# the start (under ASan on a loaded machine the running clock had moved on to 08:30:01).
run faketime -f '2026-11-30 08:30:00' "$BACKCARE" checkin --pain 2 --note "fine"
expect_rc 0 "checkin --pain 2"
expect_eq "$OUT" "Recorded." "checkin: no advice for a low score"
last=$(tail -n 1 "$HISTORY")
expect_eq "$(jq -c 'del(.id)' <<<"$last")" \
  '{"v":1,"kind":"checkin","started":"2026-11-30T08:30:00+00:00","tz":"UTC","pain":2,"note":"fine"}' \
  "checkin: the record"
[[ "$(jq -r .id <<<"$last")" =~ ^20261130T083000-[0-9a-f]{8}$ ]] && pass || fail "checkin: the id"
run env TZ=Europe/Berlin faketime -f '2026-11-30 08:30:00' "$BACKCARE" checkin --pain 6 \
  --symptom heaviness --symptom leaking --symptom heaviness
expect_rc 0 "checkin with symptoms"
# The advice for each sign named, and no "stop for today": a check-in has no session to stop.
expect_eq "$OUT" "Recorded.

Leaking is common after birth and pelvic floor exercises often help, but it is
not something to put up with: if it goes on, ask your GP, midwife or health
visitor about a pelvic-floor physiotherapist.
Lying down often eases a heavy, dragging feeling. If it comes back, or you feel
a bulge in the vagina, see your GP: they can refer you to a pelvic-floor
physiotherapist." "checkin: the advice for each sign"
expect_eq "$(tail -n 1 "$HISTORY" | jq -c '[.started, .symptoms]')" \
  '["2026-11-30T08:30:00+01:00",["heaviness","leaking"]]' "checkin: local offset, symptoms once each"
run "$BACKCARE" checkin --symptom other
expect_eq "$OUT" "Recorded.

If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor." \
  "checkin --symptom other: any sign gets the advice"
run "$BACKCARE" checkin --pain 6
expect_eq "$OUT" "Recorded." "checkin --pain 6: no advice below 7"
lines=$(wc -l <"$HISTORY")
for bad in "" "--pain 11" "--pain 3.5" "--pain -1" "--pain 03" "--pain x" "--symptom leakng"; do
  # shellcheck disable=SC2086
  run "$BACKCARE" checkin $bad
  expect_rc 2 "checkin [$bad]"
done
run "$BACKCARE" checkin --symptom leakng
expect_err 'did you mean "leaking"?' "checkin: a suggestion for a typo"
run "$BACKCARE" checkin --note "$(printf 'x%.0s' $(seq 501))"
expect_rc 2 "checkin: a note over 500 characters"
expect_eq "$(wc -l <"$HISTORY")" "$lines" "checkin: nothing recorded on a usage error"
touch "$TMP/not-a-dir"
run env XDG_STATE_HOME="$TMP/not-a-dir" "$BACKCARE" checkin --pain 7
expect_rc 74 "checkin: the journal cannot be written"
expect_err "backcare: error: cannot record" "checkin: the write error"
expect_out "pelvic-floor" "checkin: the advice even so"
mkdir -p "$XDG_CONFIG_HOME/backcare"
echo '{"log": false}' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" checkin --pain 1
expect_rc 1 "checkin with the journal off"
expect_err "the journal is turned off" "checkin with the journal off: why"
rm "$XDG_CONFIG_HOME/backcare/config.json"

# --- resume ----------------------------------------------------------------------------------
cp "$WEEK" "$HISTORY"
# The week's interrupted session was resumed already (the next evening's record names it).
run faketime '2026-11-25 20:45:00' "$BACKCARE" resume --dry-run
expect_rc 1 "resume: already resumed"
expect_eq "$OUT" "Nothing to resume: no session was stopped early in the last 24 hours." \
  "resume: nothing to resume"
grep -v '"resumes"' "$WEEK" >"$HISTORY"
run faketime '2026-11-25 20:45:00' "$BACKCARE" resume --dry-run
expect_rc 0 "resume --dry-run the next evening"
expect_eq "$(head -n 1 <<<"$OUT")" \
  "Resuming the night-release session of 2026-11-24 21:00 from step 5 of 10." "resume: which"
expect_out "From step 5 of 10 (--from-step 5):" "resume: from the step where it stopped"
run faketime '2026-11-25 21:05:00' "$BACKCARE" resume --dry-run
expect_rc 1 "resume: more than 24 hours later"
# A more recent session quit in the morning wins.
echo '{"v":1,"id":"20261125T080000-0000aaaa","kind":"session","routine":"breathe","source":"built-in:breathe","started":"2026-11-25T08:00:00+00:00","ended":"2026-11-25T08:02:00+00:00","steps_done":1,"steps_total":3,"status":"quit"}' >>"$HISTORY"
run faketime '2026-11-25 20:45:00' "$BACKCARE" resume --dry-run
expect_eq "$(head -n 1 <<<"$OUT")" \
  "Resuming the breathe session of 2026-11-25 08:00 from step 2 of 3." "resume: the most recent"
# ...unless its routine is gone.
sed -i 's/"routine":"breathe","source":"built-in:breathe"/"routine":"gone","source":"\/nowhere\/gone.json"/' "$HISTORY"
run faketime '2026-11-25 20:45:00' "$BACKCARE" resume --dry-run
expect_eq "$(head -n 1 <<<"$OUT")" \
  "Resuming the night-release session of 2026-11-24 21:00 from step 5 of 10." \
  "resume: a session whose routine is gone is passed over"
# A safety stop is never resumed.
run faketime '2026-11-27 22:00:00' "$BACKCARE" resume --dry-run
expect_rc 1 "resume: not after a safety stop"

# --- config ----------------------------------------------------------------------------------
CONFIG="$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" config path
expect_eq "$OUT" "$CONFIG" "config path"
run "$BACKCARE" config check
expect_rc 0 "config check without a file"
expect_eq "$OUT" "$CONFIG: no such file; the defaults apply" "config check without a file: says so"
run "$BACKCARE" config show
expect_rc 0 "config show"
expect_eq "$(jq -c '[.day_starts_at, .log, .lead_in]' <<<"$OUT")" '["04:00",true,null]' \
  "config show: the defaults"
printf '{"bell": false, "day_starts_at": "05:30"}\n' >"$CONFIG"
run "$BACKCARE" config check
expect_eq "$OUT" "$CONFIG: ok" "config check: ok"
run "$BACKCARE" config show
expect_eq "$(jq -c '[.bell, .day_starts_at]' <<<"$OUT")" '[false,"05:30"]' "config show: the file's"
printf '{\n  "bell": false,\n  "colour": true,\n  "lead_in": 90\n}\n' >"$CONFIG"
run "$BACKCARE" config check
expect_rc 78 "config check: a bad file"
expect_eq "$ERR" "$CONFIG:3:3: unknown key \"colour\"; did you mean \"color\"?
$CONFIG:4:14: lead_in: must be a number of seconds from 0 to 60, not the number 90" \
  "config check: the located errors"
expect_eq "$OUT" "" "config check: nothing on stdout"
run "$BACKCARE" config show
expect_rc 78 "config show: a bad file"
run "$BACKCARE" config schema
expect_rc 0 "config schema"
expect_eq "$OUT" "$(cat "$SOURCE_DIR/routines/config.schema.json")" "config schema: the embedded one"
run "$BACKCARE" config nope
expect_rc 2 "config: an unknown action"

finish
