#!/usr/bin/env bash
# --tones: each breath phase becomes a tone exactly as long as the phase, rising through an
# inhale and falling through an exhale, never at full scale; chimes at the step change and the
# end (written to WAV files here, as CI has no sound device, and measured by sox). A player
# that fails, or none at all, gives one warning and the session goes on.
source "$SOURCE_DIR/tests/cli/lib.bash"
ROUTINE="$SOURCE_DIR/tests/data/run/tones.json"

command -v sox >/dev/null || { fail "sox is missing (scripts/setup.sh --test installs it)"; finish; exit; }

mkdir -p "$TMP/wav"
OUT=$(BACKCARE_SOUND_WAV_DIR="$TMP/wav" "$BACKCARE" run "$ROUTINE" --tones --plain --speed 1 \
  --lead-in 0 2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--tones run"
expect_eq "$ERR" "" "--tones: nothing on stderr"
expect_out "end: completed" "--tones: the session ran to the end"

names=$(cd "$TMP/wav" && ls)
expect_eq "$(echo $names)" \
  "0001-inhale.wav 0002-hold.wav 0003-exhale.wav 0004-step.wav 0005-inhale.wav 0006-exhale.wav 0007-end.wav" \
  "one WAV per phase and chime, in order"

# stat FILE [trim...]: sox's figures for the file (or a part of it).
stat() { local file=$1; shift; sox "$file" -n "$@" stat 2>&1; }
figure() { awk -v name="$1" -F: '$1 ~ "^" name { gsub(/ /, "", $2); print $2 }'; }
# check EXPR A B...: python's verdict on a comparison of numbers.
check() { python3 -c "import sys; a = [float(x) for x in sys.argv[2:]]; sys.exit(not eval(sys.argv[1]))" "$@"; }

# phase FILE SECONDS DIRECTION: duration, peak, and the pitch of the first and last tenth.
phase() {
  local file="$TMP/wav/$1" seconds=$2 direction=$3
  local s length peak first last tenth
  s=$(stat "$file")
  length=$(figure 'Length \(seconds\)' <<<"$s")
  peak=$(figure 'Maximum amplitude' <<<"$s")
  tenth=$(python3 -c "print($seconds / 10)")
  first=$(stat "$file" trim 0 "=$tenth" | figure 'Rough +frequency')
  last=$(stat "$file" trim "=$(python3 -c "print($seconds - $seconds / 10)")" | figure 'Rough +frequency')
  printf '%s: %ss, max %s, first tenth %s Hz, last tenth %s Hz\n' "$1" "$length" "$peak" "$first" "$last"
  check 'abs(a[0] - a[1]) <= 0.010' "$length" "$seconds" && pass ||
    fail "$1: ${length}s, expected ${seconds}s"
  check 'a[0] < 1.0' "$peak" && pass || fail "$1: maximum amplitude $peak reaches full scale"
  case $direction in
    up) check 'a[0] < a[1]' "$first" "$last" && pass || fail "$1: $first Hz -> $last Hz does not rise" ;;
    down) check 'a[0] > a[1]' "$first" "$last" && pass || fail "$1: $first Hz -> $last Hz does not fall" ;;
  esac
}
phase 0001-inhale.wav 2 up
phase 0002-hold.wav 1 none
phase 0003-exhale.wav 2 down
phase 0005-inhale.wav 1 up
phase 0006-exhale.wav 1.5 down
for chime in 0004-step.wav 0007-end.wav; do
  s=$(stat "$TMP/wav/$chime")
  peak=$(figure 'Maximum amplitude' <<<"$s")
  rms=$(figure 'RMS +amplitude' <<<"$s")
  printf '%s: %ss, max %s, RMS %s\n' "$chime" "$(figure 'Length \(seconds\)' <<<"$s")" "$peak" "$rms"
  check 'a[0] < 1.0 and a[1] > 0.01' "$peak" "$rms" && pass || fail "$chime: max $peak, RMS $rms"
done

# The same run without --tones prints the same lines.
OUT_TONES=$(BACKCARE_SOUND_WAV_DIR="$TMP/wav" "$BACKCARE" run "$ROUTINE" --tones --plain \
  --speed 100 --lead-in 0 2>/dev/null)
OUT_PLAIN=$("$BACKCARE" run "$ROUTINE" --plain --speed 100 --lead-in 0 2>/dev/null)
expect_eq "$OUT_TONES" "$OUT_PLAIN" "--tones does not change the display"

# A player that fails (no sound device): one warning, then no more attempts, and the session
# still runs to the end.
mkdir -p "$TMP/fakebin"
printf '#!/bin/sh\necho "$1" >> "%s"\nexit 1\n' "$TMP/played" >"$TMP/fakebin/pw-play"
chmod +x "$TMP/fakebin/pw-play"
OUT=$(PATH="$TMP/fakebin:$PATH" "$BACKCARE" run "$ROUTINE" --tones --plain --speed 1 \
  --lead-in 0 2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--tones with a failing player"
expect_out "end: completed" "--tones with a failing player: the session ran"
expect_eq "$(grep -c 'warning: --tones: pw-play failed (exit status 1' "$TMP/stderr")" 1 \
  "--tones with a failing player: one warning"
expect_eq "$(wc -l <"$TMP/stderr")" 1 "--tones with a failing player: nothing else on stderr"
played=$(wc -l <"$TMP/played")
check 'a[0] <= 2' "$played" && pass || fail "the failing player was started $played times"

# No player at all: one warning before the session, which goes on.
mkdir -p "$TMP/empty-path"
OUT=$(PATH="$TMP/empty-path" "$BACKCARE" run "$ROUTINE" --tones --plain --speed 100 --lead-in 0 \
  2>"$TMP/stderr") && RC=0 || RC=$?
ERR=$(cat "$TMP/stderr")
expect_rc 0 "--tones without a player"
expect_eq "$ERR" \
  "backcare: warning: --tones needs an audio player (pw-play, paplay, aplay); going on without tones" \
  "--tones without a player: the warning, once"
expect_out "end: completed" "--tones without a player: the session ran"
finish
