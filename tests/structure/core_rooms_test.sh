#!/usr/bin/env bash
# The rooms check passes on the tree as it is, and fails, naming the file, line and edge, on a
# copy where a display/ file includes a progress/ header or a header names no room.
set -u
src=${SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
check="$src/tests/structure/core_rooms.sh"
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }

bash "$check" "$src" >/tmp/core_rooms.$$ 2>&1 || { fail "the tree breaks the rooms:"; cat /tmp/core_rooms.$$; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp" /tmp/core_rooms.$$' EXIT
mkdir -p "$tmp/src"; cp -r "$src/src/core" "$tmp/src/core"
printf '#include "progress/stats.hpp"\n' >>"$tmp/src/core/display/render.cpp"
out=$(bash "$check" "$tmp" 2>&1); rc=$?
[ "$rc" -eq 1 ] || fail "display/ including progress/ exits $rc, not 1"
line=$(wc -l <"$tmp/src/core/display/render.cpp")
want="src/core/display/render.cpp:$line: #include \"progress/stats.hpp\": display/ may not use progress/ (allowed: base json routine session)"
grep -qxF "$want" <<<"$out" || fail "no line: $want; got: $out"

cp -r "$src/src/core/." "$tmp/src/core/"
printf '#include "text.hpp"\n' >>"$tmp/src/core/base/duration.cpp"
touch "$tmp/src/core/loose.cpp"
out=$(bash "$check" "$tmp" 2>&1) && fail "a header without its room passes"
grep -q 'base/duration.cpp:[0-9]*: #include "text.hpp" names no room' <<<"$out" || fail "no 'names no room' line: $out"
grep -q 'src/core/loose.cpp: a file loose in src/core' <<<"$out" || fail "no 'loose' line: $out"

[ "$fails" -eq 0 ] && echo "core_rooms_test: the check passes the tree and catches both breaks"
[ "$fails" -eq 0 ]
