#!/usr/bin/env bash
# Work limits: routine files each within the documented limits, but costly to compose (an
# include tree of failing leaves, many timed cues repeated, a huge declared name), are refused
# quickly, and a file on /proc is refused without reading it. Files come from tests/gen_heavy.py.
source "$SOURCE_DIR/tests/cli/lib.bash"
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
GEN="$SOURCE_DIR/tests/gen_heavy.py"

# 3 wide, 12 deep: 3^12 leaves, every one failing. Took ~15 s and 2.2 GB before the cap.
python3 "$GEN" tree "$WORK/tree" 3 12
run timeout 20 "$BACKCARE" validate "$WORK/tree/top.json"
expect_rc 65 "include tree: refused, not timed out"
expect_err "more than 200 includes to read for one routine" "include tree: the include cap"
expect_err "more errors" "include tree: error lines capped"
lines=$(printf '%s\n' "$ERR" | wc -l)
[ "$lines" -le 52 ] && pass || fail "include tree: $lines error lines, expected at most 52 (the cap, 50, and N more)"

# The same folder as user routines: `list` loads them all.
run timeout 20 "$BACKCARE" --routines-dir "$WORK/tree" list
[ "$RC" -ne 124 ] && pass || fail "include tree: list timed out"

# 49,000 cues on 8 sides, repeated 100 times: passed after 14 s at 3.4 GB before.
python3 "$GEN" cues "$WORK/cues.json" 49000 8 100
run timeout 20 "$BACKCARE" validate "$WORK/cues.json"
expect_rc 65 "many cues: refused"
expect_err "steps[0].steps[0].cues: 49000 cues on each of 8 sides is more than the limit of 20000 timed cues" \
  "many cues: refused before reading them"

# A declared name of 1,000,000 characters and 100 includes of names that do not exist.
python3 "$GEN" longname "$WORK/long" 1000000 100
run timeout 20 "$BACKCARE" --routines-dir "$WORK/long" validate "$WORK/long/top.json"
expect_rc 65 "long name: refused, not timed out"
expect_err 'steps[0].routine: no routine named "missing-0"' "long name: the include error"

# `list` pads names to at most the name limit: the long invalid name does not widen every line.
run timeout 20 "$BACKCARE" --routines-dir "$WORK/long" list
longest_other=$(grep -v 'INVALID' <<<"$OUT" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
[ "$longest_other" -le 120 ] && pass ||
  fail "list: valid lines are $longest_other characters wide, padded to the huge invalid name"

# /proc files look regular but are the kernel's; some block on read.
run timeout 20 "$BACKCARE" validate /proc/self/status
expect_rc 66 "/proc: refused"
expect_eq "$ERR" "/proc/self/status: is on the /proc pseudo file system; a routine must be a regular file" \
  "/proc: the message"
if [ -e /sys/kernel/mm/transparent_hugepage/enabled ]; then
  run timeout 20 "$BACKCARE" validate /sys/kernel/mm/transparent_hugepage/enabled
  expect_rc 66 "/sys: refused"
  expect_err "is on the /sys pseudo file system" "/sys: the message"
fi
finish
