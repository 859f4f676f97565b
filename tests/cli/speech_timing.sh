#!/usr/bin/env bash
# Speech lands on time: a short routine run at speed 1 with --tones --speak, the speech and the
# tones written to WAV files, the events to a file. tests/speech_timing.py checks that every
# phase word starts within 100 ms of its boundary and that no phrase runs into the next one.
source "$SOURCE_DIR/tests/cli/lib.bash"
ROUTINE="$SOURCE_DIR/tests/data/run/speech-timing.json"

for tool in espeak-ng sox python3; do
  command -v "$tool" >/dev/null || { fail "$tool is missing (scripts/setup.sh --test installs it)"; finish; exit; }
done

mkdir -p "$TMP/speech" "$TMP/sound"
BACKCARE_SPEECH_WAV_DIR="$TMP/speech" BACKCARE_SOUND_WAV_DIR="$TMP/sound" \
  run "$BACKCARE" run "$ROUTINE" --tones --speak --speed 1 --lead-in 3 --quiet \
  --events "$TMP/events.jsonl"
expect_rc 0 "the run"
expect_eq "$ERR" "" "nothing on stderr"

run python3 "$SOURCE_DIR/tests/speech_timing.py" "$TMP/events.jsonl" "$TMP/speech" 3 1
expect_rc 0 "on time: $OUT"
# Every breath and side has its word: in, out, left side, switch sides, right side.
words=$(awk -F'\t' '$2 == "phase"' "$TMP/speech/index.tsv" | wc -l)
expect_eq "$words" 5 "a phase word at each boundary"
# The titles come in the lead-in; the instruction after the first phase word, where it fits.
first=$(head -n 1 "$TMP/speech/index.tsv" | cut -f 2,4)
expect_eq "$first" $'title\tTiming. Breathe' "the lead-in says the titles"
count=$(awk -F'\t' '$2 == "count" { printf "%s ", $4 }' "$TMP/speech/index.tsv")
expect_eq "$count" "three two one " "the countdown before the switch"
grep -q $'\tphase\t.*\tBreathe in. Lie on your back.$' "$TMP/speech/index.tsv" && pass || fail "the instruction was not said"
[ "$(find "$TMP/sound" -name '*.wav' | wc -l)" -gt 0 ] && pass || fail "no tones were written"
finish
