#!/usr/bin/env bash
# The rooms inside src/core and the edges allowed between them (docs/ARCHITECTURE.md, "Rooms
# inside core"). Reads every #include "room/file.hpp" line under src/core and fails, with the
# file, line and the edge, for an include that names a room its own room may not use, a core
# header without its room, or a file lying loose in src/core.
#   core_rooms.sh [SRC_DIR]    (default: the source tree above this script)
set -u
src=${1:-${SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}}
core="$src/src/core"

# room: the rooms it may include (besides itself). Keep in step with docs/ARCHITECTURE.md.
declare -A allowed=(
  [base]=""
  [json]="base"
  [routine]="base json"
  [session]="base routine"
  [display]="base json routine session"
  [prompts]="base routine session"
  [config]="base json routine"
  [journal]="base json routine session"
  [progress]="base config journal routine session"
  [programme]="base json routine session config journal progress"
)

problems=0
report() { printf '%s\n' "$*"; problems=$((problems + 1)); }

for f in "$core"/*; do
  [ -f "$f" ] && report "${f#"$src"/}: a file loose in src/core (put it in a room)"
done
for dir in "$core"/*/; do
  room=$(basename "$dir")
  [ -n "${allowed[$room]+x}" ] || report "src/core/$room: a room this check does not know (add it with its edges)"
done

while IFS=: read -r file line text; do
  room=${file#"$core"/}
  room=${room%%/*}
  target=$(sed -n 's/^#include "\([^"]*\)".*/\1/p' <<<"$text")
  case "$target" in
    */*) to=${target%%/*} ;;
    *) report "${file#"$src"/}:$line: #include \"$target\" names no room (write \"room/$target\")"; continue ;;
  esac
  [ "$to" = "$room" ] && continue
  if [ -z "${allowed[$to]+x}" ]; then
    report "${file#"$src"/}:$line: #include \"$target\": no room \"$to\" in src/core"
    continue
  fi
  case " ${allowed[$room]:-} " in
    *" $to "*) ;;
    *) report "${file#"$src"/}:$line: #include \"$target\": $room/ may not use $to/ (allowed: ${allowed[$room]:-nothing})" ;;
  esac
done < <(grep -rn --include='*.hpp' --include='*.cpp' '^#include "' "$core")

if [ "$problems" -gt 0 ]; then
  echo "core_rooms: $problems include(s) break the rooms' edges" >&2
  exit 1
fi
echo "core_rooms: every include in src/core keeps to the rooms' edges"
