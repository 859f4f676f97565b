#!/usr/bin/env bash
# Sound that fails during a live session (espeak-ng present but no audio device, an audio player
# that exits with an error) never writes over the frame: the frame says so on one of its own
# lines, the keys line stays whole, and the warning is printed under the summary at the end.
# In bash and in dash.
source "$SOURCE_DIR/tests/tty/lib.bash"

mkdir -p "$TMP/mute"
# espeak-ng with no sound device: it says "error" on stderr and still exits 0.
printf '#!/bin/sh\necho "error: No such file or directory" >&2\nexit 0\n' >"$TMP/mute/espeak-ng"
# An audio player that fails (no sound device), a moment after it starts: once the frame shows.
printf '#!/bin/sh\nsleep 0.5\necho "pw-play: cannot connect" >&2\nexit 1\n' >"$TMP/mute/pw-play"
chmod +x "$TMP/mute/espeak-ng" "$TMP/mute/pw-play"
KEYS='^space pause · n next · b back · q quit · ! safety stop$'

# fails SHELL OPTION BRIEF WARNING
fails() {
  tty_start 80 24 "$1" || return
  type_line "r env PATH=\"\$D/mute:\$PATH\" \$B breathe --lead-in 0 $2"
  wait_for '^▲ INHALE [0-9]' 5 || return
  wait_for "^$3\$" 8 || return
  expect_no_screen 'warning' "$1 $2: no warning inside the frame"
  expect_screen "$KEYS" "$1 $2: the keys line is whole"
  # A second later the frame is still whole (the countdown has been redrawn).
  sleep 1.2
  expect_no_screen 'warning' "$1 $2: still no warning inside the frame"
  expect_screen "$KEYS" "$1 $2: the keys line is still whole"
  keys q
  expect_eq "$(exit_code)" 1 "$1 $2: q quits"
  expect_screen "^Stopped at step 1 of 1" "$1 $2: the summary"
  expect_screen "^$4" "$1 $2: the warning under the summary"
  expect_stty_same "$1 $2"
}

for shell in bash dash; do
  fails "$shell" --speak 'speech off: espeak-ng cannot speak here' \
    'backcare: warning: --speak: espeak-ng cannot speak here'
  fails "$shell" --tones 'tones off: no working audio player' \
    'backcare: warning: --tones: pw-play failed'
done
finish
