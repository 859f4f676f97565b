#!/usr/bin/env bash
# Start-up and size: how long backcare takes and how much memory it uses for short commands
# (--version, list, show night-release) and for routines of 10, 100 and 1,000 steps, one at
# the 1 MiB limits and one lasting 24 hours (bench/gen_routine.py): validate, show --json,
# run --dry-run and a real run at --speed 1000 in plain mode. Then the core micro-benchmark
# (build/bench/backcare_bench). Writes DIR/startup.txt and DIR/startup.json.
#   bench/startup.sh [-b BINARY] [-m MICRO_BENCH] [-r REPEATS] [--no-runs] [-o DIR]
# See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
backcare=build/backcare
micro=build/bench/backcare_bench
repeats=5
runs=1
out=${TMPDIR:-/tmp}/backcare-compare
while [ $# -gt 0 ]; do
  case $1 in
    -b) backcare=$2; shift 2 ;;
    -m) micro=$2; shift 2 ;;
    -r) repeats=$2; shift 2 ;;
    --no-runs) runs=0; shift ;;
    -o) out=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "startup.sh needs GNU time: apt-get install time" >&2; exit 1; }
backcare=$(realpath "$backcare")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An empty configuration, routine folder and journal: your own routines do not count and your
# history is not touched.
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export HOME="$work/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME" "$HOME"

for size in 10 100 1000 limits long; do
  python3 "$here/gen_routine.py" "$size" "$work/gen-$size.json"
done

# measure NAME REPEATS CMD...: one line "NAME wall user sys maxrss_kb bytes" per repeat.
measure() {
  local name=$1 times=$2 i
  shift 2
  for ((i = 0; i < times; i++)); do
    /usr/bin/time -f "$name %e %U %S %M" -o "$work/one.time" "$@" >/dev/null 2>&1 || true
    cat "$work/one.time" >> "$work/all.time"
  done
}

echo "startup.sh: start-up, sizes ($repeats repeats each)" >&2
measure "version" "$repeats" "$backcare" --version
measure "list" "$repeats" "$backcare" list
measure "show night-release" "$repeats" "$backcare" show night-release
for size in 10 100 1000 limits long; do
  f="$work/gen-$size.json"
  measure "validate gen-$size" "$repeats" "$backcare" validate "$f"
  measure "show --json gen-$size" "$repeats" "$backcare" show --json "$f"
  measure "dry-run gen-$size" "$repeats" "$backcare" run "$f" --dry-run
done
if [ "$runs" = 1 ]; then
  for size in 10 100 1000 limits long; do
    echo "startup.sh: a real run of gen-$size at --speed 1000" >&2
    measure "run x1000 gen-$size" 1 "$backcare" run "$work/gen-$size.json" --speed 1000 \
      --plain --no-bell --lead-in 0
  done
fi
if [ -x "$micro" ]; then
  echo "startup.sh: $micro" >&2
  "$micro" > "$work/micro.txt"
else
  echo "startup.sh: no $micro (cmake --build build --target backcare_bench)" >&2
  : > "$work/micro.txt"
fi

python3 - "$work" "$out" "$backcare" <<'PY'
import json, os, re, statistics, sys
work, out, binary = sys.argv[1:4]
sizes = {}
for size in ["10", "100", "1000", "limits", "long"]:
    path = f"{work}/gen-{size}.json"
    routine = json.load(open(path))
    sizes[f"gen-{size}"] = {"bytes": os.path.getsize(path), "steps": len(routine["steps"])}
samples = {}
for line in open(f"{work}/all.time"):
    *name, wall, user, sys_, rss = line.split()
    samples.setdefault(" ".join(name), []).append(
        (float(wall), float(user) + float(sys_), int(rss)))
rows = []
for name, values in samples.items():
    gen = name.split()[-1]
    row = {"case": name, "repeats": len(values),
           "wall_s_median": statistics.median(v[0] for v in values),
           "cpu_s_median": statistics.median(v[1] for v in values),
           "peak_rss_kb_max": max(v[2] for v in values),
           "peak_rss_kb_min": min(v[2] for v in values)}
    if gen in sizes:
        row.update({"routine_bytes": sizes[gen]["bytes"], "routine_steps": sizes[gen]["steps"]})
    rows.append(row)
micro = []
for line in open(f"{work}/micro.txt"):
    m = re.match(r"(\S+(?: \S+)?)\s{2,}([0-9.]+) (\S+) (.*)", line.rstrip())
    if m:
        micro.append({"name": m.group(1), "value": float(m.group(2)), "unit": m.group(3),
                      "detail": m.group(4)})
lines = [f"start-up and size: {binary} (median of repeats; RSS: max)",
         f"{'case':<26} {'bytes':>8} {'steps':>5} {'wall s':>7} {'CPU s':>6} {'RSS KB':>7}"]
for r in rows:
    lines.append(f"{r['case']:<26} {r.get('routine_bytes', '-'):>8} {r.get('routine_steps', '-'):>5} "
                 f"{r['wall_s_median']:>7.3f} {r['cpu_s_median']:>6.2f} {r['peak_rss_kb_max']:>7}")
lines.append("")
lines.append("core micro-benchmark (build/bench/backcare_bench)")
lines += [l.rstrip() for l in open(f"{work}/micro.txt")]
table = "\n".join(lines) + "\n"
print(table, end="")
open(os.path.join(out, "startup.txt"), "w").write(table)
json.dump({"binary": binary, "routines": sizes, "rows": rows, "micro": micro},
          open(os.path.join(out, "startup.json"), "w"), indent=1)
print(f"written: {out}/startup.txt, {out}/startup.json", file=sys.stderr)
PY
