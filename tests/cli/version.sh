#!/usr/bin/env bash
# One version: the VERSION file is what `backcare --version` says (CMake reads it) and what
# debian/changelog's newest entry names (the man page's .TH is checked in manpage.sh).
source "$SOURCE_DIR/tests/cli/lib.bash"

version=$(head -n1 "$SOURCE_DIR/VERSION")
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && pass || fail "VERSION is not N.N.N: [$version]"

run "$BACKCARE" --version
expect_rc 0 "--version"
expect_eq "$OUT" "backcare $version" "--version: the VERSION file's"

changelog=$(sed -n '1s/^backcare (\([^)]*\)) .*/\1/p' "$SOURCE_DIR/debian/changelog")
expect_eq "$changelog" "$version" "debian/changelog's newest entry: the VERSION file's"
finish
