#!/usr/bin/env bash
# docs/backcare.1: renders without a warning, and names every command, option and exit code the
# program's own --help shows (so a new option without documentation fails here).
source "$SOURCE_DIR/tests/cli/lib.bash"
PAGE="$SOURCE_DIR/docs/backcare.1"

[ -f "$PAGE" ] && pass || fail "no $PAGE"

# --- it renders cleanly ----------------------------------------------------------------------
if command -v groff >/dev/null; then
  run groff -man -ww -z "$PAGE"
  expect_rc 0 "groff -man -ww -z"
  expect_eq "$ERR" "" "groff -man -ww -z: no warnings"
else
  printf 'note: groff not installed (scripts/setup.sh --test installs groff-base); not rendered\n'
fi
if command -v man >/dev/null; then
  OUT=$(MANWIDTH=80 MANPAGER=cat man --warnings -l "$PAGE" 2>"$TMP/stderr") && RC=0 || RC=$?
  ERR=$(cat "$TMP/stderr")
  expect_rc 0 "man --warnings -l"
  expect_eq "$ERR" "" "man --warnings -l: no warnings"
  expect_out "EXIT STATUS" "man: rendered text"
fi

# The page's text as written, with roff's \- as a plain dash.
TEXT=$(sed 's/\\-/-/g' "$PAGE")
# section NAME: the lines of .SH NAME up to the next .SH.
section() { awk -v name="$1" '/^\.SH /{on = ($0 == ".SH " name)} on' <<<"$TEXT"; }
COMMANDS=$(section COMMANDS)
EXIT_STATUS=$(section "EXIT STATUS")

# --- the version -----------------------------------------------------------------------------
run "$BACKCARE" --version
expect_rc 0 "--version"
th=$(grep '^\.TH ' <<<"$TEXT")
[[ "$th" == *"\"$OUT\""* ]] && pass || fail ".TH names [$OUT]: got [$th]"

# --- every command and option of --help ------------------------------------------------------
run "$BACKCARE" --help
expect_rc 0 "--help"
ROOT_HELP=$OUT
subcommands=$(awk '/^Subcommands:/{on = 1; next} on && /^$/{exit} on {print $1}' <<<"$ROOT_HELP")
[ -n "$subcommands" ] && pass || fail "--help lists no subcommands: [$ROOT_HELP]"
for command in $subcommands; do
  grep -qE "^\.(B|BI|BR) $command( |$)" <<<"$COMMANDS" && pass ||
    fail "COMMANDS lacks $command (a .B, .BI or .BR line)"
done

check_options() {  # WHERE HELP-TEXT
  local option
  for option in $(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$2" | sort -u); do
    grep -qE -- "^\.(B|BI|BR) $option( |$)" <<<"$TEXT" && pass ||
      fail "OPTIONS lacks $option (from $1)"
  done
}
check_options "backcare --help" "$ROOT_HELP"
for command in $subcommands; do
  run "$BACKCARE" "$command" --help
  expect_rc 0 "$command --help"
  check_options "backcare $command --help" "$OUT"
done

# --- every exit code of --help ---------------------------------------------------------------
codes=$(sed -n '/^Exit codes:/,/^$/p' <<<"$ROOT_HELP" | grep -oE '^  [0-9]+(, [0-9]+)*' | tr -d ',')
[ -n "$codes" ] && pass || fail "--help lists no exit codes"
for code in $codes 73 141; do
  grep -qE "^\.BR? (.* )?$code( |$)" <<<"$EXIT_STATUS" && pass || fail "EXIT STATUS lacks $code"
done

# --- the sections a man page needs, and the safety note ---------------------------------------
for name in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS "EXIT STATUS" ENVIRONMENT FILES \
  EXAMPLES "SEE ALSO"; do
  grep -qxF ".SH $name" <<<"$TEXT" && pass || fail "no .SH $name"
done
for variable in XDG_CONFIG_HOME HOME NO_COLOR TERM COLUMNS; do
  grep -qxF ".B $variable" <<<"$(section ENVIRONMENT)" && pass || fail "ENVIRONMENT lacks $variable"
done
flat=$(tr '\n' ' ' <<<"$TEXT")
expect_eq "$(grep -c 'not medical advice' <<<"$flat")" 1 "the safety note"
[[ "$flat" == *"leaking, heaviness or abdominal doming"*"pelvic-floor physiotherapist"* ]] &&
  pass || fail "the safety note names the signs and the physiotherapist"

finish
