#!/usr/bin/env bash
# The package as a person installs it: `apt-get install ./backcare_*.deb`, then backcare from
# /usr/bin, its manual page and its completions as bash-completion, zsh and fish find them; then
# `apt-get purge`, after which nothing of it is left outside the user's own folders.
# Usage: tests/package/install.sh build-deb/backcare_VERSION_ARCH.deb   (root or sudo; changes
# the system, so it is not a ctest entry: scripts/package.sh --check and CI run it).
set -euo pipefail
deb=$(realpath "${1:?usage: tests/package/install.sh PATH/TO/backcare_VERSION_ARCH.deb}")
export SOURCE_DIR
SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
export BACKCARE=/usr/bin/backcare
# The helpers of the CLI tests; they also point XDG_CONFIG_HOME and XDG_STATE_HOME at a
# temporary folder, the user's own folders for this test.
source "$SOURCE_DIR/tests/cli/lib.bash"
export HOME="$TMP/home"
mkdir -p "$HOME"

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
apt_get() { DEBIAN_FRONTEND=noninteractive $sudo apt-get -y -qq "$@" >"$TMP/apt.log" 2>&1; }

if dpkg-query -W -f='${Status}' backcare 2>/dev/null | grep -q 'install ok installed'; then
  echo "install.sh: backcare is installed already; purge it first (apt-get purge backcare)" >&2
  exit 1
fi
# What the checks use: the shells' completion loaders and man.
tools=(bash-completion zsh fish man-db binutils)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $sudo apt-get update -qq
  apt_get install --no-install-recommends "${missing[@]}"
fi

# Every path a package could leave behind, minus dpkg's and apt's own records and caches.
snapshot() {
  {
    find /usr /etc /var /opt -xdev \
      \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/cache -o -path /var/log \
      -o -path /var/tmp -o -path /var/backups \) -prune -o -print 2>/dev/null || true
  } | LC_ALL=C sort
}
snapshot >"$TMP/before"

# --- install ---------------------------------------------------------------------------------
purge() { apt_get purge backcare || true; }
trap 'purge; rm -rf "$TMP"' EXIT
apt_get install "$deb" && RC=0 || RC=$?
ERR=$(tail -n 20 "$TMP/apt.log")
expect_rc 0 "apt-get install $deb"
[ "$RC" -eq 0 ] || { finish; exit 1; }
echo "--- dpkg -L backcare ---"
dpkg -L backcare | tee "$TMP/files"
echo "---"

# --- the program -----------------------------------------------------------------------------
run command -v backcare
expect_eq "$OUT" /usr/bin/backcare "backcare is on PATH in /usr/bin"
run backcare --version
expect_rc 0 "backcare --version"
expect_eq "$OUT" "backcare $(head -n1 "$SOURCE_DIR/VERSION")" "--version: the VERSION file's"
run backcare list
expect_rc 0 "backcare list"
expect_out "breathe           5:00  360° breathing  [built-in]" "list: the built-in breathing"
run backcare breathe --plain --speed 100 --no-log --no-ask
expect_rc 0 "backcare breathe --plain --speed 100 --no-log --no-ask"
expect_out "end: completed" "breathe: to the end"
expect_eq "$ERR" "" "breathe: nothing on stderr"
expect_eq "$(find "$TMP/state" -type f 2>/dev/null)" "" "breathe --no-log: no journal written"

# Stripped (no symbol table; the symbols are in backcare-dbgsym), and hardened as dpkg-buildflags
# asks: position independent, read-only relocations bound at start.
elf() { readelf "$@" /usr/bin/backcare 2>/dev/null; }
elf -S --wide | grep -q ' \.symtab ' && fail "/usr/bin/backcare still has a .symtab" || pass
elf -h | grep -q 'DYN (Position-Independent' && pass || fail "/usr/bin/backcare is not PIE"
elf -l --wide | grep -q GNU_RELRO && pass || fail "/usr/bin/backcare has no RELRO"
elf -d | grep -q BIND_NOW && pass || fail "/usr/bin/backcare is not linked with -z now"

# --- the manual page and data ------------------------------------------------------------------
run man -w backcare
expect_eq "$OUT" /usr/share/man/man1/backcare.1.gz "man -w backcare"
for f in routines/breathe.json routines/hinge.json routines/night-release.json \
  routines/posture.json routines/strength.json schemas/schema.json schemas/config.schema.json; do
  [ -f "/usr/share/backcare/$f" ] && pass || fail "no /usr/share/backcare/$f"
done
run cmp /usr/share/backcare/schemas/schema.json <(backcare schema)
expect_rc 0 "schemas/schema.json is \`backcare schema\`"
[ -f /usr/share/doc/backcare/copyright ] && pass || fail "no /usr/share/doc/backcare/copyright"
run ls /usr/share/doc/backcare
expect_out "README.md" "/usr/share/doc/backcare has the README"

# --- completions, as each shell loads them on its own -----------------------------------------
# (the loader returns 124, "retry the completion", when it has loaded one)
run bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader backcare
  complete -p backcare'
expect_rc 0 "bash-completion loads a completion for backcare"
expect_out "complete -F" "bash-completion: a completion function"
run zsh -f -c 'autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump" &&
  print -r -- ${_comps[backcare]}'
expect_eq "$OUT" "_backcare" "zsh compinit finds _backcare on its own fpath"
run fish -c 'complete -C "backcare "'
expect_out "breathe" "fish completes \`backcare \` with the commands"

# --- purge: nothing of it is left --------------------------------------------------------------
trap 'rm -rf "$TMP"' EXIT
apt_get purge backcare && RC=0 || RC=$?
ERR=$(tail -n 20 "$TMP/apt.log")
expect_rc 0 "apt-get purge backcare"
run dpkg-query -W -f='${Status}' backcare
[[ "$OUT" != *installed* || "$OUT" == *not-installed* ]] && pass || fail "still installed: $OUT"
left=$(while IFS= read -r f; do
  if [ "$f" != /. ] && [ ! -d "$f" ] && { [ -e "$f" ] || [ -L "$f" ]; }; then printf '%s\n' "$f"; fi
done <"$TMP/files")
expect_eq "$left" "" "purge: every file of the package is gone"
for d in /usr/share/backcare /usr/share/doc/backcare; do
  [ ! -e "$d" ] && pass || fail "purge left $d"
done
# New paths since before the install: only files of the dependencies apt brought in may remain.
snapshot >"$TMP/after"
strays=$(LC_ALL=C comm -13 "$TMP/before" "$TMP/after" | while IFS= read -r p; do
  dpkg -S "$p" >/dev/null 2>&1 || printf '%s\n' "$p"
done)
expect_eq "$strays" "" "purge: no new path outside the user's folders that no package owns"
finish
