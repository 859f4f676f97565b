# ajv_verdicts, for the tests that check a JSON Schema with ajv (tests/cli/schema.sh,
# tests/cli/config_schema.sh). Sourced after tests/cli/lib.bash, with these set by the test:
#   AJV        the ajv-cli program          SCHEMA  the schema file
#   AJV_OPTS   an array of ajv options (--spec=draft2020 --strict=true)

# ajv_verdicts FILE...: VERDICT[FILE]=valid, invalid, or unparsable (not JSON: ajv-cli stops at
# such a file, so the files after it are checked again in another run). A file ajv says nothing
# about is a failure, and VERDICT[FILE]=none.
declare -gA VERDICT
ajv_verdicts() {
  local files=("$@") args=() rest=() f out stuck
  while [ "${#files[@]}" -gt 0 ]; do
    args=()
    for f in "${files[@]}"; do args+=(-d "$f"); done
    out=$("$AJV" validate "${AJV_OPTS[@]}" -s "$SCHEMA" "${args[@]}" 2>&1)
    rest=()
    stuck=""
    for f in "${files[@]}"; do
      if grep -qxF "$f valid" <<<"$out"; then
        VERDICT[$f]=valid
      elif grep -qxF "$f invalid" <<<"$out"; then
        VERDICT[$f]=invalid
      elif [ -z "$stuck" ] && grep -qF "$f:" <<<"$out"; then
        VERDICT[$f]=unparsable
        stuck=$f
      else
        rest+=("$f")
      fi
    done
    if [ -z "$stuck" ] && [ "${#rest[@]}" -gt 0 ]; then
      fail "ajv gave no verdict for ${rest[*]}: $out"
      # shellcheck disable=SC2034  # VERDICT is read by the test that sources this file
      for f in "${rest[@]}"; do VERDICT[$f]=none; done
      rest=()
    fi
    files=("${rest[@]}")
  done
}
