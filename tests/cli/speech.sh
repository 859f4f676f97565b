#!/usr/bin/env bash
# --speak with the real espeak-ng: every prompt becomes speech (written to WAV files here, as
# CI has no sound device) that sox measures as real, audible sound; without espeak-ng the
# session goes on with a warning.
source "$SOURCE_DIR/tests/cli/lib.bash"
SMALL="$SOURCE_DIR/tests/data/run/small.json"

for tool in espeak-ng sox soxi; do
  command -v "$tool" >/dev/null || { fail "$tool is missing (scripts/setup.sh --test installs it)"; finish; exit; }
done

mkdir -p "$TMP/wav"
OUT=$(BACKCARE_SPEECH_WAV_DIR="$TMP/wav" "$BACKCARE" run "$SMALL" --speak --plain --speed 4 \
  --lead-in 0 2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--speak run"
expect_eq "$ERR" "" "--speak: nothing on stderr"
[[ "$OUT" != *espeak* ]] && pass || fail "espeak-ng output reached stdout: $OUT"

# One utterance per moment with something to say: start+step 1+first inhale, exhale, inhale,
# exhale, step 2+left side, cue, switch, right side, cue, step 3, the end.
count=$(find "$TMP/wav" -name '*.wav' | wc -l)
expect_eq "$count" 11 "one WAV per prompt"
for wav in "$TMP/wav"/*.wav; do
  duration=$(soxi -D "$wav")
  rms=$(sox "$wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
  python3 -c "import sys; sys.exit(not (float(sys.argv[1]) > 0.3 and float(sys.argv[2]) > 0.005))" \
    "$duration" "$rms" && pass || fail "$(basename "$wav"): ${duration}s, RMS ${rms}: not speech"
done
# The first prompt names the routine and the step before the first breath: it is longer than
# the bare "Breathe in" of the second cycle.
first=$(soxi -D "$TMP/wav/001.wav")
third=$(soxi -D "$TMP/wav/003.wav")
python3 -c "import sys; sys.exit(not float(sys.argv[1]) > float(sys.argv[2]))" "$first" "$third" &&
  pass || fail "the first prompt (${first}s) should be longer than a bare inhale (${third}s)"

# No espeak-ng on the PATH: a warning, and the session still runs to the end.
mkdir -p "$TMP/empty-path"
OUT=$(PATH="$TMP/empty-path" "$BACKCARE" run "$SMALL" --speak --plain --speed 100 --lead-in 0 \
  2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--speak without espeak-ng"
expect_err "--speak needs espeak-ng" "--speak without espeak-ng: the warning"
expect_out "end: completed" "--speak without espeak-ng: the session ran"
finish
