#!/usr/bin/env bash
# Readers stay linear and bounded: one journal line of very many members, a journal of
# 300,000 damaged lines and a config file of tens of thousands of unknown or repeated keys are
# read in time linear in their size, and their warnings and errors are capped (the first few,
# then "and N more"). Inputs come from tests/gen_readers.py; the figures before and after are
# in docs/RELIABILITY.md.
source "$SOURCE_DIR/tests/cli/lib.bash"
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 77; }
umask 077  # the journal as backcare keeps it (0600), so no warning about its mode
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$TMP"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
mkdir -p "$XDG_STATE_HOME/backcare" "$XDG_CONFIG_HOME/backcare"
HISTORY="$XDG_STATE_HOME/backcare/history.jsonl"
GEN="$SOURCE_DIR/tests/gen_readers.py"
lines() { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l; fi; }
# err_has TEXT NAME: like expect_err, but a failure quotes only the first lines of stderr (the
# old binary printed 300,000 of them).
err_has() {
  grep -qF -- "$1" <<<"$ERR" && pass ||
    fail "$2: stderr lacks [$1]; its first lines: [$(printf '%s\n' "$ERR" | head -3)]"
}

# One record of 100,000 unknown members (kept, as the journal keeps what it does not know).
# Before: a member lookup per key made reading quadratic; history took about 27 s and
# history --forget twice that (6.6 s and 13.8 s at 40,000 members).
python3 "$GEN" wide-journal "$HISTORY" 100000
run timeout 10 "$BACKCARE" history
expect_rc 0 "wide line: history"
expect_eq "$(lines "$OUT")" 4 "wide line: the header and three records"
expect_out "0000wide  2026-12-01 21:00" "wide line: the wide record is shown (its id as history shows it)"
expect_eq "$ERR" "" "wide line: no warning"
# Written back as JSON with every member kept, in order (before: 10 s at 40,000 members).
run timeout 10 "$BACKCARE" history --json
expect_rc 0 "wide line: history --json"
expect_eq "$(lines "$OUT")" 5 "wide line: three records in a JSON array"
expect_out '"status":"completed","x0":0,"x1":1,"x2":2,' "wide line: unknown members kept in order"
expect_out '"x99999":99999},' "wide line: the last member kept"
run timeout 10 "$BACKCARE" history --forget 20261201T210000-0000wide
expect_rc 0 "wide line: forget"
expect_out "Forgot the breathe session of 2026-12-01 21:00" "wide line: forgotten"
expect_eq "$(wc -l <"$HISTORY")" 2 "wide line: the other two lines kept"

# 300,000 damaged lines between two good ones. Before: 300,000 warnings, 44 MB on stderr.
python3 "$GEN" damaged-journal "$HISTORY" 300000
run timeout 20 "$BACKCARE" history
expect_rc 0 "damaged lines: history"
expect_eq "$(lines "$OUT")" 3 "damaged lines: the header and both good records"
expect_eq "$(lines "$ERR")" 11 "damaged lines: ten warnings and one line for the rest"
err_has "history.jsonl:2: skipped a damaged line (not JSON: column 1: expected a value" \
  "damaged lines: the first names its line"
err_has "history.jsonl:11: skipped a damaged line" "damaged lines: the tenth"
err_has "history.jsonl: and 299990 more damaged lines skipped" "damaged lines: the rest counted"
run timeout 20 "$BACKCARE" stats
expect_rc 0 "damaged lines: stats"
expect_eq "$(lines "$ERR")" 11 "damaged lines: stats warns as briefly"
# 3,000,000 of them (6 MB): past the ten warnings a line not shaped like an object is counted
# without reading it. Before: 12 s of CPU, each line stopped by a thrown syntax error.
python3 "$GEN" damaged-journal "$HISTORY" 3000000
run timeout 10 "$BACKCARE" history
expect_rc 0 "3,000,000 damaged lines: history"
err_has "history.jsonl: and 2999990 more damaged lines skipped" "3,000,000 damaged lines: counted"
# forget keeps every damaged line byte for byte, without reading it (before: 24 s).
run timeout 10 "$BACKCARE" history --forget 20261201T210000-00000001
expect_rc 0 "3,000,000 damaged lines: forget"
expect_eq "$(wc -l <"$HISTORY")" 3000001 "3,000,000 damaged lines: all kept, one record forgotten"
expect_eq "$(grep -c '^x$' "$HISTORY")" 3000000 "3,000,000 damaged lines: kept as they were"
rm "$HISTORY"

# A config file of 0.76 MB of unknown keys. Before: 12 s and a line for each of 64,000 keys.
CONFIG="$XDG_CONFIG_HOME/backcare/config.json"
python3 "$GEN" config-keys "$CONFIG" 760000
run timeout 10 "$BACKCARE" list
expect_rc 78 "config of unknown keys: a config error"
err_has 'config.json:1:2: unknown key "k0"' "config of unknown keys: the first, where it is"
err_has 'config.json:50:1: unknown key "k49"' "config of unknown keys: the fiftieth"
err_has "config.json: and 64209 more errors" "config of unknown keys: the rest counted"
expect_eq "$(lines "$ERR")" 51 "config of unknown keys: fifty errors and one line for the rest"

# 60,000 repeats of one key: duplicate detection stays linear, and capped the same way.
python3 -c 'import sys; print("{" + ",".join(["\"color\":true"] * 60000) + "}")' >"$CONFIG"
run timeout 10 "$BACKCARE" list
expect_rc 78 "repeated key: a config error"
err_has "config.json:1:15: color: duplicate key (each key may appear only once)" \
  "repeated key: the first repeat, where it is"
err_has "config.json: and 59949 more errors" "repeated key: the rest counted"
expect_eq "$(lines "$ERR")" 51 "repeated key: fifty errors and one line for the rest"

finish
