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

# One utterance per moment with something to say in time at 4 times the speed: the 1-s
# inhales and the 1.25-s switch are too short for any word (the tone says them), the 1.5-s
# exhales get "Out", the cues would run past the end of their side. Titles come after the
# phase word.
count=$(find "$TMP/wav" -name '*.wav' | wc -l)
expect_eq "$count" 6 "one WAV per prompt"
for wav in "$TMP/wav"/*.wav; do
  duration=$(soxi -D "$wav")
  rms=$(sox "$wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
  python3 -c "import sys; sys.exit(not (float(sys.argv[1]) > 0.3 and float(sys.argv[2]) > 0.005))" \
    "$duration" "$rms" && pass || fail "$(basename "$wav"): ${duration}s, RMS ${rms}: not speech"
done
said=$(cut -f 2- "$TMP/wav/index.tsv")
expect_eq "$said" $'phase\t001.wav\tOut\nphase\t002.wav\tOut\nphase\t003.wav\tleft side. Twist\nphase\t004.wav\tright side\ntitle\t005.wav\tRest. Lie still.\nstatus\t006.wav\tWell done. That is the end of the routine.' \
  "the index of what was said"

# No espeak-ng on the PATH: a warning, and the session still runs to the end.
mkdir -p "$TMP/empty-path"
OUT=$(PATH="$TMP/empty-path" "$BACKCARE" run "$SMALL" --speak --plain --speed 100 --lead-in 0 \
  2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--speak without espeak-ng"
expect_err "--speak needs espeak-ng" "--speak without espeak-ng: the warning"
expect_out "end: completed" "--speak without espeak-ng: the session ran"

# espeak-ng there but unable to speak (no sound device: it says "error" and still exits 0):
# one warning, and the session runs to the end.
mkdir -p "$TMP/mute"
printf '#!/bin/sh\necho "error: No such file or directory" >&2\nexit 0\n' >"$TMP/mute/espeak-ng"
chmod +x "$TMP/mute/espeak-ng"
OUT=$(PATH="$TMP/mute:$PATH" "$BACKCARE" run "$SMALL" --speak --plain --speed 10 --lead-in 0 \
  2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--speak that cannot play"
expect_err "espeak-ng cannot speak here" "--speak that cannot play: the warning"
expect_eq "$(grep -c 'cannot speak' "$TMP/stderr")" 1 "--speak that cannot play: warned once"
expect_out "end: completed" "--speak that cannot play: the session ran"

# A long phrase is cut off at once when the session is stopped (no waiting for its end).
mkdir -p "$TMP/slow"
printf '#!/bin/sh\nexec sleep 31.5\n' >"$TMP/slow/espeak-ng"
chmod +x "$TMP/slow/espeak-ng"
start=$(date +%s%N)
PATH="$TMP/slow:$PATH" "$BACKCARE" run "$SMALL" --speak --plain --lead-in 0 >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid" && RC=0 || RC=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_rc 143 "--speak stopped by SIGTERM"
[ "$elapsed_ms" -lt 2500 ] && pass || fail "--speak: stopping took ${elapsed_ms} ms"
pgrep -f "sleep 31.5" >/dev/null && fail "the speech process outlived the session" || pass

# The mode, voice, rate and volume: --speak=brief, --speak followed by another option, and
# strict values.
mkdir -p "$TMP/args"
printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s/args.log"\n' "$TMP" >"$TMP/args/espeak-ng"
chmod +x "$TMP/args/espeak-ng"
PATH="$TMP/args:$PATH" "$BACKCARE" run "$SMALL" --speak --voice en-gb+f3 --rate 140 --volume 50 \
  --plain --lead-in 0 >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid" || true
expect_eq "$(head -n 1 "$TMP/args.log")" "-s 140 -v en-gb+f3 -a 50 Breathe in. Breathe. Breathe slowly." \
  "espeak-ng is given -s, -v and -a"
run "$BACKCARE" run "$SMALL" --speak=brief --dry-run
expect_rc 0 "--speak=brief"
run "$BACKCARE" run --speak "$SMALL" --dry-run
expect_rc 0 "--speak then the routine"
run "$BACKCARE" run "$SMALL" --speak=loud --dry-run
expect_rc 2 "--speak=loud"
run "$BACKCARE" run "$SMALL" --voice 'EN;rm' --dry-run
expect_rc 2 "--voice with a bad character"
expect_err "expected a voice name" "--voice: why"
run "$BACKCARE" run "$SMALL" --rate 79 --dry-run
expect_rc 2 "--rate 79"
run "$BACKCARE" run "$SMALL" --volume 201 --dry-run
expect_rc 2 "--volume 201"
finish
