#!/usr/bin/env python3
"""Writes a busy journal of twelve weeks (2026-09-07 .. 2026-12-01) to argv[1].

Evening night-release most days, morning breathing three days a week, hinge on Saturdays,
a pain answer after many sessions, a quit session resumed the next day, a preview, three safety
stops naming their step, and a check-in every Sunday and Wednesday with a note (some of the
500 characters `checkin --note` allows) and now and then a symptom. Used by
scripts/report-example.sh (docs/report-example.png) and tests/cli/report.sh (one printed page
on A4 and on Letter). The same seed gives the same file.
"""
import datetime
import json
import random
import sys

random.seed(7)
out = []


def rec(kind, day, hour, minute, **fields):
    t = datetime.datetime(day.year, day.month, day.day, hour, minute)
    r = {"v": 1, "id": t.strftime("%Y%m%dT%H%M%S") + "-%08x" % random.getrandbits(32),
         "kind": kind, "started": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "tz": "Europe/London"}
    r.update(fields)
    out.append(r)
    return r


def session(day, hour, routine, planned, active, status="completed", **more):
    return rec("session", day, hour, random.randint(0, 40), routine=routine,
               planned_ms=planned, active_ms=active, status=status, **more)


NOTES = [
    "Carried the car seat up the stairs twice; lower back tight afterwards.",
    "Slept four hours in a row for the first time. Stretches felt easier.",
    "Leaked a little when I sneezed while lifting the baby from the cot. "
    "Remembered to breathe out on the lift afterwards and it was better.",
    "Feeding in the armchair makes my upper back ache; tried a pillow under my elbow. " * 6,
    "Walked to the park with the pram, 40 minutes, no heaviness.",
]
first = datetime.date(2026, 9, 7)
for n in range(86):  # 2026-09-07 .. 2026-12-01
    day = first + datetime.timedelta(days=n)
    week = n // 7
    if random.random() < min(0.55 + week * 0.05, 0.9):
        pain = max(0, 5 - week // 2 + random.randint(-1, 1))
        session(day, 21, "night-release", 600000, random.choice([600000, 598000, 590000]),
                **({"pain": pain} if random.random() < 0.7 else {}))
    if day.weekday() in (0, 2, 4) and random.random() < 0.8:
        session(day, 7, "breathe", 300000, 300000)
    if day.weekday() == 5 and week >= 2:
        session(day, 10, "hinge", 480000, 480000, pain=max(0, 4 - week // 3))
    if day.weekday() in (2, 6):
        fields = {"pain": max(1, 5 - week // 2), "note": NOTES[n % len(NOTES)][:500]}
        if week in (1, 2) and day.weekday() == 6:
            fields["symptoms"] = ["leaking"]
        rec("checkin", day, 9, 0, **fields)
quit_day = datetime.date(2026, 11, 10)
q = session(quit_day, 21, "night-release", 600000, 240000, "quit")
session(quit_day + datetime.timedelta(days=1), 21, "night-release", 600000, 360000,
        resumes=q["id"])
session(datetime.date(2026, 11, 18), 20, "night-release", 600000, 600000, speed=30.0)
for day, step, title, sign in [(datetime.date(2026, 10, 1), 4, "Cat-cow", "pain"),
                               (datetime.date(2026, 11, 19), 6, "Knees to chest", "heaviness"),
                               (datetime.date(2026, 11, 25), 2, "Pelvic tilt <lying>",
                                "heaviness")]:
    session(day, 22, "night-release", 600000, 120000, "safety-stop", stop_step=step,
            stop_title=title, symptoms=[sign], pain=6)
out.sort(key=lambda r: r["started"])
with open(sys.argv[1], "w") as f:
    for r in out:
        f.write(json.dumps(r, separators=(",", ":")) + "\n")
