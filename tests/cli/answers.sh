#!/usr/bin/env bash
# Answer records (docs/journal.md): the pain or the sign given after a session is its own line
# naming the session in `answers`. Every reader joins it to its session: `history` (table,
# --json, --csv) shows it on the session's row, `stats` counts the pain and the sign on the
# session's day, an answer whose session is gone counts for nothing, and `forget` of the
# session removes its answers too. A session line with its own `pain` (older journals) reads
# as before.
source "$SOURCE_DIR/tests/cli/lib.bash"
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
mkdir -p "$(dirname "$HISTORY")"
S1=20261130T210512-3f9a1c2b
S2=20261201T210000-00000001
cat >"$HISTORY" <<JOURNAL
{"v":1,"id":"$S1","kind":"session","routine":"night-release","source":"built-in:night-release","started":"2026-11-30T21:05:12+00:00","ended":"2026-11-30T21:15:40+00:00","planned_ms":600000,"active_ms":598000,"steps_done":9,"steps_total":9,"status":"completed"}
{"v":1,"id":"20261130T211541-9c0d11f3","kind":"answer","started":"2026-11-30T21:15:41+00:00","pain":6,"answers":"$S1"}
{"v":1,"id":"$S2","kind":"session","routine":"breathe","source":"built-in:breathe","started":"2026-12-01T21:00:00+00:00","ended":"2026-12-01T21:00:20+00:00","active_ms":20000,"steps_done":0,"steps_total":1,"status":"safety-stop"}
{"v":1,"id":"20261201T210021-00000002","kind":"answer","started":"2026-12-01T21:00:21+00:00","symptoms":["doming"],"answers":"$S2"}
{"v":1,"id":"20261201T220000-00000003","kind":"answer","started":"2026-12-01T22:00:00+00:00","pain":9,"answers":"20261101T000000-00000000"}
{"v":1,"id":"20261129T200000-00000004","kind":"session","routine":"breathe","started":"2026-11-29T20:00:00+00:00","ended":"2026-11-29T20:05:00+00:00","active_ms":300000,"status":"completed","pain":2}
JOURNAL

run "$BACKCARE" history
expect_rc 0 "history"
expect_eq "$OUT" \
  "ID        When              Routine        Done        Status       Pain
00000004  2026-11-29 20:00  breathe        5:00        completed    2
3f9a1c2b  2026-11-30 21:05  night-release  9:58/10:00  completed    6
00000001  2026-12-01 21:00  breathe        0:20        safety-stop  -
          symptoms: doming" "history: each session with its pain or sign, no answer rows"

run "$BACKCARE" history --json
expect_eq "$(jq -c '[.[] | [.kind, .pain, .symptoms]]' <<<"$OUT")" \
  '[["session",2,null],["session",6,null],["session",null,["doming"]]]' \
  "history --json: the answers on their sessions"

run "$BACKCARE" history --csv
expect_eq "$(cut -d, -f1,16,17 <<<"$OUT" | tail -n 3)" \
  "20261129T200000-00000004,2,
$S1,6,
$S2,,doming" "history --csv: pain and symptoms columns"

run faketime -f '2026-12-02 10:00:00' "$BACKCARE" stats --json
expect_rc 0 "stats"
expect_eq "$(jq -c '[.weeks[-1].pain_mean, .weeks[-1].pain_count, .weeks[-2].pain_mean, .symptoms, .safety_stops]' <<<"$OUT")" \
  '[6,1,2,{"doming":1},1]' "stats: the answer's pain on the session's day, the orphan's not"
expect_eq "$(jq -c '[.events[] | [.date, .what, .routine]]' <<<"$OUT")" \
  '[["2026-12-01","safety stop","breathe"],["2026-12-01","doming","breathe"]]' \
  "stats: the sign of a safety stop as an event of its session"

run "$BACKCARE" history --forget "$S1"
expect_rc 0 "forget the answered session"
expect_eq "$(grep -c "$S1" "$HISTORY")" 0 "forget: the session and its answer are gone"
expect_eq "$(wc -l <"$HISTORY")" 4 "forget: every other line kept"
finish
