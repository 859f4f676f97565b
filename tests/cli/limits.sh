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

# A folder's worth: every command reads at most 4 MiB of routine files, 1,000 of them, and
# 4 MiB of includes in all. Before these caps a 3-wide, 6-deep tree of 1 MiB failing files
# took 41 s and 360 MB to validate and over a minute to list.
python3 "$GEN" tree "$WORK/wide" 3 6 380000
run timeout 20 "$BACKCARE" validate "$WORK/wide/top.json"
expect_rc 65 "wide tree: refused, not timed out"
expect_err "includes have read 4 MiB of routines already, the limit for one command" \
  "wide tree: the include budget"
run timeout 20 "$BACKCARE" --routines-dir "$WORK/wide" list
expect_rc 0 "wide tree as a folder: list"
expect_out "not read: the routine folders hold more than 4 MiB of routines, the limit for one command" \
  "wide tree as a folder: the files past the folder budget are listed as not read"
# `breathe` does not validate the folder's routines, only reads their names.
run timeout 20 "$BACKCARE" --routines-dir "$WORK/wide" breathe --dry-run
expect_rc 0 "wide tree as a folder: breathe --dry-run"
[ -z "$ERR" ] && pass || fail "wide tree as a folder: breathe said: $ERR"

# 1 MiB of `0,` is half a million values: refused while reading, not built.
python3 -c 'import sys; sys.stdout.write("[" + ",".join(["0"] * 500000) + "]")' >"$WORK/zeros.json"
run timeout 20 "$BACKCARE" validate "$WORK/zeros.json"
expect_rc 65 "half a million values: refused"
expect_err "more than 200000 JSON values (a routine needs far fewer)" "half a million values: the message"

# 40,000 unknown keys: 50 errors listed with their line:column, found quickly.
python3 - "$WORK/keys.json" <<'PY'
import json, sys
steps = [dict({"kind": "rest", "title": "R", "duration": 1}, **{f"k{k}": 0 for k in range(40)})
         for _ in range(1000)]
with open(sys.argv[1], "w") as f:
    json.dump({"format": 1, "name": "keys", "title": "T", "steps": steps}, f, indent=1)
PY
run timeout 20 "$BACKCARE" validate "$WORK/keys.json"
expect_rc 65 "40,000 unknown keys: refused, not timed out"
expect_err "keys.json:10:4: steps[0]: unknown key \"k0\"" "40,000 unknown keys: the first, with its place"
expect_err "and 39950 more errors" "40,000 unknown keys: capped"

# 1,100 small routine files: the first 1,000 are read, and a warning says how many were not.
mkdir -p "$WORK/many"
python3 - "$WORK/many" <<'PY'
import json, sys
for i in range(1100):
    with open(f"{sys.argv[1]}/r{i:04d}.json", "w") as f:
        json.dump({"format": 1, "name": f"r{i:04d}", "title": "T",
                   "steps": [{"kind": "rest", "title": "Rest", "duration": 1}]}, f)
PY
run timeout 20 "$BACKCARE" --routines-dir "$WORK/many" list --names
expect_rc 0 "1,100 files: list"
expect_err "100 routine files not read, past the limit of 1000 routine files for all folders together" \
  "1,100 files: the warning"
grep -q '^r0999$' <<<"$OUT" && ! grep -q '^r1000$' <<<"$OUT" && pass ||
  fail "1,100 files: expected r0000 to r0999 listed and r1000 not"

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
