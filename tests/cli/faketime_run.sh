#!/usr/bin/env bash
# A real session at a faked date: under libfaketime (`faketime DATE backcare ...`) the clock the
# loop reads is faked while the kernel's timer runs on the real one. The loop's timer is armed
# relative to that clock, so the session runs at its pace, ends, exits and records the faked
# date. (An absolute arm on the faked clock left the loop waiting years after its last event.)
source "$SOURCE_DIR/tests/cli/lib.bash"
if ! command -v faketime >/dev/null; then
  printf 'FAIL: faketime is missing: scripts/setup.sh --test installs it\n' >&2
  exit 1
fi
export TZ=UTC
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"

# One minute of breathing at speed 20: 3 s of real time. `timeout` turns a hang into exit 124.
start=$(date +%s%N)
run timeout 30 faketime '2026-03-02 21:00:00' "$BACKCARE" breathe --plain --minutes 1 \
  --speed 20 --lead-in 0
took_ms=$((($(date +%s%N) - start) / 1000000))
expect_rc 0 "faketime: the session ends and exits 0"
expect_out "Completed: 360° breathing" "faketime: the summary"
[ "$took_ms" -lt 20000 ] && pass || fail "faketime: took ${took_ms} ms for 3 s of session"
expect_eq "$(jq -r '[.kind, .status, .active_ms] | join(" ")' "$HISTORY")" \
  "session completed 60000" "faketime: one completed record"
[[ "$(jq -r .id "$HISTORY")" =~ ^20260302T21000[0-9]-[0-9a-f]{8}$ ]] && pass ||
  fail "faketime: the id at the faked date: $(jq -r .id "$HISTORY")"
[[ "$(jq -r .started "$HISTORY")" =~ ^2026-03-02T21:00:0[0-9]\+00:00$ ]] && pass ||
  fail "faketime: started at the faked date: $(jq -r .started "$HISTORY")"
[[ "$(jq -r .ended "$HISTORY")" =~ ^2026-03-02T21:00:(0[3-9]|1[0-9])\+00:00$ ]] && pass ||
  fail "faketime: ended 3 s later on the faked clock: $(jq -r .ended "$HISTORY")"
finish
