#!/usr/bin/env bash
# routines/schema.json, the JSON Schema for routine files, checked by a real validator (ajv, from
# package.json: scripts/setup.sh --test installs it), and checked to agree with backcare's loader:
#   - the schema is a valid draft 2020-12 schema (ajv strict mode) with a description on every
#     property, and `backcare schema` prints it byte for byte;
#   - every built-in routine and every complete example in docs/routines.md is valid;
#   - tests/data/schema/good/*.json: both ajv and `backcare validate` accept each file;
#     tests/data/schema/bad/*.json: both reject each file (one mistake per file);
#     tests/data/schema/loader-only/*.json: ajv accepts, backcare rejects: limits a schema cannot
#     express (listed in docs/routines.md, "What the schema cannot check").
source "$SOURCE_DIR/tests/cli/lib.bash"

AJV="$SOURCE_DIR/node_modules/.bin/ajv"
SCHEMA="$SOURCE_DIR/routines/schema.json"
DATA="$SOURCE_DIR/tests/data/schema"
AJV_OPTS=(--spec=draft2020 --strict=true)

if [ ! -x "$AJV" ]; then
  fail "$AJV is missing: run scripts/setup.sh --test (or npm install in $SOURCE_DIR)"
  finish
  exit
fi

# --- The schema itself --------------------------------------------------------------------------

run "$AJV" compile "${AJV_OPTS[@]}" -s "$SCHEMA"
expect_rc 0 "schema compiles in ajv strict mode"

# Every property an editor can complete has a description (the conditions in "if" excepted).
run node -e '
  const schema = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const missing = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`));
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "if" || key === "examples" || key === "default" || key === "const") continue;
      if (key === "properties") {
        for (const [name, sub] of Object.entries(value)) {
          if (typeof sub !== "object" || typeof sub.description !== "string") {
            missing.push(`${path}/properties/${name}`);
          }
        }
      }
      walk(value, `${path}/${key}`);
    }
  };
  walk(schema, "#");
  if (missing.length) { console.log(missing.join("\n")); process.exit(1); }
' "$SCHEMA"
expect_rc 0 "every property has a description: $OUT"

"$BACKCARE" schema >"$TMP/schema.out" 2>"$TMP/schema.err" && RC=0 || RC=$?
if [ "$RC" -eq 0 ] && cmp -s "$TMP/schema.out" "$SCHEMA"; then pass; else
  fail "backcare schema: output differs from routines/schema.json (exit $RC, stderr: $(cat "$TMP/schema.err"))"
fi

# --- ajv verdicts, with as few ajv runs as possible ---------------------------------------------

# ajv_verdicts FILE...: VERDICT[FILE]=valid, invalid, or unparsable.
source "$SOURCE_DIR/tests/lib/ajv.bash"

# backcare_verdict FILE: BV=valid (exit 0), invalid (exit 65) or "exit N"; ERR has its stderr.
backcare_verdict() {
  run "$BACKCARE" validate "$1"
  case $RC in
    0) BV=valid ;;
    65) BV=invalid ;;
    *) BV="exit $RC" ;;
  esac
}

# --- Built-in routines and the complete examples in docs/routines.md ---------------------------

builtins=()
for f in "$SOURCE_DIR"/routines/*.json; do
  case "$(basename "$f")" in schema.json | config.schema.json) ;; *) builtins+=("$f") ;; esac
done
[ "${#builtins[@]}" -ge 5 ] && pass || fail "expected at least 5 built-in routines, found ${#builtins[@]}"

# Examples: the ```json block after each line "<!-- example: complete -->".
node -e '
  const fs = require("fs");
  const lines = fs.readFileSync(process.argv[1], "utf8").split("\n");
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "<!-- example: complete -->") continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === "") j++;
    if (lines[j] !== "```json") { console.error(`line ${i + 1}: no json block follows`); process.exit(1); }
    const end = lines.indexOf("```", j + 1);
    if (end < 0) { console.error(`line ${j + 1}: unterminated block`); process.exit(1); }
    n++;
    fs.writeFileSync(`${process.argv[2]}/doc-example-${n}.json`, lines.slice(j + 1, end).join("\n") + "\n");
  }
  console.log(n);
' "$SOURCE_DIR/docs/routines.md" "$TMP" >"$TMP/examples" || fail "could not extract the examples from docs/routines.md"
examples=("$TMP"/doc-example-*.json)
[ -f "${examples[0]}" ] && [ "${#examples[@]}" -ge 2 ] && pass ||
  fail "expected at least 2 complete examples in docs/routines.md, found $(cat "$TMP/examples")"

ajv_verdicts "${builtins[@]}" "${examples[@]}"
for f in "${builtins[@]}"; do
  expect_eq "${VERDICT[$f]}" valid "ajv: built-in $(basename "$f")"
  first_key=$(node -e 'console.log(Object.keys(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")))[0] ?? "")' "$f")
  expect_eq "$first_key" '$schema' "built-in $(basename "$f"): \"\$schema\" comes first"
  expect_eq "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))["$schema"])' "$f")" \
    ./schema.json "built-in $(basename "$f"): \"\$schema\": \"./schema.json\""
done
for f in "${examples[@]}"; do
  name=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).name)' "$f")
  expect_eq "${VERDICT[$f]}" valid "ajv: docs/routines.md example \"$name\""
  backcare_verdict "$f"
  expect_eq "$BV" valid "backcare: docs/routines.md example \"$name\" ($ERR)"
done

# --- Agreement: good, bad and loader-only files -------------------------------------------------

good=("$DATA"/good/*.json)
bad=("$DATA"/bad/*.json)
loader_only=("$DATA"/loader-only/*.json)
[ "${#good[@]}" -ge 15 ] && [ "${#bad[@]}" -ge 30 ] && [ "${#loader_only[@]}" -ge 5 ] && pass ||
  fail "test data missing: ${#good[@]} good, ${#bad[@]} bad, ${#loader_only[@]} loader-only files"

ajv_verdicts "${good[@]}" "${bad[@]}" "${loader_only[@]}"

# check FILE AJV-EXPECTED BACKCARE-EXPECTED
check() {
  local f=$1 name=${1#"$DATA"/} got_ajv=${VERDICT[$1]}
  [ "$got_ajv" = unparsable ] && got_ajv=invalid  # not JSON: the schema cannot accept it either
  backcare_verdict "$f"
  if [ "$got_ajv" = "$2" ] && [ "$BV" = "$3" ]; then
    pass
  else
    fail "$name: ajv says $got_ajv, backcare says $BV (expected $2 and $3)${ERR:+; backcare: $ERR}"
  fi
}
for f in "${good[@]}"; do check "$f" valid valid; done
for f in "${bad[@]}"; do check "$f" invalid invalid; done
for f in "${loader_only[@]}"; do check "$f" valid invalid; done

# A file over the 1 MiB limit (made here rather than stored): the schema has no size limit.
node -e '
  const tags = Array.from({length: 3000}, (_, i) => `tag-${i}-` + "x".repeat(400));
  const routine = {format: 1, name: "huge", title: "Huge", tags,
                   steps: [{kind: "rest", title: "Rest", duration: 1}]};
  require("fs").writeFileSync(process.argv[1], JSON.stringify(routine));
' "$TMP/huge.json"
ajv_verdicts "$TMP/huge.json"
expect_eq "${VERDICT[$TMP/huge.json]}" valid "ajv: a file over 1 MiB"
backcare_verdict "$TMP/huge.json"
expect_eq "$BV" invalid "backcare: a file over 1 MiB"

finish
