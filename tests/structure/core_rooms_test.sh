#!/usr/bin/env bash
# The rooms check passes on the tree as it is, and fails, naming the file, line and edge, on a
# copy where a display/ file includes a progress/ header, a header names no room, or a file
# lies loose in src/core.
src=${SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SOURCE_DIR=$src
source "$src/tests/lib/checks.bash"
check="$src/tests/structure/core_rooms.sh"

out=$(bash "$check" "$src" 2>&1) && pass || fail "the tree breaks the rooms: $out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src"
cp -r "$src/src/core" "$tmp/src/core"
printf '#include "progress/stats.hpp"\n' >>"$tmp/src/core/display/render.cpp"
out=$(bash "$check" "$tmp" 2>&1)
expect_eq "$?" 1 "display/ including progress/: exit code"
line=$(wc -l <"$tmp/src/core/display/render.cpp")
OUT=$out ERR=""
expect_line "src/core/display/render.cpp:$line: #include \"progress/stats.hpp\": display/ may not use progress/ (allowed: base json routine session)" \
  "display/ including progress/: the message"

rm -rf "$tmp/src/core" && cp -r "$src/src/core" "$tmp/src/core"
printf '#include "text.hpp"\n' >>"$tmp/src/core/base/duration.cpp"
touch "$tmp/src/core/loose.cpp"
out=$(bash "$check" "$tmp" 2>&1) && fail "a header without its room passes" || pass
grep -q 'base/duration.cpp:[0-9]*: #include "text.hpp" names no room' <<<"$out" && pass ||
  fail "no 'names no room' line: $out"
grep -q 'src/core/loose.cpp: a file loose in src/core' <<<"$out" && pass || fail "no 'loose' line: $out"
finish
