#!/usr/bin/env bash
# Nothing is lost at a question: the session's record is in the journal before "Back pain now"
# or "What made you stop?" is asked, so SIGTERM, SIGHUP or SIGINT sent there, a closed window
# (tmux kill-window: SIGHUP and a hung-up terminal) or the question's timeout (60 s, run 30
# times faster under faketime) keep it. A signal at a question ends it as during the session:
# the terminal's mode restored (echo and icanon on again, the same `stty -g`), exit 128 + the
# signal; SIGTSTP stops it with the mode restored and `fg` brings the question back. Each case
# runs with bash and with dash as the pane's shell (dash restores no terminal mode after a job,
# so a mode left behind shows).
source "$SOURCE_DIR/tests/tty/lib.bash"
HISTORY="$TMP/.local/state/backcare/history.jsonl"

# field N FIELD: a member of the journal's line N (1-based; -1 the last), as Python prints it.
field() {
  python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[int(sys.argv[2]) - (0 if int(sys.argv[2]) < 0 else 1)]).get(sys.argv[3]))' \
    "$HISTORY" "$1" "$2" 2>/dev/null
}

# expect_modes WHAT: `stty -a` in the pane after the run shows echo and icanon (not -echo,
# -icanon): the shell's prompt reads lines and shows what is typed.
expect_modes() {
  rm -f "$TMP/stty.a"
  type_line 'stty -a >"$D/stty.a"'
  wait_until '[ -s "$TMP/stty.a" ]' 5 "$1: stty -a written" || return
  local words
  words=$(tr ' ;' '\n\n' <"$TMP/stty.a")
  grep -qx echo <<<"$words" && pass || fail "$1: echo is off after the run"
  grep -qx icanon <<<"$words" && pass || fail "$1: icanon is off after the run"
}

# at_pain SHELL [FAKETIME]: a completed session waiting at the pain question (run under
# `faketime -f FAKETIME` when given).
at_pain() {
  tty_start 100 24 "$1" || return 1
  type_line "r ${2:+faketime -f '$2'} \$B run small.json --speed 100 --lead-in 0"
  wait_for 'Back pain now, 0–10\? \(Enter to skip\)' 10
}

# at_sign SHELL [FAKETIME]: a safety stop waiting at "What made you stop?".
at_sign() {
  tty_start 100 24 "$1" || return 1
  type_line "r ${2:+faketime -f '$2'} \$B run small.json --lead-in 0"
  wait_for '▲ INHALE [0-9]' 5 || return 1
  tm send-keys -t "$TARGET" -l '!'
  wait_for 'What made you stop\?' 5
}

# signal_at QUESTION SHELL SIG CODE STATUS: SIG sent to backcare waiting at QUESTION (pain or
# sign) ends it with CODE, the terminal restored, and the session recorded with STATUS.
signal_at() {
  local what="$2, SIG$3 at the $1 question"
  rm -f "$HISTORY"
  "at_$1" "$2" || { fail "$what: not at the question"; return; }
  local pid
  pid=$(app_pid) || { fail "$what: no backcare process"; return; }
  kill -"$3" "$pid"
  expect_eq "$(exit_code)" "$4" "$what: exit code"
  expect_stty_same "$what"
  expect_modes "$what"
  expect_eq "$(records)" 1 "$what: one record"
  expect_eq "$(field 1 kind)" session "$what: the session's record"
  expect_eq "$(field 1 status)" "$5" "$what: its status"
}

# closed_window QUESTION SHELL STATUS: the window closed at QUESTION keeps the session's record.
closed_window() {
  local what="$2, window closed at the $1 question"
  rm -f "$HISTORY"
  "at_$1" "$2" || { fail "$what: not at the question"; return; }
  local pid
  pid=$(app_pid) || { fail "$what: no backcare process"; return; }
  tm kill-window -t "$TARGET"
  local tries=0
  while kill -0 "$pid" 2>/dev/null && [ $tries -lt 100 ]; do
    sleep 0.05
    tries=$((tries + 1))
  done
  kill -0 "$pid" 2>/dev/null && fail "$what: backcare still runs 5 s after" || pass
  expect_eq "$(records)" 1 "$what: one record"
  expect_eq "$(field 1 kind)" session "$what: the session's record"
  expect_eq "$(field 1 status)" "$3" "$what: its status"
}

# timed_out QUESTION SHELL CODE STATUS: nothing typed for the question's 60 s (30 times faster
# under faketime: 2 s) gives up, keeps the session's record and exits with the session's CODE.
timed_out() {
  local what="$2, the $1 question timed out"
  rm -f "$HISTORY"
  "at_$1" "$2" '+0 x30' || { fail "$what: not at the question"; return; }
  expect_eq "$(exit_code 10)" "$3" "$what: exit code"
  expect_stty_same "$what"
  expect_modes "$what"
  expect_eq "$(records)" 1 "$what: one record"
  expect_eq "$(field 1 status)" "$4" "$what: its status"
}

# answered SHELL: an answer is appended as its own record naming the session, and history
# shows it with its session.
answered() {
  rm -f "$HISTORY"
  at_pain "$1" || return
  keys 4 Enter
  expect_eq "$(exit_code)" 0 "$1, answered: exit 0"
  expect_eq "$(records)" 2 "$1, answered: session and answer"
  expect_eq "$(field 2 kind)" answer "$1, answered: an answer record"
  expect_eq "$(field 2 answers)" "$(field 1 id)" "$1, answered: it names the session"
  expect_eq "$(field 2 pain)" 4 "$1, answered: the pain"
  expect_eq "$(field 1 pain)" None "$1, answered: the session's line is not rewritten"
  expect_eq "$(env -u XDG_STATE_HOME HOME="$TMP" "$BACKCARE" history --json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r), r[0]["pain"])')" \
    "1 4" "$1, answered: history --json joins the pain to its session"
}

# stopped SHELL: SIGTSTP at the question stops backcare with the terminal's mode restored (the
# shell reports the stopped job: 148); after fg the question takes its answer again.
stopped() {
  rm -f "$HISTORY"
  at_pain "$1" || return
  local pid
  pid=$(app_pid) || { fail "$1, stopped: no backcare process"; return; }
  kill -TSTP "$pid"
  expect_eq "$(exit_code)" 148 "$1, stopped at the question"
  expect_stty_same "$1, stopped at the question"
  expect_eq "$(records)" 1 "$1, stopped: the session recorded"
  pane_clear
  type_line 'f'
  wait_for '"\$\{?@' 5 || return  # the shell names the job it continues: "$@"
  keys 5 Enter
  expect_eq "$(exit_code)" 0 "$1, stopped, fg, 5 Enter: exit 0"
  expect_eq "$(field 2 pain)" 5 "$1, stopped, fg: the answer recorded"
  expect_stty_same "$1, stopped, fg, answered"
}

for sh in bash dash; do
  signal_at pain "$sh" TERM 143 completed
  signal_at pain "$sh" HUP 129 completed
  signal_at pain "$sh" INT 130 completed
  signal_at sign "$sh" TERM 143 safety-stop
  signal_at sign "$sh" HUP 129 safety-stop
  signal_at sign "$sh" INT 130 safety-stop
  closed_window pain "$sh" completed
  closed_window sign "$sh" safety-stop
  timed_out pain "$sh" 0 completed
  timed_out sign "$sh" 3 safety-stop
  answered "$sh"
  stopped "$sh"
done
finish
