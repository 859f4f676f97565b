#!/usr/bin/env bash
# Side by side: `sleep N` against backcare waiting N seconds, in plain mode and in a real
# terminal (tmux), for a one-step timed routine and a breathing routine of N seconds. Prints
# wall, CPU seconds, CPU % of wall and peak RSS (getrusage of the child), and for backcare how late each
# boundary came (from the event stream's mono_us), then writes the table and a JSON file.
# Then bench/startup.sh (start-up, time and memory by routine size, the core micro-benchmark),
# whose tables and JSON are added to compare.txt and compare.json.
#   bench/compare.sh [-b BINARY] [-n SECONDS]... [--long] [--serial] [--no-startup] [-o DIR]
# See bench/README.md.
set -euo pipefail
backcare=build/backcare
durations=()
serial=0
startup=1
out=${TMPDIR:-/tmp}/backcare-compare
while [ $# -gt 0 ]; do
  case $1 in
    -b) backcare=$2; shift 2 ;;
    -n) durations+=("$2"); shift 2 ;;
    --long) durations+=(60 600); shift ;;
    --serial) serial=1; shift ;;
    --no-startup) startup=0; shift ;;
    -o) out=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#durations[@]} -gt 0 ] || durations=(60)
[ -x /usr/bin/time ] || { echo "compare.sh needs GNU time: apt-get install time" >&2; exit 1; }
command -v tmux >/dev/null || { echo "compare.sh needs tmux" >&2; exit 1; }
backcare=$(realpath "$backcare")
mkdir -p "$out"
work=$(mktemp -d)
sock="$work/tmux.sock"
trap 'tmux -S "$sock" kill-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
# An empty configuration and journal of its own: your settings and history neither count nor
# change (and no check-in question after the session keeps the tmux cases waiting).
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export HOME="$work/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME" "$HOME"
# timed OUT CMD...: runs CMD, writes "wall user sys maxrss_kb" to OUT (getrusage of the child:
# microsecond CPU times, where GNU time prints hundredths; GNU time's own few hundred µs are
# in every row, sleep's too).
cat > "$work/timed.py" <<'PYT'
import os, sys, time
start = time.monotonic()
# GNU time in between only for the peak RSS: a child spawned from python inherits python's.
rss_file = sys.argv[1] + ".rss"
argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + sys.argv[2:]
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, r = os.wait4(pid, 0)
wall = time.monotonic() - start
code = os.waitstatus_to_exitcode(status)
rss = open(rss_file).read().split()[-1]
open(sys.argv[1], "w").write(f"{wall:.6f} {r.ru_utime:.6f} {r.ru_stime:.6f} {rss}\n")
sys.exit(code if code >= 0 else 128 - code)
PYT
timed() { python3 "$work/timed.py" "$@"; }

# The routines: one timed step of N s, and N/10 breaths of 4 s in and 6 s out.
routines() {
  local n=$1
  cat > "$work/timed-$n.json" <<JSON
{"format":1,"name":"timed-$n","title":"Timed $n s","description":"bench","steps":[
 {"kind":"timed","title":"Wait","text":"Wait.","duration":$n}]}
JSON
  cat > "$work/breathe-$n.json" <<JSON
{"format":1,"name":"breathe-$n","title":"Breathe $n s","description":"bench","steps":[
 {"kind":"breath","title":"Breathe","text":"Breathe.","pattern":{"inhale":4,"exhale":6},
  "cycles":$(( n >= 10 ? n / 10 : 1 ))}]}
JSON
}

# run_case NAME N: one measurement, GNU time's figures to $work/NAME.time.
run_case() {
  local name=$1 n=$2 kind
  case $name in
    sleep-*) timed "$work/$name.time" sleep "$n" ;;
    plain-*)
      kind=${name#plain-}; kind=${kind%-*}
      timed "$work/$name.time" "$backcare" run "$work/$kind-$n.json" \
        --plain --no-bell --no-log --no-ask --lead-in 0 --events "$work/$name.jsonl" >/dev/null ;;
    tmux-*)
      kind=${name#tmux-}; kind=${kind%-*}
      tmux -S "$sock" new-session -d -s "$name" -x 80 -y 24 \
        "python3 '$work/timed.py' '$work/$name.time' '$backcare' run '$work/$kind-$n.json' \
         --no-bell --no-log --no-ask --lead-in 0 --events '$work/$name.jsonl'; touch '$work/$name.done'; sleep 1"
      while [ ! -e "$work/$name.done" ]; do sleep 0.5; done ;;
  esac
}

for n in "${durations[@]}"; do
  routines "$n"
  cases=("sleep-$n" "plain-timed-$n" "plain-breathe-$n" "tmux-timed-$n" "tmux-breathe-$n")
  echo "measuring N=$n s: ${cases[*]} ($([ $serial = 1 ] && echo one after another || echo side by side))" >&2
  if [ $serial = 1 ]; then
    for c in "${cases[@]}"; do run_case "$c" "$n"; done
  else
    for c in "${cases[@]}"; do run_case "$c" "$n" & done
    wait
  fi
done

rm -f "$out/startup.json" "$out/startup.txt"
if [ $startup = 1 ]; then
  # After the timed cases, so that they do not share the processor with it.
  "$(dirname "$0")/startup.sh" -b "$backcare" -m "$(dirname "$backcare")/bench/backcare_bench" \
    -o "$out" >/dev/null
fi

python3 - "$work" "$out" "$backcare" "${durations[@]}" <<'PY'
import datetime, json, os, statistics, sys
work, out, binary, durations = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
load = os.getloadavg()

def lateness(path):
    """ms each boundary came after its due time (lead-in 0, speed 1: due at t_ms)."""
    events = [json.loads(l) for l in open(path)]
    late = []
    start_wall = datetime.datetime.fromisoformat(events[0]["wall"])
    for e in events[1:]:
        if e["event"] not in ("step_start", "phase", "step_end", "session_end"):
            continue
        if "mono_us" in e:
            at = e["mono_us"] / 1000
        else:  # older builds: the ISO wall stamp, ms resolution
            at = (datetime.datetime.fromisoformat(e["wall"]) - start_wall).total_seconds() * 1000
        late.append(at - e["t_ms"])
    return late

rows = []
for n in durations:
    base = None
    for name in ["sleep", "plain-timed", "plain-breathe", "tmux-timed", "tmux-breathe"]:
        case = f"{name}-{n}"
        wall, user, sys_, rss = open(f"{work}/{case}.time").read().split()[-4:]
        row = {"case": name, "n": int(n), "wall_s": float(wall), "cpu_s": float(user) + float(sys_),
               "peak_rss_kb": int(rss)}
        row["cpu_pct_of_wall"] = 100 * row["cpu_s"] / row["wall_s"] if row["wall_s"] else 0
        if name == "sleep":
            base = row
        else:
            late = lateness(f"{work}/{case}.jsonl")
            row["boundaries"] = len(late)
            row["late_median_ms"] = statistics.median(late)
            row["late_max_ms"] = max(late)
            row["wall_ratio"] = row["wall_s"] / base["wall_s"]
            row["cpu_ratio"] = row["cpu_s"] / base["cpu_s"] if base["cpu_s"] else None
            row["rss_ratio"] = row["peak_rss_kb"] / base["peak_rss_kb"]
        rows.append(row)

def f(v, spec):
    return "-" if v is None else format(v, spec)
lines = [f"backcare: {binary}",
         f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1, 5, 15 min)",
         f"{'case':<14} {'N':>4} {'wall s':>8} {'CPU s':>6} {'CPU %':>7} {'RSS KB':>7} "
         f"{'late med':>9} {'late max':>9} {'bounds':>6} {'wall x':>7} {'CPU x':>6} {'RSS x':>6}"]
for r in rows:
    lines.append(f"{r['case']:<14} {r['n']:>4} {r['wall_s']:>8.2f} {r['cpu_s']:>6.2f} "
                 f"{r['cpu_pct_of_wall']:>6.3f}% {r['peak_rss_kb']:>7} "
                 f"{f(r.get('late_median_ms'), '9.3f')} {f(r.get('late_max_ms'), '9.3f')} "
                 f"{f(r.get('boundaries'), '>6')} {f(r.get('wall_ratio'), '7.4f')} "
                 f"{f(r.get('cpu_ratio'), '6.1f')} {f(r.get('rss_ratio'), '6.1f')}")
table = "\n".join(lines) + "\n"
report = {"binary": binary, "load_average": list(load), "rows": rows}
startup = os.path.join(out, "startup.json")
if os.path.exists(startup):
    table += "\n" + open(os.path.join(out, "startup.txt")).read()
    report["startup"] = json.load(open(startup))
print(table, end="")
open(os.path.join(out, "compare.txt"), "w").write(table)
json.dump(report, open(os.path.join(out, "compare.json"), "w"), indent=1)
print(f"written: {out}/compare.txt, {out}/compare.json", file=sys.stderr)
PY
