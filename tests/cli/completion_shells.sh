#!/usr/bin/env bash
# The zsh and fish completions in the real shells: fish answers `complete -C LINE`; zsh runs
# interactively on a pseudo-terminal (zsh/zpty) with compinit and the generated _backcare on
# $fpath, gets LINE and a TAB, and prints what the completion offered (completion/zsh_*.zsh).
# Commands, options, routine names, choices; a hostile name is never offered.
source "$SOURCE_DIR/tests/cli/lib.bash"
for shell in zsh fish; do
  command -v "$shell" >/dev/null || fail "$shell is not installed (scripts/setup.sh --test installs it)"
done
[ "$FAILS" -eq 0 ] || { finish; exit 1; }

# A user routine; a folder with a valid and a hostile name; an executable that lists hostile
# names itself (the scripts must filter them).
mkdir -p "$XDG_CONFIG_HOME/backcare/routines" "$TMP/extra" "$TMP/bin" "$TMP/fakebin" \
  "$TMP/fpath" "$TMP/empty" "$TMP/zsh"
sed 's/"name": "posture"/"name": "evening-wind-down"/' "$SOURCE_DIR/routines/posture.json" \
  >"$XDG_CONFIG_HOME/backcare/routines/evening-wind-down.json"
sed 's/"name": "posture"/"name": "office-reset"/' "$SOURCE_DIR/routines/posture.json" \
  >"$TMP/extra/office-reset.json"
sed 's/"name": "posture"/"name": "evil name"/' "$SOURCE_DIR/routines/posture.json" \
  >"$TMP/extra/evil.json"
cat >"$TMP/fakebin/backcare" <<'FAKE'
#!/bin/sh
printf '%s\n' fake-good 'evil name' '$(touch pwned)' 'glob*' UPPER -rf 'a;b' \
  "$(printf 'esc\033]0;x\007')" ''
FAKE
chmod +x "$TMP/fakebin/backcare"
ln -s "$BACKCARE" "$TMP/bin/backcare"
export PATH="$TMP/bin:$PATH"
"$BACKCARE" completion zsh >"$TMP/fpath/_backcare"
"$BACKCARE" completion fish >"$TMP/backcare.fish"
cd "$TMP/empty" || exit 1  # no files to offer, nothing to create

# fish_complete LINE: OUT gets what fish offers for LINE, one word per line, sorted.
fish_complete() {
  OUT=$(timeout 10 fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
    "$TMP/backcare.fish" "$1" 2>"$TMP/stderr" | cut -f1 | sort -u)
  ERR=$(cat "$TMP/stderr")
}

# zsh_complete LINE...: one interactive zsh completes each LINE; ZSH_OUT[i] gets the words.
zsh_complete() {
  rm -f "$TMP/zsh/"*
  ZC_FPATH="$TMP/fpath" timeout 10 zsh -f "$SOURCE_DIR/tests/cli/completion/zsh_drive.zsh" \
    "$SOURCE_DIR/tests/cli/completion/zsh_setup.zsh" "$TMP/zsh" "$@" 2>"$TMP/stderr" ||
    fail "zsh_drive: exit $? ($(cat "$TMP/stderr"))"
  ZSH_OUT=()
  local i
  for ((i = 1; i <= $#; i++)); do
    ZSH_OUT[i]=$( (grep -v '^$' "$TMP/zsh/$i" 2>/dev/null || true) | sort -u)
  done
}

# expect_names WHAT: every word in OUT is a routine name, a command or an option.
expect_valid() {
  local bad
  bad=$(grep -vxE -- '-{0,2}[a-z0-9][-a-z0-9]{0,39}' <<<"$OUT" | grep -v '^$')
  [ -z "$bad" ] && pass || fail "$1: offers [$bad]"
}

# check SHELL: the expectations on OUT for each line, the same for both shells.
lines=(
  'backcare '
  'backcare li'
  'backcare run --spe'
  'backcare list --'
  'backcare completion '
  'backcare run eve'
  'backcare ni'
  'backcare --routines-dir ../extra run '
  'backcare run evening-wind-down --no-'
)
check() {
  local shell=$1
  OUT=${RESULT[0]}
  for word in list show validate run completion night-release breathe evening-wind-down; do
    expect_line "$word" "$shell: backcare <TAB>"
  done
  expect_no_line "--help" "$shell: backcare <TAB>: options only after a dash"
  expect_valid "$shell: backcare <TAB>"
  OUT=${RESULT[1]}
  expect_eq "$OUT" "list" "$shell: backcare li<TAB>"
  OUT=${RESULT[2]}
  expect_eq "$OUT" $'--speak\n--speed' "$shell: backcare run --spe<TAB>"
  OUT=${RESULT[3]}
  expect_line "--names" "$shell: backcare list --<TAB>"
  expect_line "--json" "$shell: backcare list --<TAB>"
  expect_no_line "--speed" "$shell: backcare list --<TAB>"
  OUT=${RESULT[4]}
  expect_eq "$OUT" $'bash\nfish\nzsh' "$shell: backcare completion <TAB>"
  OUT=${RESULT[5]}
  expect_eq "$OUT" "evening-wind-down" "$shell: backcare run eve<TAB>: a user routine"
  OUT=${RESULT[6]}
  expect_eq "$OUT" "night-release" "$shell: backcare ni<TAB>: a routine as the first word"
  OUT=${RESULT[7]}
  expect_line "office-reset" "$shell: --routines-dir goes to list --names"
  expect_no_line "evil name" "$shell: a hostile name from --routines-dir"
  expect_valid "$shell: --routines-dir with a hostile routine"
  OUT=${RESULT[8]}
  expect_line "--no-color" "$shell: backcare run NAME --no-<TAB>"
  expect_line "--no-bell" "$shell: backcare run NAME --no-<TAB>"
  OUT=${RESULT[9]}
  expect_eq "$OUT" "fake-good" "$shell: a hostile list --names is filtered"
  [ -z "$(ls -A)" ] && pass || fail "$shell: a hostile name was run: $(ls -A)"
}

# fish
RESULT=()
for line in "${lines[@]}"; do
  fish_complete "$line"
  RESULT+=("$OUT")
done
PATH="$TMP/fakebin:$PATH" fish_complete 'backcare run '
RESULT+=("$OUT")
check fish

# zsh: one session for the real folders, one with the hostile executable first on PATH.
zsh_complete "${lines[@]}"
RESULT=("${ZSH_OUT[@]}")
PATH="$TMP/fakebin:$PATH" zsh_complete 'backcare run '
RESULT+=("${ZSH_OUT[1]}")
check zsh

# After `run` and `show` every routine is offered, the built-ins too (each built-in name is
# also a command; only the command's place leaves those out, where they are commands).
builtins_offered() {
  local shell=$1 i=0 line
  for line in 'backcare run ' 'backcare show '; do
    OUT=${RESULT[i]}
    i=$((i + 1))
    for word in breathe hinge night-release posture strength evening-wind-down; do
      expect_line "$word" "$shell: $line<TAB>"
    done
    expect_no_line "list" "$shell: $line<TAB>: no commands"
  done
}
# --speak=MODE and history --routine NAME.
values_offered() {
  local shell=$1
  # fish offers the whole word, zsh what follows the "=".
  OUT=$(sed 's/^--speak=//' <<<"${RESULT[2]}")
  expect_eq "$OUT" $'brief\nfull' "$shell: backcare breathe --speak=<TAB>"
  OUT=${RESULT[3]}
  for word in breathe night-release evening-wind-down; do
    expect_line "$word" "$shell: backcare history --routine <TAB>"
  done
}
more=('backcare run ' 'backcare show ' 'backcare breathe --speak=' 'backcare history --routine ')
RESULT=()
for line in "${more[@]}"; do
  fish_complete "$line"
  RESULT+=("$OUT")
done
builtins_offered fish
values_offered fish
zsh_complete "${more[@]}"
RESULT=("${ZSH_OUT[@]}")
builtins_offered zsh
values_offered zsh

finish
