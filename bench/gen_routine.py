#!/usr/bin/env python3
"""Writes a valid routine of a given size, for measuring how time and memory grow with it
(bench/startup.sh, tests/cli/memory.sh):

  gen_routine.py STEPS FILE      STEPS steps (1 to 1000) cycling through breath, timed with
                                 sides and cues, reps and rest; short strings
  gen_routine.py limits FILE     1000 steps at the limits of docs/routines.md: close to 1 MiB
                                 (strings of 500 characters), about 19,000 timed phases and cues,
                                 close to 24 hours
  gen_routine.py fast FILE       the limits routine with every time a tenth as long (1 h 5 min
                                 in all): a real run at --speed 1000 takes 3.9 s
  gen_routine.py long FILE       one breath step that lasts 24 hours (8,640 breaths of 10 s)

Each step stays within the limits: the file under 1 MiB, 1000 steps, at most 20,000 phases
and cues together, at most 24 hours.
"""
import json
import sys

MAX_FILE = 1024 * 1024


def text(label, i, width):
    """A string of exactly `width` characters (ASCII, so width == length)."""
    head = f"{label} {i}: "
    filler = "breathe wide into the lower ribs and let the pelvic floor soften. "
    body = (filler * (width // len(filler) + 1))
    return (head + body)[:width]


def step(i, width, cue_count, unit=1):
    """Step i, cycling through the kinds; strings of `width` characters (0: short ones); every
    time multiplied by `unit` (1: seconds, 0.1: tenths)."""
    w = width or 24

    def t(seconds):
        return seconds if unit == 1 else round(seconds * unit, 3)

    kind = i % 4
    if kind == 0:  # 4 cycles of 4 phases: 16 phases, 56 s
        return {"kind": "breath", "title": text("Breath", i, min(w, 60)), "text": text("Do", i, w),
                "pattern": {"inhale": t(4), "hold": t(2), "exhale": t(6), "hold_empty": t(2)}, "cycles": 4,
                "cues": {"inhale": text("In", i, w), "hold": text("Hold", i, w),
                         "exhale": text("Out", i, w), "hold_empty": text("Empty", i, w)}}
    if kind == 1:  # 2 sides and a switch, cue_count cues per side: 3 + 2 * cue_count
        return {"kind": "timed", "title": text("Timed", i, min(w, 60)), "text": text("Do", i, w),
                "duration": t(30), "sides": ["left", "right"], "switch": t(5),
                "cues": [{"at": t(c), "text": text("Cue", c, min(w, 40))} for c in range(cue_count)]}
    if kind == 2:  # one set of 5 reps of 3 phases: 15 phases, 15 s
        return {"kind": "reps", "title": text("Reps", i, min(w, 60)), "text": text("Do", i, w),
                "sets": 1, "reps": 5, "tempo": {"lower": t(1), "pause": t(1), "lift": t(1)}}
    return {"kind": "rest", "title": text("Rest", i, min(w, 60)), "text": text("Do", i, w),
            "duration": t(20)}


def routine(name, steps):
    return {"format": 1, "name": name, "title": f"Generated {name}",
            "description": "A generated routine for benchmarks and memory tests.",
            "steps": steps}


def dump(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def sized(count):
    return dump(routine(f"gen-{count}", [step(i, 0, 4) for i in range(count)]))


def limits(unit=1):
    # Phases and cues per 4 steps: 16 + (3 + 2 * 21) + 15 + 1 = 77, so 1000 steps make 19,250
    # (the limit is 20,000); strings as long as the 1 MiB allows (cue texts of 40 characters).
    cue_count = 21
    width = 500
    while True:
        name = "gen-limits" if unit == 1 else "gen-fast"
        out = dump(routine(name, [step(i, width, cue_count, unit) for i in range(1000)]))
        if len(out.encode()) <= MAX_FILE - 64:
            return out
        width -= 10


def long():
    return dump(routine("gen-long", [{"kind": "breath", "title": "Breathe", "text": "Breathe.",
                                      "pattern": {"inhale": 4, "exhale": 6}, "cycles": 8640}]))


if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    if what == "limits":
        out = limits()
    elif what == "fast":
        out = limits(0.1)
    elif what == "long":
        out = long()
    else:
        out = sized(int(what))
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
