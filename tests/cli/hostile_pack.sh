#!/usr/bin/env bash
# A folder of hostile routine files (terminal escapes, C1 controls, CR, BS, bidi overrides and
# invisible format characters in names, titles, descriptions, cues, param names and include
# names) through every command with --routines-dir. Whatever a command prints, on stdout or
# stderr, holds none of those characters raw: routine text reaches the terminal only through
# the sanitizer. Two files form the pack that once leaked through "did you mean": one declares a
# hostile name, the other includes a near miss of it.
source "$SOURCE_DIR/tests/cli/lib.bash"
command -v python3 >/dev/null || { fail "python3 is needed for the byte check"; finish; exit 1; }

PACK="$TMP/pack"
mkdir -p "$PACK"
python3 - "$PACK" <<'PY'
import json, sys, os
pack = sys.argv[1]
# Each hostile piece as the characters a JSON string decodes to.
bad = ("\x1b]2;pwned\x07" "\x1b]52;c;cHduZWQ=\x07" "\x1b[2J" "\x1bP+q\x1b\\" "\x9b" "31m"
       "\x85\r\b\x7f" "\u202e\u2066" "\u200b\u200e\u061c\u2028\u2029\u00ad\ufeff\u2060\u2064")
name = "stretch" + bad
def write(file, obj):
    # ensure_ascii: the controls become \u escapes, so the file is valid JSON.
    with open(os.path.join(pack, file), "w") as f:
        json.dump(obj, f, ensure_ascii=True, indent=1)
step = {"kind": "timed", "title": "T" + bad, "text": "X" + bad, "duration": 5,
        "sides": ["l" + bad, "r" + bad], "switch": 1,
        "cues": [{"at": 1, "text": "C" + bad}]}
breath = {"kind": "breath", "title": "B" + bad, "text": "Y" + bad,
          "pattern": {"inhale": 1, "exhale": 1}, "cycles": 1,
          "cues": {"inhale": "I" + bad, "exhale": "E" + bad}}
# 1. A declared name that is no valid name (so the file is invalid) but is still a name the
# catalog knows, for includes and suggestions.
write("evil-name.json", {"format": 1, "name": name, "title": "N" + bad,
                         "description": "D" + bad, "steps": [step]})
# 2. Includes a near miss of that name: "no routine named …; did you mean …".
write("includer.json", {"format": 1, "name": "includer", "title": "Includer",
                        "steps": [{"kind": "include", "title": "Inc" + bad,
                                   "routine": "stretc" + bad}]})
# 3. A valid routine whose text is hostile everywhere text can be.
write("evil-text.json", {"format": 1, "name": "evil-text", "title": "Title" + bad,
                         "description": "Desc" + bad, "tags": ["tag" + bad],
                         "params": {"cycles": {"default": 1, "min": 1, "max": 3,
                                               "description": "P" + bad}},
                         "steps": [breath, step]})
# 4. Hostile param names and an unknown key.
write("evil-param.json", {"format": 1, "name": "evil-param", "title": "P",
                          "params": {"p" + bad: {"default": 1}},
                          "steps": [dict(step, **{"k" + bad: 1})]})
# 5. An include by a hostile name with no near miss, and a hostile kind.
write("evil-include.json", {"format": 1, "name": "evil-include", "title": "I",
                            "steps": [{"kind": "include", "routine": bad},
                                      {"kind": "k" + bad, "title": "x"}]})
# 6. Raw control bytes inside JSON strings (invalid JSON) and raw invalid UTF-8.
with open(os.path.join(pack, "raw-bytes.json"), "wb") as f:
    f.write(b'{"format": 1, "name": "raw\x1b]2;x\x07", "title": "\x1b[2J\x9b\r\x08", "steps": []}')
with open(os.path.join(pack, "raw-c1.json"), "wb") as f:
    f.write(b'{"format": 1, "name": "raw-c1", "title": "\xc2\x9b\xe2\x80\xae\xe2\x80\x8b", "steps": []}')
PY

# check WHAT FILE: FILE (bytes a command wrote) holds no ESC, BEL, CR, BS, DEL, C1 control
# (raw byte 0x80..0x9F outside a UTF-8 sequence, or U+0080..U+009F encoded), bidi override or
# invisible format character.
check() {
  local what=$1 file=$2 found
  found=$(python3 - "$file" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
bad = []
for b, label in ((0x1b, "ESC"), (0x07, "BEL"), (0x0d, "CR"), (0x08, "BS"), (0x7f, "DEL")):
    if bytes([b]) in data:
        bad.append(label)
text = data.decode("utf-8", errors="surrogateescape")
forbidden = set(range(0x80, 0xA0)) | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) \
    | set(range(0x200B, 0x2010)) | {0x061C, 0x2028, 0x2029, 0x00AD, 0xFEFF} \
    | set(range(0x2060, 0x2065))
for ch in text:
    o = ord(ch)
    if 0xDC80 <= o <= 0xDC9F:
        bad.append("raw C1 byte 0x%02x" % (o - 0xDC00))
    elif o in forbidden:
        bad.append("U+%04X" % o)
print(", ".join(sorted(set(bad))))
PY
)
  if [ -z "$found" ]; then
    pass
  else
    fail "$what: output holds $found"
  fi
}

# each NAME ARGS...: runs backcare ARGS with the pack, checks stdout and stderr, and that it
# did not crash (exit codes below 128).
N=0
each() {
  local what=$1
  shift
  N=$((N + 1))
  "$BACKCARE" --routines-dir "$PACK" "$@" >"$TMP/out.$N" 2>"$TMP/err.$N" </dev/null
  local rc=$?
  [ "$rc" -lt 128 ] && pass || fail "$what: exit $rc (a crash?)"
  check "$what (stdout)" "$TMP/out.$N"
  check "$what (stderr)" "$TMP/err.$N"
}

each "list" list
each "list --json" list --json
each "list --names" list --names
each "overview"
for f in "$PACK"/*.json; do
  b=$(basename "$f" .json)
  each "show $b" show "$f"
  each "show --json $b" show --json "$f"
  each "validate $b" validate "$f"
  each "run --dry-run $b" run --dry-run "$f"
  each "run --plain $b" run --plain --speed 1000 --lead-in 0 "$f"
  each "new --from $b" new "copy-$b" --from "$f"
done
each "validate all" validate "$PACK"/*.json
for name in evil-text evil-param evil-include includer stretch stretc raw-c1; do
  each "show $name" show "$name"
  each "run --dry-run $name" run --dry-run "$name"
  each "run $name (a typo)" "${name}x"
done
for shell in bash zsh fish; do
  each "completion $shell" completion "$shell"
done

# The pack does what it is meant to: the includer names the hostile routine, escaped, and is
# offered no suggestion, since only valid routine names are ever suggested.
"$BACKCARE" --routines-dir "$PACK" validate "$PACK/includer.json" >"$TMP/v.out" 2>"$TMP/v.err"
grep -q 'no routine named "stretc\\x1b\]2;pwned\\x07' "$TMP/v.out" "$TMP/v.err" && pass ||
  fail "validate includer: the hostile name is not shown escaped; got [$(cat "$TMP/v.out" "$TMP/v.err")]"
grep -q 'did you mean' "$TMP/v.out" "$TMP/v.err" &&
  fail "validate includer: suggests a name that is not a valid routine name" || pass
"$BACKCARE" --routines-dir "$PACK" list >"$TMP/l.out" 2>&1
grep -q '^evil-text ' "$TMP/l.out" && pass || fail "list: the valid hostile routine is not listed"

finish
