#!/usr/bin/env bash
# The safety-stop question in a real terminal at 80 and 40 columns (bash and dash): it wraps at
# word boundaries, an item kept whole ("4 abdominal doming", never "abdominal d" / "oming"), the
# urgent signs on lines of their own; an urgent answer gives the urgent advice (help now, no
# "stop for today"); an answer that completes a "see a physiotherapist" pattern says it then,
# and so does a pain answer (the journal is given an earlier record, days before today).
source "$SOURCE_DIR/tests/tty/lib.bash"
HISTORY="$TMP/.local/state/backcare/history.jsonl"
last() {
  python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1]).get(sys.argv[2]))' \
    "$HISTORY" "$1" 2>/dev/null
}
# checkin_days_ago DAYS JSON-MEMBERS: a check-in record DAYS days before today (UTC, as the pane).
checkin_days_ago() {
  mkdir -p "$(dirname "$HISTORY")"
  printf '{"v":1,"id":"%s","kind":"checkin","started":"%s",%s}\n' "earlier-$1" \
    "$(date -u -d "$1 days ago" +%Y-%m-%dT08:00:00+00:00)" "$2" >>"$HISTORY"
  chmod 600 "$HISTORY"
}
# expect_rows WHAT LINE...: each LINE is a whole row of the screen.
expect_rows() {
  local what=$1 row
  shift
  for row in "$@"; do
    wait_until 'grep -qxF -- "$row" <<<"$SCREEN"' 2 "$what: the row [$row]" && pass
  done
}

stop_and_ask() {  # COLS ROWS SHELL
  tty_start "$1" "$2" "$3" || return 1
  type_line 'r $B run small.json --lead-in 0'
  wait_for 'INHALE' 5 || return 1
  tm send-keys -t "$TARGET" -l '!'
  wait_for '\(Enter to skip\)$' 5 || return 1
}

at_80() {
  rm -f "$HISTORY"
  stop_and_ask 80 24 "$1" || return
  expect_rows "80 columns, $1" \
    "What made you stop? 1 pain · 2 leaking · 3 heaviness or a bulge ·" \
    "4 abdominal doming · 5 dizzy or faint · 6 other" \
    "Needs help now: 7 heavy bleeding · 8 chest pain or breathless ·" \
    "9 painful swollen calf · 0 bad headache or fever (Enter to skip)"
  keys 8
  expect_eq "$(exit_code)" 3 "80 columns, $1: exit 3"
  # Too long for the question's last row: the answer on a row of its own.
  expect_rows "80 columns, $1, 8" "chest pain or breathless" \
    "Get help now: this should not wait for a physiotherapist next week." \
    "Chest pain or sudden breathlessness: call 999 now." \
    "If you are not sure how urgent it is, call NHS 111."
  expect_no_screen 'Stop for today' "80 columns, $1, 8: no stop for today"
  expect_eq "$(last symptoms)" "['chest-pain']" "80 columns, $1: chest-pain recorded"
  expect_stty_same "80 columns, $1"
}

at_40() {
  rm -f "$HISTORY"
  checkin_days_ago 3 '"symptoms":["leaking"]'
  stop_and_ask 40 32 "$1" || return
  expect_rows "40 columns, $1" \
    "What made you stop? 1 pain ·" \
    "2 leaking · 3 heaviness or a bulge ·" \
    "4 abdominal doming · 5 dizzy or faint ·" \
    "6 other" \
    "Needs help now: 7 heavy bleeding ·" \
    "8 chest pain or breathless ·" \
    "9 painful swollen calf ·" \
    "0 bad headache or fever" \
    "(Enter to skip)"
  expect_no_screen 'abdominal d$' "40 columns, $1: no word cut"
  keys 2
  expect_eq "$(exit_code)" 3 "40 columns, $1: exit 3"
  expect_rows "40 columns, $1, 2" "(Enter to skip) leaking"
  # Leaking 3 days ago and now: the pattern, said after the answer that completes it.
  expect_rows "40 columns, $1, the advice wrapped" "Leaking is common after birth and" \
    "pelvic floor exercises often help, but"
  # Leaking 3 days ago and now: the pattern, said after the answer that completes it (the
  # rows joined with spaces, as it wraps to the window).
  SCREEN=$(screen | tr '\n' ' ')
  grep -qF "Worth acting on: leaking noted on 2 days within 14 ($(date -u -d '3 days ago' +%F), $(date -u +%F))." <<<"$SCREEN" &&
    pass || fail "40 columns, $1: the pattern said; screen: $SCREEN"
  expect_eq "$(last symptoms)" "['leaking']" "40 columns, $1: leaking recorded"
  expect_stty_same "40 columns, $1"
}

pain_pattern() {
  rm -f "$HISTORY"
  checkin_days_ago 7 '"pain":6'  # always in the week before this one (weeks from Monday)
  tty_start 100 24 bash || return
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now, 0–10\? \(Enter to skip\)' 10 || return
  keys 6 Enter
  expect_eq "$(exit_code)" 0 "pain 6: exit 0"
  expect_screen '^Worth acting on: weekly pain mean of 5 or more for 2 weeks running' \
    "pain 6 a second week: the pattern said"
  expect_no_screen '^Stop for today' "pain 6: no advice of its own"
  pane_clear
  type_line 'r $B run small.json --speed 100 --lead-in 0'
  wait_for 'Back pain now' 10 || return
  keys 6 Enter
  expect_eq "$(exit_code)" 0 "pain 6 again: exit 0"
  expect_no_screen 'Worth acting on' "pain 6 again: said once, not again"
}

for sh in bash dash; do
  at_80 "$sh"
  at_40 "$sh"
done
pain_pattern
finish
