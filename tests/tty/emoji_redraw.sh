#!/usr/bin/env bash
# Emoji are two columns wide on the screen (✅ U+2705, 🚀 U+1F680). A frame that counted them
# as one column was wider than the window, the terminal wrapped its lines, and every redraw
# (cursor up by the frame's line count) left the top of the previous frame behind. At 40
# columns, a routine with emoji in its title, step title and cue redraws in place: each frame
# line is on the screen once and no line is wider than the window.
source "$SOURCE_DIR/tests/tty/lib.bash"

cat >"$TMP/emoji.json" <<'JSON'
{
  "format": 1,
  "name": "emoji",
  "title": "✅ Rocket back care 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀",
  "description": "Emoji in the title and the cues.",
  "steps": [
    {
      "kind": "breath",
      "title": "🚀 Breathe ✅✅✅✅✅✅✅",
      "text": "Breathe slowly ✅ and wide 🚀.",
      "pattern": { "inhale": 2, "exhale": 2 },
      "cycles": 3,
      "cues": { "inhale": "In ✅ ribs 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀", "exhale": "Out 🚀 core ✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅" }
    },
    { "kind": "rest", "title": "Rest ✅", "text": "Lie still.", "duration": 10 }
  ]
}
JSON

# count ERE: how many screen lines match.
count() { screen | grep -Ec -- "$1"; }

emoji_40() {
  tty_start 40 24 || return
  type_line 'r $B run emoji.json --lead-in 0'
  wait_for '▲ INHALE [0-9]' 5 || return
  pass
  wait_for '▼ EXHALE [0-9]' 5 || return
  pass
  # A second cycle: several redraws after the first frame.
  wait_for '^cycle 2/3' 5 || return
  pass
  wait_for '▼ EXHALE [0-9]' 5 || return
  pass
  expect_eq "$(count '^✅ Rocket back care')" 1 "emoji at 40 columns: the title once"
  expect_eq "$(count '^Step 1/2 · 🚀 Breathe')" 1 "emoji at 40 columns: the step line once"
  expect_eq "$(count '^cycle [0-9]/3')" 1 "emoji at 40 columns: the cycle line once"
  expect_eq "$(count '^space .*q quit · ! safety stop$')" 1 "emoji at 40 columns: the key help once"
  expect_eq "$(count '^(In|Out) ')" 1 "emoji at 40 columns: one cue line"
  # The frame starts on the line after the command: nothing stray in between.
  local first
  first=$(screen | grep -n -m1 -- '^✅ Rocket back care' | cut -d: -f1)
  expect_eq "$first" 2 "emoji at 40 columns: the frame directly under the command"
  # ${#l} counts characters; an emoji is one character but two columns, so measure columns
  # (Python's own Unicode tables, not backcare's).
  local width
  width=$(screen_joined | python3 -c '
import sys, unicodedata
def w(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(max(w(l.rstrip("\n")) for l in sys.stdin))')
  if [ "$width" -le 40 ]; then
    pass
  else
    fail "emoji at 40 columns: a line is $width columns wide"
    dump
  fi
  keys q
  expect_eq "$(exit_code)" 1 "emoji at 40 columns: q quits"
  expect_stty_same "emoji at 40 columns: q"
}

emoji_40
finish
