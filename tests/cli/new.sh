#!/usr/bin/env bash
# `backcare new NAME [--from ROUTINE]`: a starter (or a copy) in the user routine folder, with
# schema.json beside it; never overwrites; refuses bad names and invalid or unknown sources.
source "$SOURCE_DIR/tests/cli/lib.bash"
DATA="$SOURCE_DIR/tests/data/compose"
ROUTINES="$XDG_CONFIG_HOME/backcare/routines"

# The names of the routine files in the folder, one line.
files() { (cd "$ROUTINES" 2>/dev/null && ls | tr '\n' ' '); }
# A key of a JSON file, or ERROR.
json_key() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2" 2>&1 || echo ERROR; }

# --- the starter ----------------------------------------------------------------------------
run "$BACKCARE" new my-evening
expect_rc 0 "new my-evening"
expect_eq "$OUT" "$ROUTINES/my-evening.json" "new: prints the path"
expect_eq "$ERR" "" "new: nothing on stderr"
expect_eq "$(files)" "my-evening.json schema.json " "new: the routine and schema.json, nothing else"
expect_eq "$(json_key "$ROUTINES/my-evening.json" name)" "my-evening" "new: named as asked"
expect_eq "$(json_key "$ROUTINES/my-evening.json" '$schema')" "./schema.json" "new: points at the schema beside it"

run "$BACKCARE" schema
expect_eq "$(cat "$ROUTINES/schema.json")" "$OUT" "new: schema.json is \`backcare schema\`"

run "$BACKCARE" validate "$ROUTINES/my-evening.json"
expect_rc 0 "the starter validates"
expect_eq "$OUT" "ok: $ROUTINES/my-evening.json (my-evening, 6:00)" "the starter: ok line"

run "$BACKCARE" list --names
expect_rc 0 "list after new"
expect_eq "$OUT" "breathe
hinge
night-release
posture
strength
my-evening" "list: the new routine, and schema.json is not a routine"
run "$BACKCARE" list
[[ "$OUT" != *schema* ]] && pass || fail "list: mentions schema; got [$OUT]"

# Every kind of step, at any depth.
kinds=$(python3 -c '
import json, sys
def walk(steps):
    for step in steps:
        yield step["kind"]
        yield from walk(step.get("steps", []))
print(" ".join(sorted(set(walk(json.load(open(sys.argv[1]))["steps"])))))' "$ROUTINES/my-evening.json" 2>&1)
expect_eq "$kinds" "breath include repeat reps rest timed" "the starter: every kind of step"

run "$BACKCARE" run my-evening --plain --speed 1000 --lead-in 0
expect_rc 0 "the starter runs"
expect_out "Completed: My routine — 6:00 of 6:00" "the starter runs to the end"
expect_out "round 2/2" "the starter: its repeat"

run "$BACKCARE" show my-evening --set breaths=10
expect_rc 0 "the starter's parameter"
expect_out "Total 6:40" "--set breaths=10: 4 more breaths of 10 s"

# --- never overwrites -----------------------------------------------------------------------
echo '// edited by hand' >>"$ROUTINES/my-evening.json"
before=$(sha256sum "$ROUTINES/my-evening.json" "$ROUTINES/schema.json")
run "$BACKCARE" new my-evening
expect_rc 73 "new over an existing routine"
expect_eq "$OUT" "" "new over an existing routine: nothing on stdout"
expect_eq "$ERR" "backcare: error: cannot create $ROUTINES/my-evening.json: it already exists (backcare never overwrites a routine; pick another name or remove it)" \
  "new over an existing routine: says it exists"
expect_eq "$(sha256sum "$ROUTINES/my-evening.json" "$ROUTINES/schema.json")" "$before" \
  "new over an existing routine: both files unchanged"
run "$BACKCARE" new my-evening --from night-release
expect_rc 73 "new --from over an existing routine"
expect_eq "$(sha256sum "$ROUTINES/my-evening.json" "$ROUTINES/schema.json")" "$before" \
  "new --from over an existing routine: both files unchanged"
rm "$ROUTINES/my-evening.json"

# --- bad names ------------------------------------------------------------------------------
for name in "Bad Name" "snake_case" "UPPER" "$(printf 'a%.0s' {1..41})" "../escape"; do
  run "$BACKCARE" new "$name"
  expect_rc 2 "new \"$name\""
  expect_eq "$ERR" "backcare: error: \"$name\" is not a routine name: use lowercase letters, digits and dashes, starting with a letter or digit (at most 40)" \
    "new \"$name\": message"
done
expect_eq "$(files)" "schema.json " "bad names: no file written"

# --- copies ---------------------------------------------------------------------------------
run "$BACKCARE" new copy --from night-release
expect_rc 0 "new copy --from night-release"
expect_eq "$OUT" "$ROUTINES/copy.json" "copy: prints the path"
expect_eq "$(json_key "$ROUTINES/copy.json" name)" "copy" "copy: renamed"
expect_eq "$(json_key "$ROUTINES/copy.json" title)" "Night-time back release" "copy: the rest as it was"
run "$BACKCARE" validate "$ROUTINES/copy.json"
expect_rc 0 "copy validates"
expect_eq "$OUT" "ok: $ROUTINES/copy.json (copy, 10:00)" "copy: total 10:00"
run "$BACKCARE" show copy
expect_out "Total 10:00" "copy: shown by name"

run "$BACKCARE" new night-release --from night-release
expect_rc 0 "a copy under the built-in's own name"
run "$BACKCARE" list
expect_out "[$ROUTINES/night-release.json (overrides built-in)]" "the copy overrides the built-in"
rm "$ROUTINES/night-release.json"

run "$BACKCARE" new from-file --from "$DATA/include/b.json"
expect_rc 0 "new --from a file"
expect_eq "$(json_key "$ROUTINES/from-file.json" name)" "from-file" "copy of a file: renamed"

run "$BACKCARE" new piped --from - <"$SOURCE_DIR/routines/posture.json"
expect_rc 0 "new --from standard input"
expect_eq "$(json_key "$ROUTINES/piped.json" name)" "piped" "copy of standard input: renamed"

before=$(files)
run "$BACKCARE" new x --from nonexistent
expect_rc 2 "new --from an unknown routine"
expect_err "unknown routine \"nonexistent\"" "new --from an unknown routine: message"
run "$BACKCARE" new x --from night-relase
expect_rc 2 "new --from a misspelt routine"
expect_err "did you mean \"night-release\"?" "new --from a misspelt routine: suggestion"
run "$BACKCARE" new x --from "$DATA/invalid/invalid.json"
expect_rc 65 "new --from an invalid file"
expect_eq "$ERR" "$DATA/invalid/invalid.json:6:52: steps[0].duration: must be > 0" \
  "new --from an invalid file: its errors"
run "$BACKCARE" --routines-dir "$DATA/invalid" new x --from invalid
expect_rc 65 "new --from an invalid routine by name"
run "$BACKCARE" new x --from "$DATA/no-such-file.json"
expect_rc 66 "new --from a missing file"
expect_eq "$(files)" "$before" "no file written for a bad --from"

finish
