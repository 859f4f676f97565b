#!/usr/bin/env bash
# `checkin --symptom` with the signs added for the urgent tier (bleeding, chest-pain,
# swollen-calf, headache-or-fever): each gets its own advice, the urgent ones first and with no
# "stop for today"; and the "see a physiotherapist" pattern said by the check-in that completes
# it (a sign again within 14 days, a weekly pain mean of 5 or more two weeks running), once.
# history, stats and the report show the new names. faketime stops "now" at each instant.
source "$SOURCE_DIR/tests/cli/lib.bash"
if ! command -v faketime >/dev/null; then
  printf 'FAIL: faketime is missing: scripts/setup.sh --test installs it\n' >&2
  exit 1
fi
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
at() { run faketime -f "$1" "$BACKCARE" "${@:2}"; }

# --- the urgent tier ---------------------------------------------------------------------------
at '2026-11-02 08:00:00' checkin --symptom bleeding
expect_rc 0 "checkin --symptom bleeding"
expect_eq "$OUT" "Recorded.

Get help now: this should not wait for a physiotherapist next week.
Heavy bleeding (a pad soaked in an hour or less, or large clots): call 999 or
go to A&E now.
If you are not sure how urgent it is, call NHS 111." "bleeding: help now"
at '2026-11-02 09:00:00' checkin --symptom leaking --symptom chest-pain --pain 2
expect_eq "$OUT" "Recorded.

Get help now: this should not wait for a physiotherapist next week.
Chest pain or sudden breathlessness: call 999 now.
Leaking is common after birth and pelvic floor exercises often help, but it is
not something to put up with: if it goes on, ask your GP, midwife or health
visitor about a pelvic-floor physiotherapist.
If you are not sure how urgent it is, call NHS 111." "chest pain and leaking: the urgent first"
at '2026-11-02 10:00:00' checkin --symptom swollen-calf --symptom headache-or-fever
expect_out "can be a blood clot" "swollen-calf: its words"
expect_out "or a fever or shivering, needs" "headache-or-fever: its words"
expect_eq "$(tail -n 1 "$HISTORY" | jq -c .symptoms)" '["swollen-calf","headache-or-fever"]' \
  "the new names recorded as given"
run "$BACKCARE" checkin --symptom feverr
expect_rc 2 "an unknown sign"
expect_err 'unknown symptom "feverr"' "an unknown sign: said"
expect_err "(one of: pain, leaking, heaviness, doming, dizziness, other, bleeding, chest-pain, swollen-calf, headache-or-fever)" \
  "an unknown sign: every name listed"
run "$BACKCARE" checkin --symptom swollen-calfs
expect_err 'did you mean "swollen-calf"?' "a typo of a new name: a suggestion"

# --- the pattern, said at the moment it becomes true ------------------------------------------------
# The leaking of 2026-11-02 is 18 days before: no pattern yet.
at '2026-11-20 08:00:00' checkin --symptom leaking
expect_rc 0 "leaking on 2026-11-20"
expect_eq "$(grep -c 'Worth acting on' <<<"$OUT")" 0 "leaking 18 days apart: no pattern"
at '2026-12-02 08:00:00' checkin --symptom leaking
expect_eq "$OUT" "Recorded.

Leaking is common after birth and pelvic floor exercises often help, but it is
not something to put up with: if it goes on, ask your GP, midwife or health
visitor about a pelvic-floor physiotherapist.

Worth acting on: leaking noted on 2 days within 14 (2026-11-20, 2026-12-02).
This is a reason to see a pelvic-floor physiotherapist: your GP, midwife or
health visitor can refer you, and \`backcare report\` makes a page to take along." \
  "leaking again within 14 days: the pattern said"
at '2026-12-03 08:00:00' checkin --symptom leaking
expect_eq "$(grep -c 'Worth acting on' <<<"$OUT")" 0 "a third time: not said again"

# A weekly pain mean of 5 or more two weeks running (weeks from Monday): the week of 2026-11-30
# has no score yet; a 6 on 2026-12-08 makes the second week.
at '2026-12-04 08:00:00' checkin --pain 6
expect_eq "$(grep -c 'Worth acting on' <<<"$OUT")" 0 "one week of pain 6: nothing yet"
at '2026-12-08 08:00:00' checkin --pain 6
expect_out "Worth acting on: weekly pain mean of 5 or more for 2 weeks running (weeks of
2026-11-30 and 2026-12-07)." "pain two weeks running: the pattern said"
[[ "$OUT" != *"Stop for today"* && "$OUT" != *"Leaking"* ]] && pass ||
  fail "pain 6: no advice of its own, only the pattern; got [$OUT]"

# --- history, stats and the report show the new names ------------------------------------------
run faketime -f '2026-12-08 09:00:00' "$BACKCARE" history
expect_out "bleeding" "history: bleeding"
expect_line "          symptoms: leaking, chest-pain" "history: chest-pain with leaking"
expect_line "          symptoms: swollen-calf, headache-or-fever" "history: the two others"
run faketime -f '2026-12-08 09:00:00' "$BACKCARE" stats --weeks 6 --json
expect_eq "$(jq -c '.symptoms' <<<"$OUT")" \
  '{"bleeding":1,"chest-pain":1,"headache-or-fever":1,"leaking":4,"swollen-calf":1}' \
  "stats --json: the new names counted"
run faketime -f '2026-12-08 09:00:00' "$BACKCARE" stats --weeks 6
expect_out "bleeding 1, chest-pain 1" "stats: the new names"
run faketime -f '2026-12-08 09:00:00' "$BACKCARE" report --weeks 6 --out -
expect_out "headache-or-fever" "report: the new names"
finish
