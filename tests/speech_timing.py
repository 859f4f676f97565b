#!/usr/bin/env python3
"""Usage: speech_timing.py EVENTS WAV_DIR LEAD_IN_S SPEED

Checks that speech lands on time (tests/cli/speech_timing.sh, and by hand for a whole
routine): every phase word starts within 100 ms of its phase's boundary and no phrase is still
going at the next boundary. Reads the JSON Lines events (mono_us), the speech WAV directory's
index.tsv (ms since the start, kind, file, text) and each WAV's length (sox --i -D).
Prints the figures; exits 1 when a check fails."""
import json
import os
import subprocess
import sys

events_file, wav_dir = sys.argv[1], sys.argv[2]
lead_in_ms, speed = float(sys.argv[3]) * 1000, float(sys.argv[4])
events = [json.loads(line) for line in open(events_file, encoding="utf-8") if line.strip()]
# Where each phase starts by the plan (a run without pauses or jumps): the lead-in, then its
# active time at the speed. The event itself (mono_us) may come a little later.
boundaries = [lead_in_ms / speed + e["t_ms"] / speed for e in events if e["event"] == "phase"]
delivered = [e["mono_us"] / 1000.0 - b for e, b in
             zip([e for e in events if e["event"] == "phase"], boundaries)]
phrases = []
for line in open(os.path.join(wav_dir, "index.tsv"), encoding="utf-8"):
    start, kind, name, text = line.rstrip("\n").split("\t", 3)
    length = float(subprocess.check_output(["sox", "--i", "-D", os.path.join(wav_dir, name)]))
    phrases.append((float(start), kind, name, text, length * 1000.0))

problems = []
lateness = []
for start, kind, name, text, length in phrases:
    if kind == "phase":
        nearest = min(boundaries, key=lambda b: abs(b - start))
        lateness.append(start - nearest)
        if abs(start - nearest) > 100:
            problems.append(f"{name} [{text}] starts {start - nearest:.0f} ms from its boundary")
    following = [b for b in boundaries if b > start + 1]
    if following and start + length > following[0]:
        problems.append(f"{name} [{text}] ({length:.0f} ms) runs {start + length - following[0]:.0f} "
                        f"ms into the next boundary")
words = sum(1 for p in phrases if p[1] == "phase")
print(f"phrases {len(phrases)}, phase words {words}, boundaries {len(boundaries)}, "
      f"max start lateness {max(lateness, default=0):.1f} ms (events at most "
      f"{max(delivered, default=0):.1f} ms after the plan), "
      f"overlaps {sum(1 for p in problems if 'runs' in p)}")
for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
