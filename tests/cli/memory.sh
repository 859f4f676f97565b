#!/usr/bin/env bash
# Memory stays small: validating and showing a routine at the 1 MiB limits stays under the
# 16 MB goal of peak RSS (GNU time's %M; about 11 MB measured), a real run of that routine
# needs at most a few MB more than a run of a 10-step one, and validating a 24-hour routine
# (a 240-byte file that expands to 17,280 segments) costs about what --version does: the plan
# is counted, not built. No timing is checked: the
# figures are peak memory, which does not depend on the machine's load. Routines come from
# bench/gen_routine.py.
source "$SOURCE_DIR/tests/cli/lib.bash"
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is missing" >&2; exit 77; }
if grep -q -e __asan_init -e __tsan_init -e __msan_init "$BACKCARE" 2>/dev/null; then
  echo "a sanitizer build: its memory figures mean nothing here" >&2
  exit 77
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
GEN="$SOURCE_DIR/bench/gen_routine.py"
python3 "$GEN" 10 "$WORK/small.json"
python3 "$GEN" limits "$WORK/limits.json"
python3 "$GEN" fast "$WORK/fast.json"   # the limits routine, times a tenth as long: runs in 3.9 s
python3 "$GEN" long "$WORK/long.json"

# peak_kb CMD...: runs CMD (stdout to /dev/null), sets RC and PEAK (KB).
peak_kb() {
  /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" && RC=0 || RC=$?
  ERR=$(cat "$WORK/stderr")
  PEAK=$(tail -n 1 "$WORK/time")
}
bound() {  # bound NAME LIMIT_KB
  printf '%s: peak RSS %s KB\n' "$1" "$PEAK"
  [ "$PEAK" -le "$2" ] && pass || fail "$1: peak RSS $PEAK KB, more than $2 KB"
}

size=$(wc -c < "$WORK/limits.json")
[ "$size" -gt 1000000 ] && [ "$size" -le 1048576 ] && pass ||
  fail "the generated routine is $size bytes, not close to 1 MiB"

peak_kb "$BACKCARE" validate "$WORK/limits.json"
expect_rc 0 "validate at the limits"
bound "validate at the limits" 16384

peak_kb "$BACKCARE" show --json "$WORK/limits.json"
expect_rc 0 "show --json at the limits"
bound "show --json at the limits" 16384

peak_kb "$BACKCARE" --version
expect_rc 0 "--version"
version=$PEAK
peak_kb "$BACKCARE" validate "$WORK/long.json"
expect_rc 0 "validate a 24-hour routine"
printf 'validate a 24-hour routine: peak RSS %s KB (--version: %s KB)\n' "$PEAK" "$version"
# It was 2 MB more when validating built the plan; now it is within noise of --version.
[ $((PEAK - version)) -le 1024 ] && pass ||
  fail "validating a 24-hour routine needs $((PEAK - version)) KB more than --version"

peak_kb "$BACKCARE" run "$WORK/small.json" --speed 1000 --plain --no-bell --lead-in 0
expect_rc 0 "run a 10-step routine"
small=$PEAK
peak_kb "$BACKCARE" run "$WORK/fast.json" --speed 1000 --plain --no-bell --lead-in 0
expect_rc 0 "run at the limits"
bound "run at the limits" 16384
growth=$((PEAK - small))
# 1 MiB of routine text costs a run at most 8 MB more than 2.5 KB does (about 5.6 MB measured,
# at loading: the text, the JSON document and the Routine being built; it was 10 MB).
[ "$growth" -le 8192 ] && pass ||
  fail "a run at the limits needs $growth KB more than a 10-step run ($PEAK against $small KB)"

finish
