#!/usr/bin/env python3
"""Writes inputs that are large but within every limit, for the readers' linear-time checks
(tests/cli/readers.sh) and their before/after figures (docs/RELIABILITY.md):

  gen_readers.py wide-journal FILE MEMBERS   a journal of three sessions, the middle one with
                                             MEMBERS unknown members ("x0": 0, "x1": 1, ...);
                                             its id is 20261201T210000-0000wide
  gen_readers.py damaged-journal FILE LINES  a journal of one session, then LINES damaged lines
                                             (each "x"), then one more session
  gen_readers.py config-keys FILE BYTES      a config file of unknown keys, about BYTES long
"""
import json
import sys


def session(record_id, date):
    return {
        "v": 1,
        "id": record_id,
        "kind": "session",
        "routine": "breathe",
        "source": "built-in:breathe",
        "started": f"{date}T21:00:00+00:00",
        "ended": f"{date}T21:05:00+00:00",
        "steps_done": 3,
        "steps_total": 3,
        "status": "completed",
    }


def line(record):
    return json.dumps(record, separators=(",", ":")) + "\n"


def wide_journal(path, members):
    wide = session("20261201T210000-0000wide", "2026-12-01")
    for i in range(members):
        wide[f"x{i}"] = i
    with open(path, "w") as out:
        out.write(line(session("20261130T210000-00000001", "2026-11-30")))
        out.write(line(wide))
        out.write(line(session("20261202T210000-00000003", "2026-12-02")))


def damaged_journal(path, lines):
    with open(path, "w") as out:
        out.write(line(session("20261201T210000-00000001", "2026-12-01")))
        out.write("x\n" * lines)
        out.write(line(session("20261202T210000-00000002", "2026-12-02")))


def config_keys(path, size):
    parts = []
    written = 2
    i = 0
    while written < size:
        part = f'"k{i}":{i % 10}'
        parts.append(part)
        written += len(part) + 2
        i += 1
    with open(path, "w") as out:
        out.write("{" + ",\n".join(parts) + "}\n")


def main(argv):
    kind, path, count = argv[1], argv[2], int(argv[3])
    {"wide-journal": wide_journal, "damaged-journal": damaged_journal,
     "config-keys": config_keys}[kind](path, count)


if __name__ == "__main__":
    main(sys.argv)
