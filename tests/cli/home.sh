#!/usr/bin/env bash
# `backcare` alone: the routines, this week at a glance from the journal (the same counting as
# `stats`), and every main command, the ones that read the journal too, in 80 columns; a
# journal or config that cannot be read is a line on the screen, never a failure. The end of a
# recorded session says what was recorded and where the week stands.
source "$SOURCE_DIR/tests/cli/lib.bash"
if ! command -v faketime >/dev/null; then
  printf 'FAIL: faketime is missing: scripts/setup.sh --test installs it\n' >&2
  exit 1
fi
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
mkdir -p "$XDG_STATE_HOME/backcare"
night() {  # a completed night-release session starting at $1 (UTC), id suffix $2
  printf '{"v":1,"id":"%s-%s","kind":"session","routine":"night-release","started":"%s+00:00","planned_ms":600000,"active_ms":600000,"status":"completed"}\n' \
    "$(tr -d ':-' <<<"${1%:*}")00" "$2" "$1"
}
{
  night 2026-11-30T21:00:00 0000000a
  night 2026-12-01T21:00:00 0000000b
  night 2026-12-02T21:00:00 0000000c
} >"$HISTORY"
chmod 600 "$HISTORY"
home() { run faketime '2026-12-03 12:00:00' "$BACKCARE" "$@"; }

home
expect_rc 0 "backcare alone"
expect_out "This week (2026-11-30 to 2026-12-06)
  night-release 3 of 5 this week, 4 days left
  3 practices this week, 30 min" "this week at a glance, from the journal"
expect_out "  night-release  10:00  " "the routines"
for command in "NAME " "run " show list validate checkin history stats report resume config new; do
  expect_out "  backcare $command" "the home screen lists backcare $command"
done
widest=$(LC_ALL=C.UTF-8 wc -L <<<"$OUT")
((widest <= 80)) && pass || fail "the home screen: a line $widest columns wide (80 at most)"
expect_eq "$ERR" "" "the home screen: nothing on standard error"

# A journal that cannot be read, no place for one, a config with errors: exit 0 all the same.
mkdir -p "$TMP/fifo/backcare" && mkfifo "$TMP/fifo/backcare/history.jsonl"
run env XDG_STATE_HOME="$TMP/fifo" timeout 5 "$BACKCARE"
expect_rc 0 "backcare alone, the journal a FIFO"
expect_out "This week
  the journal could not be read: backcare history says why" "the FIFO: said under the week"
expect_out "  backcare history" "the FIFO: the commands anyway"
expect_out "night-release  10:00" "the FIFO: the routines anyway"
run env -u HOME -u XDG_STATE_HOME "$BACKCARE"
expect_rc 0 "backcare alone without HOME"
expect_out "there is no place for the journal" "without HOME: said"
mkdir -p "$XDG_CONFIG_HOME/backcare"
# A config file with errors is 78 for every command, this one too (it may name routine folders).
echo '{"goals": 5}' >"$XDG_CONFIG_HOME/backcare/config.json"
home
expect_rc 78 "backcare alone with a bad config file"
expect_err "config.json:1:11: goals: must be an object" "a bad config: the located error"
echo '{"goals": {"breathe": {"nights": 2}}}' >"$XDG_CONFIG_HOME/backcare/config.json"
home
expect_out "  breathe 0 of 2 this week, 4 days left" "the config's goals"
rm "$XDG_CONFIG_HOME/backcare/config.json"

# The end of a session. A tiny routine of 31 s, run on a clock going 10 times as fast (the
# loop's timer is armed relative to the clock it reads), so it takes 3 s but counts at speed 1.
cat >"$TMP/tiny.json" <<'JSON'
{"format": 1, "name": "night-release", "title": "Tiny",
 "steps": [{"kind": "timed", "title": "Hold", "duration": 31}]}
JSON
start=$(date +%s)
run timeout 60 faketime -f '@2026-12-03 21:00:00 x10' "$BACKCARE" run "$TMP/tiny.json" --plain \
  --lead-in 0
expect_rc 0 "the session runs"
id=$(jq -r 'select(.started | startswith("2026-12-03")) | .id' "$HISTORY")
expect_out "Completed: Tiny" "the summary"
expect_out "Recorded in your journal as ${id#*-} (backcare history).
night-release 4 of 5 this week, 3 days left" "the end of the session: the record and the week"
echo "took $(($(date +%s) - start)) s"
finish
