#!/usr/bin/env bash
# `backcare validate FILE...`: "ok" lines on stdout, every error on stderr, exit 0 / 65 / 66.
source "$SOURCE_DIR/tests/cli/lib.bash"
cd "$SOURCE_DIR/tests/data" || exit 1

run "$BACKCARE" validate good/minimal.json
expect_rc 0 "valid file"
expect_eq "$OUT" "ok: good/minimal.json (minimal, 1:30)" "valid file: ok line"
expect_eq "$ERR" "" "valid file: nothing on stderr"

run "$BACKCARE" validate good/minimal.json good/every-kind.json
expect_rc 0 "two valid files"
expect_eq "$OUT" "ok: good/minimal.json (minimal, 1:30)
ok: good/every-kind.json (every-kind, 2:22)" "two valid files: ok lines in order"

run "$BACKCARE" validate "$SOURCE_DIR"/routines/{breathe,hinge,night-release,posture,strength}.json
expect_rc 0 "built-in routine files"
expect_eq "$OUT" "ok: $SOURCE_DIR/routines/breathe.json (breathe, 5:00)
ok: $SOURCE_DIR/routines/hinge.json (hinge, 7:11)
ok: $SOURCE_DIR/routines/night-release.json (night-release, 10:00)
ok: $SOURCE_DIR/routines/posture.json (posture, 2:40)
ok: $SOURCE_DIR/routines/strength.json (strength, 15:24)" "built-in routine files: ok lines with totals"

run "$BACKCARE" validate - <good/minimal.json
expect_rc 0 "standard input"
expect_eq "$OUT" "ok: <stdin> (minimal, 1:30)" "standard input: named <stdin>"

# Every error of a file, one per line, with file:line:col and the JSON path.
run "$BACKCARE" validate bad/several.json
expect_rc 65 "invalid file"
expect_eq "$OUT" "" "invalid file: nothing on stdout"
expect_eq "$ERR" 'bad/several.json:2:13: format: unsupported format 2; this version of backcare reads format 1
bad/several.json:3:11: name: expected a name of lowercase letters, digits and dashes that starts with a letter or digit (at most 40 characters), got "Several Errors"
bad/several.json:4:12: title: must not be empty
bad/several.json:6:75: steps[0].pattern.exhale: must be > 0
bad/several.json:6:90: steps[0].cycles: expected a whole number from 1 to 10000, got the number 1.5
bad/several.json:7:71: steps[1].cues[0].at: must be less than the step'"'"'s duration (10s)
bad/several.json:8:80: steps[2]: unknown key "cyles"; did you mean "cycles"?
bad/several.json:9:49: steps[3].duration: expected a duration (seconds or "1m30s"), got an array' \
  "invalid file: every error"

run "$BACKCARE" validate bad/syntax.json
expect_rc 65 "syntax error"
expect_eq "$ERR" "bad/syntax.json:7:3: trailing comma is not allowed" "syntax error: line and column"

# Mixed: ok lines for the valid files, errors for the rest, exit 65.
run "$BACKCARE" validate good/minimal.json bad/syntax.json good/every-kind.json
expect_rc 65 "valid and invalid files"
expect_eq "$OUT" "ok: good/minimal.json (minimal, 1:30)
ok: good/every-kind.json (every-kind, 2:22)" "valid and invalid files: ok lines for the valid ones"
expect_eq "$ERR" "bad/syntax.json:7:3: trailing comma is not allowed" "valid and invalid files: errors"

run "$BACKCARE" validate no-such-file.json
expect_rc 66 "missing file"
expect_eq "$ERR" "no-such-file.json: no such file" "missing file: message"

# 66 (cannot read) wins over 65 (invalid), whatever the order.
run "$BACKCARE" validate no-such-file.json bad/syntax.json good/minimal.json
expect_rc 66 "missing and invalid files"
expect_eq "$OUT" "ok: good/minimal.json (minimal, 1:30)" "missing and invalid files: ok line"
expect_err "no-such-file.json: no such file" "missing and invalid files: missing reported"
expect_err "bad/syntax.json:7:3: trailing comma" "missing and invalid files: invalid reported"
run "$BACKCARE" validate bad/syntax.json no-such-file.json
expect_rc 66 "invalid then missing"

# A breath far outside a comfortable range is valid, and said as a warning.
run "$BACKCARE" validate - <<'JSON'
{"format": 1, "name": "odd-breath", "title": "Odd", "steps": [
  {"kind": "breath", "title": "Fast", "pattern": {"inhale": 0.1, "exhale": 60}, "cycles": 2}]}
JSON
expect_rc 0 "odd breath: valid"
expect_eq "$OUT" "ok: <stdin> (odd-breath, 2:00)" "odd breath: ok line"
expect_eq "$ERR" 'warning: <stdin>: step 1 "Fast": an inhale of 0.1s is far outside a comfortable breath (1s to 20s)
warning: <stdin>: step 1 "Fast": an exhale of 1m is far outside a comfortable breath (1s to 20s)' \
  "odd breath: the warnings"

# --exhale 1m: said before the session, and --dry-run describes the session it builds.
run "$BACKCARE" breathe --exhale 1m --dry-run --no-log
expect_rc 0 "--exhale 1m"
expect_eq "$ERR" 'backcare: warning: step 1 "360° breathing": an exhale of 1m is far outside a comfortable breath (1s to 20s)' \
  "--exhale 1m: the warning"
expect_out "360° breathing as changed on the command line (--exhale 1m)" "--exhale 1m: described"
[[ "$OUT" != *"Five minutes"* ]] && pass || fail "--exhale 1m: the routine's own words remain"
expect_out "out 1m × 30 breaths" "--exhale 1m: the step"

run "$BACKCARE" validate
expect_rc 2 "no file given"

finish
