#!/usr/bin/env bash
# The player without a terminal: plain output (one line per event), overrides, --from-step,
# --dry-run, routines from stdin, exit codes, a closed pipe, SIGTERM, and the schedule's timing.
# tests/data/run/small.json: 1 breath (4 s in, 6 s out, 2 cycles), 2 timed with sides
# (20 s, 5 s to switch), 3 rest (10 s); 1:15 in all.
source "$SOURCE_DIR/tests/cli/lib.bash"

SMALL="$SOURCE_DIR/tests/data/run/small.json"
NO_BREATH="$SOURCE_DIR/tests/data/run/no-breath.json"
SAFETY='General guidance, not medical advice: persistent or worsening pain, leaking, heaviness or abdominal doming is a reason to see a pelvic-floor physiotherapist.'

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- the whole plain output of a complete run -----------------------------------------------
expected_small=$(cat <<EOF
[00:00] Small test routine · 3 steps · 1:15
[00:00] step 1/3: Breathe — Breathe slowly.
[00:00] 1/3 Breathe · cycle 1/2 · INHALE 4s · In: ribs widen
[00:04] 1/3 Breathe · cycle 1/2 · EXHALE 6s · Out: core lifts
[00:10] 1/3 Breathe · cycle 2/2 · INHALE 4s · In: ribs widen
[00:14] 1/3 Breathe · cycle 2/2 · EXHALE 6s · Out: core lifts
[00:20] step 2/3: Twist — Let both knees fall to the side named.
[00:20] 2/3 Twist · side left · STRETCH 20s
[00:30] 2/3 Twist · cue: Breathe into the ribs
[00:40] 2/3 Twist · side right · SWITCH 5s · switch to the right side
[00:45] 2/3 Twist · side right · STRETCH 20s
[00:55] 2/3 Twist · cue: Breathe into the ribs
[01:05] step 3/3: Rest — Lie still.
[01:05] 3/3 Rest · REST 10s
[01:15] end: completed

Completed: Small test routine — 1:15 of 1:15
Preview at 100x speed: not counted as practice
$SAFETY
EOF
)
run "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0
expect_rc 0 "plain run"
expect_eq "$OUT" "$expected_small" "plain run: the whole output"
expect_eq "$ERR" "" "plain run: nothing on stderr"

# The default lead-in shows as a get-ready line before the first step.
run "$BACKCARE" run "$SMALL" --plain --speed 100
expect_rc 0 "plain run with a lead-in"
expect_eq "$(sed -n 2p <<<"$OUT")" "[00:00] get ready… 3s" "plain run: the lead-in line"
expect_eq "$(sed -n 3p <<<"$OUT")" "[00:00] step 1/3: Breathe — Breathe slowly." \
  "plain run: the first step after the lead-in"

# A pipe is not a terminal: plain lines, no escape sequence at all, even with a TERM that could.
OUT=$(TERM=xterm-256color "$BACKCARE" run "$SMALL" --speed 100 --lead-in 0 2>"$TMP/stderr" | cat)
if [[ "$OUT" == *$'\e'* ]]; then fail "piped: output contains an ESC byte"; else pass; fi
expect_eq "$OUT" "$expected_small" "piped: the same lines as --plain"

# --- overrides -------------------------------------------------------------------------------
expected_override=$(cat <<EOF
[00:00] Small test routine · 3 steps · 1:05
[00:00] step 1/3: Breathe — Breathe slowly.
[00:00] 1/3 Breathe · cycle 1/2 · INHALE 2s · In: ribs widen
[00:02] 1/3 Breathe · cycle 1/2 · EXHALE 3s · Out: core lifts
[00:05] 1/3 Breathe · cycle 2/2 · INHALE 2s · In: ribs widen
[00:07] 1/3 Breathe · cycle 2/2 · EXHALE 3s · Out: core lifts
[00:10] step 2/3: Twist — Let both knees fall to the side named.
[00:10] 2/3 Twist · side left · STRETCH 20s
[00:20] 2/3 Twist · cue: Breathe into the ribs
[00:30] 2/3 Twist · side right · SWITCH 5s · switch to the right side
[00:35] 2/3 Twist · side right · STRETCH 20s
[00:45] 2/3 Twist · cue: Breathe into the ribs
[00:55] step 3/3: Rest — Lie still.
[00:55] 3/3 Rest · REST 10s
[01:05] end: completed

Completed: Small test routine — 1:05 of 1:05
Preview at 100x speed: not counted as practice
$SAFETY
EOF
)
run "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0 --inhale 2 --exhale 3 --cycles 2
expect_rc 0 "overrides"
expect_eq "$OUT" "$expected_override" "overrides: --inhale 2 --exhale 3 --cycles 2"

# bad_value WHAT REASON ARGS...: exit 2, the reason on stderr, nothing run (stdout empty).
bad_value() {
  local what=$1 reason=$2
  shift 2
  run "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0 "$@"
  expect_rc 2 "$what"
  expect_err "$reason" "$what"
  expect_eq "$OUT" "" "$what: nothing runs"
}
bad_value "--inhale 0" "--inhale" --inhale 0
bad_value "--inhale 0 says why" "> 0" --inhale 0
bad_value "--inhale abc" '--inhale: expected seconds' --inhale abc
bad_value "--cycles 1.5" '--cycles: expected a whole number' --cycles 1.5
bad_value "--cycles 0" '--cycles: expected a whole number' --cycles 0
bad_value "--minutes 0" '--minutes: expected a number of minutes above 0' --minutes 0
bad_value "--speed 0" '--speed' --speed 0
bad_value "--speed 0 says why" '--speed: must be between 0.1 and 1000, got 0' --speed 0
bad_value "--speed 5000" '--speed' --speed 5000
bad_value "--speed 5000 says why" '--speed: must be between 0.1 and 1000, got 5000' --speed 5000
bad_value "--from-step 4" '--from-step 4: the routine has 3 steps' --from-step 4

run "$BACKCARE" run "$NO_BREATH" --plain --speed 100 --lead-in 0 --cycles 3
expect_rc 2 "--cycles without breath steps"
expect_err 'no breath steps' "--cycles without breath steps"
expect_eq "$OUT" "" "--cycles without breath steps: nothing runs"

# --- where the routine comes from ------------------------------------------------------------
OUT=$(cat "$SMALL" | "$BACKCARE" run - --plain --speed 100 --lead-in 0 2>"$TMP/stderr") \
  && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "routine from stdin"
expect_eq "$OUT" "$expected_small" "routine from stdin: the same run"

OUT=$(printf '{"format": 1,' | "$BACKCARE" run - --plain --speed 100 2>"$TMP/stderr") \
  && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 65 "invalid routine on stdin"
expect_err '<stdin>' "invalid routine on stdin: named in the error"
expect_eq "$OUT" "" "invalid routine on stdin: nothing runs"

run "$BACKCARE" run "$SOURCE_DIR/tests/data/run/does-not-exist.json" --plain --speed 100
expect_rc 66 "missing routine file"
expect_err 'does-not-exist.json' "missing routine file: named in the error"

# --- --dry-run and --from-step ---------------------------------------------------------------
start=$(now_ms)
run timeout 10 "$BACKCARE" run "$SMALL" --dry-run
elapsed=$(($(now_ms) - start))
expect_rc 0 "--dry-run"
expect_out 'Small test routine (small)' "--dry-run: the title"
expect_out '  2.    0:45  Twist' "--dry-run: the steps"
expect_out 'Total 1:15' "--dry-run: the total"
[ "$elapsed" -lt 2000 ] && pass || fail "--dry-run took ${elapsed} ms (it should not wait)"

# Stamps are active time: the session starts at 00:00 even when it starts at step 2.
expected_from=$(cat <<EOF
[00:00] Small test routine · 3 steps · 1:15
[00:00] step 2/3: Twist — Let both knees fall to the side named.
[00:00] 2/3 Twist · side left · STRETCH 20s
EOF
)
run "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0 --from-step 2
expect_rc 0 "--from-step 2"
expect_eq "$(head -3 <<<"$OUT")" "$expected_from" "--from-step 2: starts at step 2"
if grep -q ' 1/3 ' <<<"$OUT"; then fail "--from-step 2: step 1 ran: [$OUT]"; else pass; fi
expect_out '[00:55] end: completed' "--from-step 2: runs to the end"
expect_out 'Completed: Small test routine — 0:55 of 1:15' "--from-step 2: the summary counts what was done"

# --- a reader that goes away -----------------------------------------------------------------
# `| head -1`: the player notices the closed pipe, stops quietly (no error text) and does not
# hang. At --speed 1000 the whole routine lasts 0.3 s; at --speed 10 it would last 30 s, so
# only noticing the closed pipe ends it within the timeout.
timeout 10 "$BACKCARE" breathe --plain --speed 1000 2>"$TMP/stderr" | head -1 >"$TMP/first"
codes=("${PIPESTATUS[@]}")
first=$(cat "$TMP/first")
expect_eq "$first" "[00:00] 360° breathing · 1 step · 5:00" "| head -1: the first line"
expect_eq "$(cat "$TMP/stderr")" "" "| head -1: nothing on stderr"
[[ "${codes[0]}" == 0 || "${codes[0]}" == 141 ]] && pass \
  || fail "| head -1 at --speed 1000: exit ${codes[0]}, expected 141 (or 0 if it finished first)"

start=$(now_ms)
timeout 10 "$BACKCARE" breathe --plain --speed 10 2>"$TMP/stderr" | head -1 >"$TMP/first"
codes=("${PIPESTATUS[@]}")
elapsed=$(($(now_ms) - start))
expect_eq "$(cat "$TMP/first")" "[00:00] 360° breathing · 1 step · 5:00" \
  "| head -1 at --speed 10: the first line"
expect_eq "${codes[0]}" 141 "| head -1 at --speed 10: exit code for a closed output"
expect_eq "$(cat "$TMP/stderr")" "" "| head -1 at --speed 10: nothing on stderr"
[ "$elapsed" -lt 5000 ] && pass || fail "| head -1 at --speed 10: took ${elapsed} ms"

# --- SIGTERM during a plain run --------------------------------------------------------------
"$BACKCARE" run "$SMALL" --plain --speed 1 --lead-in 0 >"$TMP/term.out" 2>"$TMP/term.err" &
pid=$!
for _ in $(seq 200); do  # until the first breath has started (at most 10 s)
  grep -q 'INHALE' "$TMP/term.out" 2>/dev/null && break
  sleep 0.05
done
kill -TERM "$pid"
wait "$pid" && RC=0 || RC=$?
OUT=$(cat "$TMP/term.out")
ERR=$(cat "$TMP/term.err")
expect_rc 143 "SIGTERM"
expect_out '[00:00] end: interrupted' "SIGTERM: the end line"
expect_out 'Stopped at step' "SIGTERM: the summary"
expect_out "Stopped at step 1 of 3: Breathe — 0:00 of 1:15" "SIGTERM: the summary names step 1"
expect_out "$SAFETY" "SIGTERM: the safety note"

# --- timing: the schedule, not a benchmark ---------------------------------------------------
# night-release is 10:00; at --speed 60 it takes 10 s of wall time: never less, and not much
# more (the upper bound leaves room for start-up under sanitizers on a loaded machine; the exact
# figures are bench/compare.sh's).
start=$(now_ms)
run "$BACKCARE" night-release --speed 60 --plain --no-bell --lead-in 0
elapsed=$(($(now_ms) - start))
expect_rc 0 "night-release --speed 60"
expect_out 'Completed: Night-time back release — 10:00 of 10:00' "night-release: completed"
if [ "$elapsed" -ge 9700 ] && [ "$elapsed" -le 12000 ]; then
  pass
else
  fail "night-release --speed 60 took ${elapsed} ms, expected 10000 (9700 to 12000)"
fi

finish
