#!/usr/bin/env bash
# Follows a backcare session through its event stream and announces each step: a desktop
# notification when notify-send exists, otherwise a line appended to a log file ($NOTIFY_LOG,
# by default $XDG_STATE_HOME/backcare/notify.log), never to the terminal, where the live
# display is drawn. Needs jq.
#   docs/examples/notify-steps.sh night-release [more backcare options...]
set -euo pipefail
routine=${1:?usage: notify-steps.sh ROUTINE [backcare options...]}
shift
backcare=${BACKCARE:-backcare}
log=${NOTIFY_LOG:-${XDG_STATE_HOME:-$HOME/.local/state}/backcare/notify.log}
if ! command -v notify-send >/dev/null 2>&1; then
  mkdir -p "$(dirname "$log")"
  printf 'notify-steps: no notify-send; announcing to %s\n' "$log" >&2
fi

announce() {
  if command -v notify-send >/dev/null 2>&1; then
    notify-send "backcare" "$1"
  else
    printf 'notify: %s\n' "$1" >>"$log"
  fi
}

"$backcare" run "$routine" --events - "$@" |
  jq --unbuffered -r '
    if .event == "step_start" then "Step \(.step)/\(.steps): \(.title)"
    elif .event == "session_end" then "Session \(.status) after \(.active_ms / 1000 | floor) s"
    else empty end' |
  while IFS= read -r message; do
    announce "$message"
  done
