#!/usr/bin/env bash
# The readers' figures (docs/RELIABILITY.md): time and peak memory of `history` and
# `history --forget ID` on a journal with one 40,000-member line, `history` on a journal of
# 300,000 damaged lines, and `list` with a 0.76 MB config file of unknown keys.
#   bench/readers.sh [BINARY]        (default build/backcare)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "${1:-$here/build/backcare}")
gen="$here/tests/gen_readers.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state/backcare" "$work/config/backcare" "$work/empty"
export HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/empty"
history="$work/state/backcare/history.jsonl"

# measure NAME CMD...: one line "NAME: 0.12 s 9000 KB, stdout N lines, stderr N lines, N bytes"
measure() {
  local name=$1
  shift
  /usr/bin/time -f '%e s %M KB' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  printf '%s: %s, stdout %d lines, stderr %d lines, %d bytes\n' "$name" "$(tail -1 "$work/time")" \
    "$(wc -l <"$work/out")" "$(wc -l <"$work/err")" "$(wc -c <"$work/err")"
}

python3 "$gen" wide-journal "$history" 40000
measure "history, one 40,000-member line" "$binary" history
measure "history --forget, one 40,000-member line" \
  "$binary" history --forget 20261201T210000-0000wide
python3 "$gen" damaged-journal "$history" 300000
measure "history, 300,000 damaged lines" "$binary" history
python3 "$gen" config-keys "$work/config/backcare/config.json" 760000
XDG_CONFIG_HOME="$work/config" measure "list, a 0.76 MB config of unknown keys" "$binary" list
