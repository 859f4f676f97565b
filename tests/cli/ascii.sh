#!/usr/bin/env bash
# A locale whose codeset is not UTF-8 (LANG=C, LC_ALL=C): every byte a person reads is ASCII
# (show, --dry-run, a plain run and its summary); in a UTF-8 locale the same commands keep
# their UTF-8 characters, so the check below can fail.
source "$SOURCE_DIR/tests/cli/lib.bash"
SMALL="$SOURCE_DIR/tests/data/run/small.json"

# non_ascii: how many bytes of $OUT are 0x80 or above.
non_ascii() { printf '%s' "$OUT" | LC_ALL=C tr -d '\000-\177' | wc -c; }

utf8=""
for loc in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
  if locale -a 2>/dev/null | grep -qx "$loc"; then
    utf8=$loc
    break
  fi
done

for locale_vars in "LC_ALL=C" "LANG=C LC_ALL=" "LC_ALL=POSIX"; do
  # shellcheck disable=SC2086  # the variables are meant to split
  run env -u LANG -u LC_CTYPE $locale_vars "$BACKCARE" show breathe
  expect_rc 0 "$locale_vars show breathe"
  expect_eq "$(non_ascii)" 0 "$locale_vars show breathe: ASCII only"
  expect_out "360deg breathing" "$locale_vars show breathe: ° as deg"

  # shellcheck disable=SC2086
  run env -u LANG -u LC_CTYPE $locale_vars "$BACKCARE" breathe --dry-run
  expect_rc 0 "$locale_vars breathe --dry-run"
  expect_eq "$(non_ascii)" 0 "$locale_vars breathe --dry-run: ASCII only"

  # shellcheck disable=SC2086
  run env -u LANG -u LC_CTYPE $locale_vars "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0
  expect_rc 0 "$locale_vars plain run"
  expect_eq "$(non_ascii)" 0 "$locale_vars plain run: ASCII only"
  expect_out "[00:00] 1/3 Breathe - cycle 1/2 - INHALE 4s - In: ribs widen" \
    "$locale_vars plain run: · as -"
  expect_out "Completed: Small test routine - 1:15 of 1:15" "$locale_vars plain run: — as -"
done

if [ -n "$utf8" ]; then
  run env -u LANG -u LC_CTYPE LC_ALL="$utf8" "$BACKCARE" show breathe
  expect_out "360° breathing" "$utf8: show keeps UTF-8"
  [ "$(non_ascii)" -gt 0 ] && pass || fail "$utf8: show has UTF-8 bytes"
  run env -u LANG -u LC_CTYPE LC_ALL="$utf8" "$BACKCARE" run "$SMALL" --plain --speed 100 --lead-in 0
  expect_out "[00:00] 1/3 Breathe · cycle 1/2 · INHALE 4s · In: ribs widen" "$utf8: plain run keeps ·"
else
  fail "no UTF-8 locale installed (C.UTF-8 is part of libc)"
fi
finish
