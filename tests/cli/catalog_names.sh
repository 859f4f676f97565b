#!/usr/bin/env bash
# Names in a routine folder: two files declaring one name (the later file name wins, and list
# and validate say so), and a file whose name is not the name it declares.
source "$SOURCE_DIR/tests/cli/lib.bash"
DIR="$TMP/routines"
mkdir -p "$DIR"
routine() {  # FILE NAME TITLE
  printf '{"format": 1, "name": "%s", "title": "%s", "steps": [{"kind": "rest", "title": "R", "duration": 5}]}\n' \
    "$2" "$3" >"$DIR/$1"
}
# A copy beside the original: x-copy.json sorts before x.json, so x.json is used.
routine x-copy.json x "First x"
routine x.json x "Second x"
routine evening.json box-bridges "Bridges"
routine calm.json calm "Calm"

run "$BACKCARE" --routines-dir "$DIR" list
expect_rc 0 "list with duplicate names"
expect_err "backcare: warning: $DIR/x.json declares the name \"x\", also declared by $DIR/x-copy.json; x.json is used" \
  "list: the duplicate name is said"
expect_err "backcare: warning: $DIR/x-copy.json declares the name \"x\", not \"x-copy\"" \
  "list: the copy's file name is said"
expect_err "backcare: warning: $DIR/evening.json declares the name \"box-bridges\", not \"evening\"" \
  "list: the mismatched file name is said"
expect_out "Second x" "list: the later file name wins"
[[ "$OUT" != *"First x"* ]] && pass || fail "list: the shadowed routine is not listed"
[[ "$ERR" != *"calm.json"* ]] && pass || fail "list: no warning about files that are fine: [$ERR]"
expect_eq "$(grep -c warning <<<"$ERR")" 3 "list: three warnings"
# The warnings go to stderr only: stdout is the same as without them.
run "$BACKCARE" --routines-dir "$DIR" list --names
[[ "$OUT" != *warning* ]] && pass || fail "list --names: a warning on stdout"
expect_eq "$(tail -3 <<<"$OUT" | sort)" $'box-bridges\ncalm\nx' "list --names: the user names"

run "$BACKCARE" --routines-dir "$DIR" validate "$DIR/calm.json"
expect_rc 0 "validate with duplicate names in the folder"
expect_err "declares the name \"x\", also declared by" "validate: the duplicate name is said"
expect_err "declares the name \"box-bridges\", not \"evening\"" "validate: the mismatch is said"

# Folders without problems: nothing on stderr.
rm "$DIR/x-copy.json" "$DIR/evening.json"
run "$BACKCARE" --routines-dir "$DIR" list
expect_eq "$ERR" "" "list of a clean folder: no warnings"

# A hostile declared name comes out sanitized.
printf '{"format": 1, "name": "bad\\u001b[31mname", "title": "T", "steps": []}\n' >"$DIR/hostile.json"
run "$BACKCARE" --routines-dir "$DIR" list
[[ "$ERR" != *$'\e'* ]] && pass || fail "list: an escape in a declared name reached stderr"
expect_err 'not "hostile"' "list: the hostile name's file is named"
finish
