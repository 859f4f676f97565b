#!/usr/bin/env bash
# `backcare history`: a crafted week of practice (tests/data/journal/week.jsonl, per
# docs/journal.md) shown as a table, JSON and CSV, exactly; the --since/--until/--routine
# filters by local day; a damaged line warned about once and everything else shown; --forget
# rewriting the file without one record and every other line byte for byte.
source "$SOURCE_DIR/tests/cli/lib.bash"
export TZ=UTC XDG_STATE_HOME="$TMP/state"
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
WEEK="$SOURCE_DIR/tests/data/journal/week.jsonl"
mkdir -p "$XDG_STATE_HOME/backcare"
cp "$WEEK" "$HISTORY"
chmod 600 "$HISTORY"  # a copy is 0644: backcare would tighten it with a warning
WARNING="backcare: warning: $HISTORY:4: skipped a damaged line (not JSON: column 62: unterminated string)"

# --- the table -------------------------------------------------------------------------------
run "$BACKCARE" history
expect_rc 0 "history"
expect_eq "$ERR" "$WARNING" "history: one warning for the damaged line"
expected=$(cat <<'TABLE'
ID        When              Routine        Done        Status              Pain
3f9a1c2b  2026-11-23 21:05  night-release  9:58/10:00  completed           2
          symptoms: heaviness; note: better than yesterday
5e0f3a8b  2026-11-24 21:00  night-release  4:10/10:00  interrupted         -
0b61d2e4  2026-11-25 08:30  -              -           check-in            4
          symptoms: pain, doming; note: after carrying the car seat, "heavy" one
77aa0c19  2026-11-25 20:55  night-release  5:50/10:00  completed           -
          continues 5e0f3a8b
1c2d3e4f  2026-11-26 00:40  breathe        4:00/5:00   completed-skipping  -
          note: =HYPERLINK("http://x")
9a8b7c6d  2026-11-27 21:00  hinge          2:52/8:00   safety-stop         6
          symptoms: leaking; note: stopped:\x1b]0;owned\x07 sharp
aa11bb22  2026-11-28 09:00  -              -           check-in            1
          symptoms: other; note: +1 good day
TABLE
)
expect_eq "$OUT" "$expected" "history: the table"
[[ "$OUT" != *$'\e'* && "$OUT" != *$'\a'* ]] && pass || fail "history: a raw control character"
widest=$(LC_ALL=C.UTF-8 wc -L <<<"$OUT")
((widest <= 80)) && pass || fail "history: a line $widest columns wide (80 at most)"

# The times are those recorded (with their offsets), whatever the reader's time zone.
run env TZ=America/New_York "$BACKCARE" history
expect_eq "$OUT" "$expected" "history: the same table in another time zone"

# --- JSON: every member, unknown ones too; no unknown kind, no damaged line ------------------
run "$BACKCARE" history --json
expect_rc 0 "history --json"
expect_eq "$ERR" "$WARNING" "history --json: the warning"
expected_json="[
$(grep -v -e '"rout$' -e measurement "$WEEK" | sed 's/^/  /; $!s/$/,/')
]"
expect_eq "$OUT" "$expected_json" "history --json: the records as written"
expect_eq "$(jq -r '.[-1].device.name' <<<"$OUT")" "phone" "history --json: an unknown member kept"
expect_eq "$(jq -r 'map(.kind) | unique | join(",")' <<<"$OUT")" "checkin,session" \
  "history --json: sessions and check-ins only"

# --- CSV: RFC 4180, CRLF, formulas neutralised, control characters escaped --------------------
"$BACKCARE" history --csv >"$TMP/out.csv" 2>/dev/null
expect_eq "$(grep -c $'\r$' "$TMP/out.csv")" "8" "history --csv: every line ends with CRLF"
expected_csv=$(cat <<'CSV'
id,kind,started,ended,tz,routine,title,source,planned_ms,active_ms,skipped_ms,steps_done,steps_total,steps_skipped,status,pain,symptoms,note,resumes
20261123T210512-3f9a1c2b,session,2026-11-23T21:05:12+00:00,2026-11-23T21:15:40+00:00,Europe/London,night-release,Night-time back release,built-in:night-release,600000,598000,0,10,10,0,completed,2,heaviness,better than yesterday,
20261124T210000-5e0f3a8b,session,2026-11-24T21:00:00+00:00,2026-11-24T21:04:30+00:00,Europe/London,night-release,Night-time back release,built-in:night-release,600000,250000,0,4,10,0,interrupted,,,,
20261125T083000-0b61d2e4,checkin,2026-11-25T08:30:00+00:00,,Europe/London,,,,,,,,,,,4,"pain;doming","after carrying the car seat, ""heavy"" one",
20261125T205500-77aa0c19,session,2026-11-25T20:55:00+00:00,2026-11-25T21:01:10+00:00,Europe/London,night-release,Night-time back release,built-in:night-release,600000,350000,,10,10,,completed,,,,20261124T210000-5e0f3a8b
20261126T004000-1c2d3e4f,session,2026-11-26T00:40:00+00:00,2026-11-26T00:44:00+00:00,Europe/London,breathe,Paced\x1b[2J breathing,built-in:breathe,300000,240000,60000,2,3,1,completed-skipping,,,"'=HYPERLINK(""http://x"")",
20261127T210000-9a8b7c6d,session,2026-11-27T21:00:00+01:00,2026-11-27T21:03:00+01:00,Europe/Berlin,hinge,Hip-hinge lifting,built-in:hinge,480000,172000,,2,6,,safety-stop,6,leaking,"stopped:\x1b]0;owned\x07 sharp",
20261128T090000-aa11bb22,checkin,2026-11-28T09:00:00+00:00,,,,,,,,,,,,,1,other,"'+1 good day",
CSV
)
expect_eq "$(tr -d '\r' <"$TMP/out.csv")" "$expected_csv" "history --csv: the rows"
if command -v python3 >/dev/null; then
  cells=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline=""))); print(len(r), {len(x) for x in r}, r[3][17])' "$TMP/out.csv")
  expect_eq "$cells" "8 {19} after carrying the car seat, \"heavy\" one" "history --csv: a CSV reader agrees"
fi

# --- filters ---------------------------------------------------------------------------------
ids() { grep -oE '^[0-9a-f]{8} ' <<<"$OUT" | tr -d '\n'; }
run "$BACKCARE" history --since 2026-11-25 --until 2026-11-25
expect_rc 0 "--since --until"
# 00:40 on the 26th counts for the evening of the 25th (day_starts_at 04:00).
expect_eq "$(ids)" "0b61d2e4 77aa0c19 1c2d3e4f " \
  "--since/--until: one local day"
run "$BACKCARE" history --since 2026-11-27
expect_eq "$(ids)" "9a8b7c6d aa11bb22 " "--since alone"
run "$BACKCARE" history --until 2026-11-23
expect_eq "$(ids)" "3f9a1c2b " "--until alone"
run "$BACKCARE" history --routine night-release --since 2026-11-24
expect_eq "$(ids)" "5e0f3a8b 77aa0c19 " "--routine with --since"
run "$BACKCARE" history --routine hinge --json
expect_eq "$(jq -r '.[].id' <<<"$OUT")" "20261127T210000-9a8b7c6d" "--routine --json"
run "$BACKCARE" history --routine nothing-like-it
expect_rc 0 "--routine with no match"
expect_eq "$OUT" "No sessions or check-ins to show." "--routine with no match: the message"
run "$BACKCARE" history --since 2026-12-01 --csv
expect_eq "$(tr -d '\r' <<<"$OUT")" \
  "id,kind,started,ended,tz,routine,title,source,planned_ms,active_ms,skipped_ms,steps_done,steps_total,steps_skipped,status,pain,symptoms,note,resumes" \
  "--csv with no match: the header alone"
run "$BACKCARE" history --since 2026-12-01 --json
expect_eq "$OUT" "[]" "--json with no match"

# day_starts_at from the config file: at 00:00 the 00:40 session is the 26th's.
mkdir -p "$XDG_CONFIG_HOME/backcare"
echo '{"day_starts_at": "00:00"}' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" history --since 2026-11-26 --until 2026-11-26
expect_eq "$(ids)" "1c2d3e4f " "day_starts_at 00:00"
echo '{"day_starts_at": "4am"}' >"$XDG_CONFIG_HOME/backcare/config.json"
run "$BACKCARE" history --since 2026-11-26
expect_rc 78 "a bad config file with a date filter"
expect_err "config.json:1:19: day_starts_at" "a bad config file: the located error"
rm "$XDG_CONFIG_HOME/backcare/config.json"

# Bad dates and combinations are usage errors.
for bad in 2026-13-01 2026-02-30 26-11-01 2026-1-5 yesterday "2026-11-25 " ""; do
  run "$BACKCARE" history --since "$bad"
  expect_rc 2 "--since [$bad]"
  expect_err "expected a date like 2026-11-30" "--since [$bad]: the message"
done
run "$BACKCARE" history --since 2026-11-26 --until 2026-11-25
expect_rc 2 "--since after --until"
expect_err "--since 2026-11-26 is after --until 2026-11-25" "--since after --until: the message"
run "$BACKCARE" history --json --csv
expect_rc 2 "--json with --csv"
run "$BACKCARE" history --forget 20261123T210512-3f9a1c2b --routine hinge
expect_rc 2 "--forget with a filter"
expect_eq "$(cmp "$WEEK" "$HISTORY" && echo same)" "same" "usage errors leave the history alone"

# --- no history yet --------------------------------------------------------------------------
run env XDG_STATE_HOME="$TMP/empty" "$BACKCARE" history
expect_rc 0 "history without a file"
expect_eq "$OUT" "No sessions or check-ins to show." "history without a file: the message"
mkdir -p "$TMP/fifo/backcare" && mkfifo "$TMP/fifo/backcare/history.jsonl"
run env XDG_STATE_HOME="$TMP/fifo" timeout 5 "$BACKCARE" history
expect_rc 66 "history that is a FIFO"
expect_err "cannot read the history" "history that is a FIFO: why"

# --- forget ----------------------------------------------------------------------------------
# The id as the table shows it is what --forget takes.
run "$BACKCARE" history
shown=$(awk '$2 == "2026-11-25" && $3 == "08:30" { print $1 }' <<<"$OUT")
expect_eq "$shown" "0b61d2e4" "history: the check-in's id as shown"
run "$BACKCARE" history --forget "$shown"
expect_rc 0 "--forget with the id as shown"
expect_eq "$OUT" "Forgot the check-in of 2026-11-25 08:30 (20261125T083000-0b61d2e4)." \
  "--forget: what it removed"
grep -v 20261125T083000-0b61d2e4 "$WEEK" >"$TMP/expected.jsonl"
cmp -s "$TMP/expected.jsonl" "$HISTORY" && pass ||
  fail "--forget: the other lines, the damaged one too, byte for byte"
expect_eq "$(stat -c %a "$HISTORY")" "600" "--forget: the new file is private"
expect_eq "$(ls -A "$XDG_STATE_HOME/backcare")" "history.jsonl" "--forget: no temporary file left"
run "$BACKCARE" history --json
expect_eq "$(jq -r 'map(.id) | index("20261125T083000-0b61d2e4")' <<<"$OUT")" "null" \
  "--forget: the record is gone"
run "$BACKCARE" history --forget 20261125T083000-0b61d2e4
expect_rc 2 "--forget of an id no longer there"
expect_err 'no record "20261125T083000-0b61d2e4" in the history' "--forget unknown: the message"
run "$BACKCARE" history --forget 20261124T210000-5e0f3a8c
expect_rc 2 "--forget with a typo"
expect_err 'did you mean "20261124T210000-5e0f3a8b"?' "--forget with a typo: a suggestion"
cmp -s "$TMP/expected.jsonl" "$HISTORY" && pass || fail "--forget unknown: the file is unchanged"
# A forget record appended by another tool hides its record; --forget of that id removes both.
echo '{"v":1,"id":"x-1","kind":"forget","forgets":"20261128T090000-aa11bb22"}' >>"$HISTORY"
run "$BACKCARE" history --json
expect_eq "$(jq -r 'map(.id) | index("20261128T090000-aa11bb22")' <<<"$OUT")" "null" \
  "a forget record hides its record"
expect_eq "$(jq length <<<"$OUT")" "5" "a forget record: the others stay"
# A shown id that two records share names neither: the whole id is asked for.
printf '%s\n' \
  '{"v":1,"id":"20261201T090000-cafe0001","kind":"checkin","started":"2026-12-01T09:00:00+00:00","pain":1}' \
  '{"v":1,"id":"20261202T090000-cafe0001","kind":"checkin","started":"2026-12-02T09:00:00+00:00","pain":2}' \
  >>"$HISTORY"
cp "$HISTORY" "$TMP/before.jsonl"
run "$BACKCARE" history --forget cafe0001
expect_rc 2 "--forget with a shown id two records share"
expect_err '"cafe0001" names 2 records (20261201T090000-cafe0001, 20261202T090000-cafe0001); give the full id' \
  "--forget with a shared shown id: the message"
cmp -s "$TMP/before.jsonl" "$HISTORY" && pass || fail "--forget with a shared shown id: nothing deleted"
run "$BACKCARE" history --forget 20261202T090000-cafe0001
expect_rc 0 "--forget with the whole id of one of them"

finish
