# Shared helpers for the terminal tests: backcare runs in a real terminal, a tmux pane, and the
# tests read the screen with `tmux capture-pane`. Sourced, not run (no .sh suffix, so CTest does
# not list it).
#
# Every test script gets its own tmux server (a socket in its own temp dir), so tests cannot
# collide with each other or with a tmux the developer is using. Nothing waits a fixed time for
# output: wait_for / wait_until poll the screen every 50 ms until the text is there or a timeout
# passes (then the test fails with the screen dumped).
#
# In the pane runs a clean shell (bash --norc --noprofile, env -i; ASAN_OPTIONS is kept, so
# faketime works under the sanitizers) with:
#   $B   the backcare binary          $D  the test's temp dir (the shell's working directory)
#   r CMD...  records `stty -g` in $D/stty.before, runs CMD, records `stty -g` in
#             $D/stty.after, then prints "EXIT=<code of CMD>"
#   f         the same for `fg` (resume the stopped job, then report its exit code)
# and the routine files of tests/data/run/ under their own names in $D (small.json, ...).
#
# pass, fail, skip, expect_eq, expect_line, records and finish come from tests/lib/checks.bash.
set -u
: "${BACKCARE:?set BACKCARE to the built binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
source "$SOURCE_DIR/tests/lib/checks.bash"

# The tests need tmux: without it they fail (scripts/setup.sh --test installs it), they do not
# skip, so a CI machine without tmux cannot pass silently.
if ! command -v tmux >/dev/null 2>&1; then
  printf 'FAIL: tmux is not installed; run scripts/setup.sh --test\n' >&2
  exit 1
fi

# Character counts (${#line}) and grep bracket expressions must see UTF-8 (█, ░, ·).
for _loc in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
  if locale -a 2>/dev/null | grep -qx "$_loc"; then
    export LC_ALL=$_loc
    break
  fi
done
unset _loc

TMP=$(mktemp -d)
SOCK="$TMP/tmux.0.sock"
STARTS=0
TARGET=t
tm() { tmux -u -S "$SOCK" "$@"; }
tty_cleanup() {
  tm kill-server >/dev/null 2>&1
  rm -rf "$TMP" 2>/dev/null || { sleep 0.2; rm -rf "$TMP"; }
}
trap tty_cleanup EXIT

for _f in "$SOURCE_DIR"/tests/data/run/*.json; do
  ln -s "$_f" "$TMP/$(basename "$_f")"
done
unset _f

# tty_start [COLS] [ROWS] [SHELL]: a fresh tmux server with one COLSxROWS pane running a clean
# shell (bash, or dash: which restores no terminal mode after its jobs), the screen cleared.
# Any earlier server of this test is killed first; the new one gets a new socket, so it cannot
# race with the old one's exit.
tty_start() {
  local cols=${1:-80} rows=${2:-24} shell='bash --norc --noprofile -i'
  [ "${3:-bash}" == dash ] && shell='dash -i'
  tm kill-server >/dev/null 2>&1
  STARTS=$((STARTS + 1))
  SOCK="$TMP/tmux.$STARTS.sock"
  tm -f /dev/null new-session -d -s "$TARGET" -x "$cols" -y "$rows" \
    "env -i PATH='$PATH' HOME='$TMP' XDG_CONFIG_HOME='$TMP/config' LANG='${LC_ALL:-C.UTF-8}' \
       TERM=xterm-256color PS1='$ ' B='$BACKCARE' D='$TMP' ASAN_OPTIONS='${ASAN_OPTIONS:-}' \
       $shell" || { fail "tmux new-session failed"; return 1; }
  tm set-option -g remain-on-exit on >/dev/null
  # TERM set again inside the pane, a simple prompt, no history file, the helper functions.
  type_line 'export TERM=xterm-256color PS1="$ "; unset HISTFILE; cd "$D"'
  type_line 'r() { stty -g >"$D/stty.before"; "$@"; c=$?; stty -g >"$D/stty.after"; echo "EXIT=$c"; }'
  type_line 'f() { fg; c=$?; stty -g >"$D/stty.after"; echo "EXIT=$c"; }'
  type_line 'echo "READY""-$$"'
  wait_for 'READY-[0-9]+' 10 || return 1
  pane_clear
}

# type_line TEXT: types TEXT into the pane literally, then Enter.
type_line() {
  tm send-keys -t "$TARGET" -l -- "$1"
  tm send-keys -t "$TARGET" Enter
}

# keys KEY...: tmux key names (Space, Escape, Right, C-c, q, ...).
keys() { tm send-keys -t "$TARGET" "$@"; }

# pane_clear: resets the pane's terminal (clears the screen) and drops the scrollback, so
# a later wait_for cannot match what an earlier command left on the screen.
pane_clear() {
  tm send-keys -t "$TARGET" -R
  tm clear-history -t "$TARGET"
}

# screen: the visible pane text, one line per screen row, trailing blanks trimmed.
screen() { tm capture-pane -p -t "$TARGET"; }

# screen_joined: the same with wrapped lines joined (a line wider than the pane shows as one
# long line); trailing blanks trimmed (tmux keeps cleared cells with -J).
screen_joined() { tm capture-pane -p -J -t "$TARGET" | sed 's/[[:space:]]*$//'; }

# dump: the screen, for failure messages.
dump() {
  printf -- '----- screen -----\n%s\n------------------\n' "$(screen)" >&2
}

# wait_until 'SHELL CONDITION' [TIMEOUT_S] [WHAT]: polls every 50 ms, with $SCREEN set to the
# current screen, until the condition holds. On timeout: a failure with the screen dumped.
wait_until() {
  local cond=$1 timeout=${2:-10} what=${3:-$1}
  local deadline=$(($(date +%s%N) + timeout * 1000000000))
  while :; do
    SCREEN=$(screen)
    if eval "$cond"; then
      return 0
    fi
    if [ "$(date +%s%N)" -gt "$deadline" ]; then
      fail "timed out after ${timeout}s waiting for: $what"
      dump
      return 1
    fi
    sleep 0.05
  done
}

# wait_for ERE [TIMEOUT_S]: waits until the screen contains a match of the extended regex.
WANT=
wait_for() {
  WANT=$1
  wait_until 'grep -Eq -- "$WANT" <<<"$SCREEN"' "${2:-10}" "[$1] on the screen"
}

# wait_gone ERE [TIMEOUT_S]: waits until nothing on the screen matches.
wait_gone() {
  # shellcheck disable=SC2034  # read by the condition wait_until evals
  WANT=$1
  wait_until '! grep -Eq -- "$WANT" <<<"$SCREEN"' "${2:-10}" "[$1] to leave the screen"
}

# history_lines: every line tmux holds for the pane, scrollback and screen.
history_lines() { tm capture-pane -p -S - -t "$TARGET" | wc -l; }

# line ERE: the first line of the current screen matching ERE.
line() { screen | grep -Em1 -- "$1"; }

# bar_line: the breath bar, a line of eighth blocks and light shade only.
BAR_RE='^[█▉▊▋▌▍▎▏░]+$'
bar_line() { line "$BAR_RE"; }

# left_line: the routine progress line ("███░░░ 1:14 left").
left_line() { line ' left$'; }

# exit_code [TIMEOUT_S]: waits for "EXIT=N" and prints N.
exit_code() {
  wait_for 'EXIT=[0-9]+' "${1:-10}" || { echo none; return 1; }
  grep -Eo 'EXIT=[0-9]+' <<<"$SCREEN" | tail -1 | cut -d= -f2
}

# app_pid: the pid of the backcare process running in the pane (the shell's child).
app_pid() {
  local shell_pid pid deadline=$(($(date +%s%N) + 5000000000))
  shell_pid=$(tm display -p -t "$TARGET" '#{pane_pid}')
  while :; do
    pid=$(pgrep -P "$shell_pid" -x backcare | head -1)
    if [ -n "$pid" ]; then
      echo "$pid"
      return 0
    fi
    [ "$(date +%s%N)" -gt "$deadline" ] && return 1
    sleep 0.05
  done
}

# cursor_visible: 1 when the pane's cursor is shown, 0 when hidden (ESC[?25l).
cursor_visible() { tm display -p -t "$TARGET" '#{cursor_flag}'; }

# expect_stty_same WHAT: the terminal settings after the run equal those before it.
expect_stty_same() {
  local before after
  before=$(cat "$TMP/stty.before" 2>/dev/null)
  after=$(cat "$TMP/stty.after" 2>/dev/null)
  if [ -n "$before" ] && [ "$before" == "$after" ]; then
    pass
  else
    fail "$1: stty -g before [$before] and after [$after] differ"
  fi
  rm -f "$TMP/stty.after"
}

# expect_screen ERE WHAT / expect_no_screen ERE WHAT: the screen shows (does not show) ERE,
# allowing up to 2 s for it (a capture can fall between the bytes of one frame).
expect_screen() {
  WANT=$1
  wait_until 'grep -Eq -- "$WANT" <<<"$SCREEN"' 2 "$2: [$1] on the screen" && pass
}
expect_no_screen() {
  WANT=$1
  wait_until '! grep -Eq -- "$WANT" <<<"$SCREEN"' 2 "$2: no [$1] on the screen" && pass
}
