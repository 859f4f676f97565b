#!/usr/bin/env bash
# routines/config.schema.json, the JSON Schema for the config file, checked by a real validator
# (ajv, from package.json) and checked to agree with backcare's own config check:
#   - the schema is a valid draft 2020-12 schema (ajv strict mode) with a description on every
#     property;
#   - the complete examples in docs/config.md and tests/data/config/good/*.json are valid;
#   - every tests/data/config/bad/*.json is invalid (one mistake per file).
# The same files go through the loader in tests/config_test.cpp ("config::examples agree with
# the schema test"), which expects the same verdicts, so the two cannot drift apart.
source "$SOURCE_DIR/tests/cli/lib.bash"

AJV="$SOURCE_DIR/node_modules/.bin/ajv"
SCHEMA="$SOURCE_DIR/routines/config.schema.json"
DATA="$SOURCE_DIR/tests/data/config"
AJV_OPTS=(--spec=draft2020 --strict=true)

if [ ! -x "$AJV" ]; then
  fail "$AJV is missing: run scripts/setup.sh --test (or npm install in $SOURCE_DIR)"
  finish
  exit
fi

run "$AJV" compile "${AJV_OPTS[@]}" -s "$SCHEMA"
expect_rc 0 "config schema compiles in ajv strict mode"

run node -e '
  const schema = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const missing = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`));
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "examples" || key === "default" || key === "const") continue;
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

# Every key the schema knows is documented in docs/config.md, under a heading of its own.
for key in $(node -e 'console.log(Object.keys(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).properties).filter(k => k !== "$schema").join(" "))' "$SCHEMA"); do
  grep -q "^### \`$key\`" "$SOURCE_DIR/docs/config.md" && pass || fail "docs/config.md: no section for \"$key\""
done

# The complete examples in docs/config.md.
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
    n++;
    fs.writeFileSync(`${process.argv[2]}/doc-config-${n}.json`, lines.slice(j + 1, end).join("\n") + "\n");
  }
' "$SOURCE_DIR/docs/config.md" "$TMP" || fail "could not extract the examples from docs/config.md"
examples=("$TMP"/doc-config-*.json)
[ -f "${examples[0]}" ] && [ "${#examples[@]}" -ge 2 ] && pass ||
  fail "expected at least 2 complete examples in docs/config.md"

# ajv_verdicts FILE...: VERDICT[FILE]=valid, invalid, or unparsable.
source "$SOURCE_DIR/tests/lib/ajv.bash"

good=("$DATA"/good/*.json)
bad=("$DATA"/bad/*.json)
[ "${#good[@]}" -ge 3 ] && [ "${#bad[@]}" -ge 10 ] && pass ||
  fail "test data missing: ${#good[@]} good, ${#bad[@]} bad files"
ajv_verdicts "${examples[@]}" "${good[@]}" "${bad[@]}"
for f in "${examples[@]}" "${good[@]}"; do
  expect_eq "${VERDICT[$f]}" valid "ajv: ${f#"$SOURCE_DIR"/}"
done
for f in "${bad[@]}"; do
  case ${VERDICT[$f]} in
    invalid | unparsable) pass ;;
    *) fail "ajv says ${VERDICT[$f]} for ${f#"$SOURCE_DIR"/}, which backcare rejects" ;;
  esac
done

finish
