#!/usr/bin/env bash
# `list`, `show`, the overview, --version, --help, and user routine folders.
source "$SOURCE_DIR/tests/cli/lib.bash"
DATA="$SOURCE_DIR/tests/data"

BUILTINS='breathe           5:00  360° breathing  [built-in]
hinge             7:11  Hip hinge for lifting  [built-in]
night-release    10:00  Night-time back release  [built-in]
posture           2:40  Posture check  [built-in]
strength         15:24  Back strength: deadlifts and squats  [built-in]'

run "$BACKCARE" list
expect_rc 0 "list"
expect_eq "$OUT" "$BUILTINS" "list: the five built-ins with totals"

run "$BACKCARE" list --names
expect_rc 0 "list --names"
expect_eq "$OUT" "breathe
hinge
night-release
posture
strength" "list --names"

run "$BACKCARE" list --json
expect_rc 0 "list --json"
printf '%s' "$OUT" >"$TMP/list.json"
summary=$(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1])):
    print(e["name"], e["total_ms"], e["builtin"], e["valid"], e["source"])' "$TMP/list.json" 2>&1)
expect_eq "$summary" "breathe 300000 True True built-in
hinge 431000 True True built-in
night-release 600000 True True built-in
posture 160000 True True built-in
strength 924000 True True built-in" "list --json: names and totals"

run "$BACKCARE" show night-release
expect_rc 0 "show night-release"
expect_out "Night-time back release (night-release)" "show: title line"
expect_out "  6.    1:25  Roller: lats" "show: a sided step with its time"
expect_out "40s per side (left, right), 5s to switch" "show: sided step summary"
expect_out "at 0:20: Round up on the out-breath" "show: cue"
expect_out "Total 10:00" "show: total"
# The note is word-wrapped to 80 columns: compare it with line breaks as spaces.
joined=$(printf '%s' "$OUT" | tr '\n' ' ')
[[ "$joined" == *"General guidance, not medical advice: persistent or worsening pain, leaking, heaviness or abdominal doming is a reason to see a pelvic-floor physiotherapist."* ]] &&
  pass || fail "show: safety note missing"
python3 -c 'import sys; sys.exit(any(len(l) > 80 for l in sys.stdin.read().splitlines()))' <<<"$OUT" &&
  pass || fail "show: a line is wider than 80 columns"

run "$BACKCARE" show --json night-release
expect_rc 0 "show --json"
printf '%s' "$OUT" >"$TMP/show.json"
python3 -m json.tool "$TMP/show.json" >/dev/null 2>&1 && pass || fail "show --json: not valid JSON"
total=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total_ms"])' "$TMP/show.json" 2>&1)
expect_eq "$total" "600000" "show --json: total_ms"
segments=$(python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))
print(sum(s["duration_ms"] for s in plan["segments"]), plan["segments"][0]["phase"], len(plan["steps"]))' "$TMP/show.json" 2>&1)
expect_eq "$segments" "600000 inhale 10" "show --json: segments add up to the total"

run "$BACKCARE" show "$DATA/good/every-kind.json"
expect_rc 0 "show FILE"
expect_out "Every kind of step (every-kind)" "show FILE: title"
expect_out "breathing, in 4s · hold 2s · out 6s · hold 1s × 2 breaths" "show FILE: breath summary"
expect_out "2 × 3 reps, lower 3s · lift 2s, rest 20s" "show FILE: reps summary"
expect_out "Total 2:22" "show FILE: total"

run "$BACKCARE" show - <"$DATA/good/minimal.json"
expect_rc 0 "show -"
expect_out "Total 1:30" "show -: total"

# A user routine folder ($XDG_CONFIG_HOME/backcare/routines): override, invalid entry.
USER_DIR="$XDG_CONFIG_HOME/backcare/routines"
mkdir -p "$USER_DIR"
cat >"$USER_DIR/breathe.json" <<'JSON'
{
  "format": 1, "name": "breathe", "title": "My breathing",
  "steps": [{"kind": "breath", "title": "B", "pattern": {"inhale": 4, "exhale": 6}, "cycles": 3}]
}
JSON
printf '{"format": 1, "name": "broken", "title": "B", "steps": []}\n' >"$USER_DIR/broken.json"
run "$BACKCARE" list
expect_rc 0 "list with user routines (one invalid)"
# Line by line: the user breathe comes first, in the built-in's place; the invalid one last.
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" \
  "breathe           0:30  My breathing  [$USER_DIR/breathe.json (overrides built-in)]" \
  "list: user breathe overrides the built-in"
expect_out "
hinge             7:11  Hip hinge for lifting  [built-in]
" "list: built-ins still listed beside user routines"
expect_out "
strength         15:24  Back strength: deadlifts and squats  [built-in]
" "list: built-ins still listed beside user routines (2)"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" \
  "broken               -  INVALID: $USER_DIR/broken.json:1:56: steps: must have at least one step" \
  "list: invalid user routine with its first error"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "6" "list: six routines"

run "$BACKCARE" show breathe
expect_rc 0 "show an overridden built-in"
expect_out "Total 0:30" "show: the user's breathe wins"

run "$BACKCARE" show broken
expect_rc 65 "show an invalid user routine"
expect_eq "$ERR" "$USER_DIR/broken.json:1:56: steps: must have at least one step" "show invalid: error"

run "$BACKCARE" list --json
printf '%s' "$OUT" >"$TMP/list2.json"
summary=$(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1])):
    if not e["builtin"]:
        print(e["name"], e["valid"], e["overrides_builtin"], e.get("total_ms"), e.get("errors"))' \
  "$TMP/list2.json" 2>&1)
expect_eq "$summary" "breathe True True 30000 None
broken False False None ['$USER_DIR/broken.json:1:56: steps: must have at least one step']" \
  "list --json with user routines"

# --routines-dir adds a folder after the user one.
mkdir -p "$TMP/extra"
cp "$DATA/good/minimal.json" "$TMP/extra/"
run "$BACKCARE" --routines-dir "$TMP/extra" list --names
expect_rc 0 "--routines-dir"
expect_eq "$OUT" "breathe
hinge
night-release
posture
strength
broken
minimal" "--routines-dir: its routine listed"
run "$BACKCARE" --routines-dir "$TMP/extra" show minimal
expect_rc 0 "--routines-dir: show"
expect_out "One rest (minimal)" "--routines-dir: show title"
run "$BACKCARE" --routines-dir "$TMP/no-such-dir" list --names
expect_rc 0 "--routines-dir that does not exist is skipped"

# A relative XDG_CONFIG_HOME is ignored (the XDG spec); HOME is used instead.
run env XDG_CONFIG_HOME=relative HOME="$TMP/home" "$BACKCARE" list
expect_eq "$OUT" "$BUILTINS" "relative XDG_CONFIG_HOME ignored"
rm -rf "$USER_DIR"

run "$BACKCARE"
expect_rc 0 "no arguments: overview"
expect_out "backcare — a routine timer for postpartum back care" "overview: heading"
expect_out "Routines" "overview: routines"
expect_out "  night-release  10:00  Night-time back release" "overview: a routine line"
expect_out "Every option: backcare --help." "overview: pointer to --help"

run "$BACKCARE" --version
expect_rc 0 "--version"
[[ "$OUT" =~ ^backcare\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && pass || fail "--version: got [$OUT]"

run "$BACKCARE" --help
expect_rc 0 "--help"
expect_out "Exit codes:" "--help: exit codes"
expect_out "65   invalid routine data" "--help: 65"
expect_out "66   routine file missing, unreadable or not a regular file" "--help: 66"
expect_out "validate" "--help: validate command"

run "$BACKCARE" show --help
expect_rc 0 "show --help"
expect_out "--json" "show --help: --json"

# Each command's help shows its own examples; the general examples and the exit codes are said
# once, in `backcare --help`.
for command in list show validate schema new completion; do
  run "$BACKCARE" "$command" --help
  expect_rc 0 "$command --help"
  expect_out "  backcare $command " "$command --help: its own examples"
  [[ "$OUT" != *"Exit codes"* ]] && pass || fail "$command --help repeats the exit codes"
  [[ "$OUT" != *"backcare checkin --pain 3"* ]] && pass || fail "$command --help: the root's examples"
done

# Option hints in words, not the parser's types ("X:FLOAT in [0.1 - 1000]", "VOICE:VOICE").
run "$BACKCARE" run --help
expect_out "  --speed X " "run --help: --speed X"
expect_out "(0.1 to 1000)" "run --help: the range in words"
bad=$(grep -E -- ' [A-Z]+:([A-Z]|[0-9])' <<<"$OUT")
[ -z "$bad" ] && pass || fail "run --help: parser types in [$bad]"
expect_out "  --speak[=MODE] " "run --help: --speak[=MODE], not --speak{full} [=MODE]:{full,brief}"

finish
