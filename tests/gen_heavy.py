#!/usr/bin/env python3
"""Writes routine files that are each within the documented limits but costly to compose, for
measuring and testing the work limits (tests/cli/limits.sh):

  gen_heavy.py tree DIR W D [B]  top.json: D levels of W files, each including every file of
                                 the next level by path; the last level includes a missing file;
                                 with B, every file is padded to about B bytes with an unknown
                                 key holding an array of zeros (slow to read, and invalid)
  gen_heavy.py many DIR N B      N files of about B bytes each (valid routines, padded with
                                 long step texts)
  gen_heavy.py cues FILE N S R   one timed step with N cues on S sides, repeated R times
  gen_heavy.py longname DIR L K  a routine declaring a name of L characters, and top.json with
                                 K includes of routine names that do not exist
"""
import json
import os
import sys


def rest():
    return {"kind": "rest", "title": "Rest", "duration": 1}


def routine(name, steps):
    return {"format": 1, "name": name, "title": "T", "steps": steps}


def write(path, value, size=0):
    text = json.dumps(value, separators=(",", ":"))
    if size > len(text) + 16:
        zeros = (size - len(text) - 8) // 2
        text = text[:-1] + ',"x":[' + ",".join(["0"] * zeros) + "]}"
    with open(path, "w") as f:
        f.write(text)


def tree(folder, width, depth, size=0):
    os.makedirs(folder, exist_ok=True)
    for level in range(depth):
        for i in range(width):
            if level + 1 < depth:
                steps = [{"kind": "include", "routine": f"./l{level + 1}_{j}.json"}
                         for j in range(width)]
            else:
                steps = [{"kind": "include", "routine": "./missing.json"}]
            write(os.path.join(folder, f"l{level}_{i}.json"), routine(f"l{level}-{i}", steps),
                  size)
    write(os.path.join(folder, "top.json"),
          routine("top", [{"kind": "include", "routine": f"./l0_{j}.json"} for j in range(width)]),
          size)


def many(folder, count, size):
    os.makedirs(folder, exist_ok=True)
    text = "Breathe in wide through the ribs, out slowly. " * 10
    per_step = len(json.dumps({"kind": "rest", "title": "Rest", "text": text[:480],
                               "duration": 1}))
    steps = [{"kind": "rest", "title": "Rest", "text": text[:480], "duration": 1}
             for _ in range(min(1000, max(1, size // (per_step + 1))))]
    for i in range(count):
        write(os.path.join(folder, f"r{i:04d}.json"), routine(f"r{i:04d}", steps))


def cues(path, count, sides, times):
    step = {"kind": "timed", "title": "Hold", "duration": 60,
            "sides": [f"s{i}" for i in range(sides)],
            "cues": [{"at": 0, "text": "c"} for i in range(count)]}
    write(path, routine("cues", [{"kind": "repeat", "times": times, "steps": [step]}]))


def longname(folder, length, count):
    os.makedirs(folder, exist_ok=True)
    write(os.path.join(folder, "long.json"), routine("a" * length, [rest()]))
    write(os.path.join(folder, "top.json"),
          routine("top", [{"kind": "include", "routine": f"missing-{i}"} for i in range(count)]))


if __name__ == "__main__":
    mode, target, *numbers = sys.argv[1:]
    {"tree": tree, "cues": cues, "longname": longname, "many": many}[mode](target,
                                                                            *map(int, numbers))
