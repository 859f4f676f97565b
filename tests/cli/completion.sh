#!/usr/bin/env bash
# Shell completion: `backcare completion bash` loaded into plain bash (no bash-completion) and
# driven the way readline drives it, and linted by shellcheck; the zsh and fish scripts are
# produced and parse (completion_shells.sh drives them in the real shells). A hostile routines
# folder offers no word that is not a routine name.
source "$SOURCE_DIR/tests/cli/lib.bash"

# A user routine, and one in an extra --routines-dir.
mkdir -p "$XDG_CONFIG_HOME/backcare/routines" "$TMP/extra"
sed 's/"name": "posture"/"name": "evening-wind-down"/' "$SOURCE_DIR/routines/posture.json" \
  >"$XDG_CONFIG_HOME/backcare/routines/evening-wind-down.json"
sed 's/"name": "posture"/"name": "office-reset"/' "$SOURCE_DIR/routines/posture.json" \
  >"$TMP/extra/office-reset.json"
run "$BACKCARE" list --names
expect_out "evening-wind-down" "setup: the user routine is listed"

# `backcare` on PATH, as a user types it.
mkdir -p "$TMP/bin"
ln -s "$BACKCARE" "$TMP/bin/backcare"
export PATH="$TMP/bin:$PATH"

run "$BACKCARE" completion bash
expect_rc 0 "completion bash"
printf '%s\n' "$OUT" >"$TMP/backcare.bash"
BASH_SCRIPT=$OUT

# shellcheck disable=SC1091
source "$TMP/backcare.bash" && pass || fail "completion bash: the script does not load"
spec=$(complete -p backcare 2>&1)
FUNC=$(sed -n 's/.*-F \([^ ]*\) .*/\1/p' <<<"$spec")
[ -n "$FUNC" ] && declare -F "$FUNC" >/dev/null && pass ||
  fail "complete -p backcare: no completion function ($spec)"

# complete WORD...: completes the last word (empty for "after a space") of the command line
# WORD..., as readline would; OUT gets COMPREPLY, one per line, sorted.
complete_line() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$FUNC" backcare "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$TMP/stderr"
  OUT=$(printf '%s\n' "${COMPREPLY[@]}" | sort -u)
  ERR=$(cat "$TMP/stderr")
}

# --- the first word: commands and routines ---------------------------------------------------
complete_line backcare sh
expect_eq "$OUT" "show" "backcare sh"
complete_line backcare ''
for word in list show validate run breathe night-release hinge strength posture completion \
  evening-wind-down; do
  expect_line "$word" "backcare <TAB>"
done
expect_no_line "--help" "backcare <TAB>: options only after a dash"
complete_line backcare eve
expect_eq "$OUT" "evening-wind-down" "backcare eve: a user routine as the first word"
complete_line backcare --
for word in --help --version --routines-dir; do
  expect_line "$word" "backcare --<TAB>"
done

# --- options of a command --------------------------------------------------------------------
complete_line backcare run --spe
expect_eq "$OUT" $'--speak\n--speed' "backcare run --spe"
complete_line backcare run --spee
expect_eq "$OUT" "--speed" "backcare run --spee"
complete_line backcare run --
for word in --speed --plain --no-color --no-bell --lead-in --inhale --hold --exhale \
  --hold-empty --cycles --minutes --from-step --dry-run --events --quiet --no-log --no-ask --help \
  --routines-dir; do
  expect_line "$word" "backcare run --<TAB>"
done
expect_no_line "--json" "backcare run --<TAB>: not list's options"
complete_line backcare list --
expect_line "--names" "backcare list --<TAB>"
expect_no_line "--speed" "backcare list --<TAB>"
complete_line backcare breathe --no-
expect_eq "$OUT" "--no-ask
--no-bell
--no-color
--no-log" "backcare breathe --no-<TAB>: a shortcut has run's options"
complete_line backcare evening-wind-down --spee
expect_eq "$OUT" "--speed" "backcare ROUTINE --spee: a routine as the first word has run's options"

# --- routine names for NAME|FILE -------------------------------------------------------------
complete_line backcare run eve
expect_eq "$OUT" "evening-wind-down" "backcare run eve"
complete_line backcare show night
expect_eq "$OUT" "night-release" "backcare show night"
complete_line backcare run --speed 10 --plain eve
expect_eq "$OUT" "evening-wind-down" "backcare run OPTIONS eve: option values skipped"
complete_line "$BACKCARE" run eve
expect_eq "$OUT" "evening-wind-down" "the executable as typed (a path) lists the routines"
complete_line backcare run evening-wind-down ''
expect_eq "$OUT" "" "backcare run NAME <TAB>: no second routine"
complete_line backcare run off
expect_eq "$OUT" "" "backcare run off: not in the default folders"
complete_line backcare --routines-dir "$TMP/extra" run off
expect_eq "$OUT" "office-reset" "--routines-dir before the command goes to list --names"
complete_line backcare run --routines-dir "$TMP/extra" off
expect_eq "$OUT" "office-reset" "--routines-dir after the command goes to list --names"
complete_line backcare --routines-dir = "$TMP/extra" run off
expect_eq "$OUT" "office-reset" "--routines-dir=DIR split at '=' goes to list --names"

# --- files and directories -------------------------------------------------------------------
mkdir -p "$TMP/work/sub"
touch "$TMP/work/mine.json" "$TMP/work/notes.txt"
cd "$TMP/work" || exit 1
complete_line backcare validate ''
expect_eq "$OUT" "mine.json
sub" "backcare validate <TAB>: routine files and directories"
complete_line backcare run m
expect_eq "$OUT" "mine.json" "backcare run m: a routine file"
complete_line backcare validate mine.json ''
expect_eq "$OUT" "mine.json
sub" "backcare validate FILE <TAB>: any number of files"
complete_line backcare --routines-dir ''
expect_eq "$OUT" "sub" "backcare --routines-dir <TAB>: directories only"
complete_line backcare run --events n
expect_eq "$OUT" "notes.txt" "backcare run --events n: any file"
complete_line backcare run --events = n
expect_eq "$OUT" "notes.txt" "backcare run --events=n (split at '='): any file"
complete_line backcare run --speed ''
expect_eq "$OUT" "" "backcare run --speed <TAB>: a number, nothing to offer"
cd "$TMP" || exit 1

# --- --speak's optional value: only after "=", and a word after --speak is no value ----------
complete_line backcare breathe --speak = ''
expect_eq "$OUT" "brief
full" "backcare breathe --speak=<TAB> (split at '=')"
complete_line backcare breathe --speak=b
expect_eq "$OUT" "--speak=brief" "backcare breathe --speak=b<TAB> (not split)"
complete_line backcare run --speak eve
expect_eq "$OUT" "evening-wind-down" "backcare run --speak eve<TAB>: a routine, not a mode"
complete_line backcare history --routine b
expect_line "breathe" "backcare history --routine b<TAB>: a built-in routine"

# --- completion's own argument ---------------------------------------------------------------
complete_line backcare completion ''
expect_eq "$OUT" "bash
fish
zsh" "backcare completion <TAB>"

# --- a hostile routines folder: only valid names are listed and offered ----------------------
# Declared names with spaces, $(...), globs, escapes, a newline, capitals, a leading dash; a
# file that does not parse is named by its file name, $(touch ...) here.
mkdir -p "$TMP/hostile" "$TMP/empty"
cd "$TMP/empty" || exit 1
count=0
for name in 'evil name' '$(touch pwned)' 'glob*' $'esc\e]0;x\a' $'new\nline' 'UPPER' '-rf' \
  'fine-one'; do
  count=$((count + 1))
  python3 -c 'import json, sys
doc = json.load(open(sys.argv[1]))
doc["name"] = sys.argv[2]
json.dump(doc, open(sys.argv[3], "w"))' "$SOURCE_DIR/routines/posture.json" "$name" \
    "$TMP/hostile/r$count.json"
done
printf '{' >"$TMP/hostile/\$(touch pwned2).json"
run "$BACKCARE" --routines-dir "$TMP/hostile" list --names
expect_out "fine-one" "list --names: a valid name in a hostile folder"
bad=$(grep -cvxE '[a-z0-9][-a-z0-9]{0,39}' <<<"$OUT")
expect_eq "$bad" "0" "list --names prints only valid names (got [$OUT])"
complete_line backcare --routines-dir "$TMP/hostile" run ''
expect_line "fine-one" "hostile folder: the valid name is offered"
bad=$(grep -cvxE '[a-z0-9][-a-z0-9]{0,39}' <<<"$OUT")
expect_eq "$bad" "0" "hostile folder: only valid names offered (got [$OUT])"
# An executable that lists hostile names itself: the script filters them.
mkdir -p "$TMP/fakebin"
cat >"$TMP/fakebin/backcare" <<'FAKE'
#!/bin/sh
printf '%s\n' fake-good 'evil name' '$(touch pwned3)' 'glob*' UPPER -rf 'a;b' \
  "$(printf 'esc\033]0;x\007')" '' 'new' 'line'
FAKE
chmod +x "$TMP/fakebin/backcare"
PATH="$TMP/fakebin:$PATH" complete_line backcare run ''
expect_eq "$OUT" "fake-good
line
new" "bash: a hostile list --names is filtered"
PATH="$TMP/fakebin:$PATH" complete_line backcare ''
expect_line "fake-good" "bash: backcare <TAB> offers the valid fake name"
expect_no_line "evil name" "bash: backcare <TAB> filters a name with a space"
[ -z "$(ls -A)" ] && pass || fail "a hostile name was run as a command: $(ls -A)"
cd "$TMP" || exit 1

# --- shellcheck lints the bash script --------------------------------------------------------
if command -v shellcheck >/dev/null; then
  run shellcheck --shell=bash "$TMP/backcare.bash"
  expect_rc 0 "shellcheck: the bash script (stdout: $OUT)"
else
  fail "shellcheck is not installed (scripts/setup.sh --test installs it)"
fi

# --- the scripts follow the command definitions ----------------------------------------------
run "$BACKCARE" run --help
for option in $(grep -o -- '--[a-z][a-z-]*' <<<"$OUT" | sort -u); do
  [[ "$BASH_SCRIPT" == *"'$option'"* ]] && pass || fail "bash script lacks run's $option"
done

# --- zsh and fish ----------------------------------------------------------------------------
for shell in zsh fish; do
  run "$BACKCARE" completion "$shell"
  expect_rc 0 "completion $shell"
  [ -n "$OUT" ] && pass || fail "completion $shell: empty"
  for word in list show validate run night-release completion speed routines-dir; do
    expect_out "$word" "completion $shell"
  done
  printf '%s\n' "$OUT" >"$TMP/backcare.$shell"
  if command -v "$shell" >/dev/null; then
    run "$shell" -n "$TMP/backcare.$shell"
    expect_rc 0 "$shell -n: the $shell script parses"
  fi
done
run "$BACKCARE" completion zsh
expect_out "#compdef backcare" "completion zsh: a #compdef file"
run "$BACKCARE" completion fish
expect_out "complete -c 'backcare'" "completion fish: complete commands"

run "$BACKCARE" completion tcsh
expect_rc 2 "completion tcsh: a usage error"
run "$BACKCARE" completion
expect_rc 2 "completion without a shell: a usage error"

finish
