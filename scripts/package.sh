#!/usr/bin/env bash
# Builds the Debian package of backcare, and checks it with lintian.
#   scripts/package.sh           build build-deb/backcare_VERSION_ARCH.deb (and its -dbgsym)
#   scripts/package.sh --check   also install it with apt-get, use it, purge it
#                                (tests/package/install.sh; needs root, as CI is)
# Installs what it needs (debhelper, dpkg-dev, fakeroot, lintian and the build dependencies).
# The build runs in a copy of the source under build-deb/ (git-ignored), so the tree stays clean
# and the .deb, .ddeb, .buildinfo and .changes land in build-deb/. The tests are not built
# (DEB_BUILD_OPTIONS=nocheck) unless DEB_BUILD_OPTIONS is set: the suite runs on build/;
# `DEB_BUILD_OPTIONS= scripts/package.sh` also builds and runs the unit tests in the package build.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD

check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *)
    echo "usage: scripts/package.sh [--check]" >&2
    exit 2
    ;;
esac

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
packages=(debhelper dpkg-dev fakeroot lintian cmake g++ make
  libcli11-dev libfmt-dev libutf8proc-dev nlohmann-json3-dev)
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS-nocheck}"
[[ " $DEB_BUILD_OPTIONS " == *" nocheck "* ]] || packages+=(doctest-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "package: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi

# One version, in VERSION; the changelog must name the same (debian/rules checks it too).
version=$(head -n1 VERSION)
changelog_version=$(dpkg-parsechangelog -S Version)
if [ "$version" != "$changelog_version" ]; then
  echo "package: debian/changelog says $changelog_version but VERSION says $version" >&2
  exit 1
fi

# A fresh copy of the files git knows (tracked, and new ones not ignored), so no build folder,
# node_modules or stale debian/ build state comes along.
out="$source_dir/build-deb"
rm -rf "$out"
mkdir -p "$out/backcare-$version"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$out/backcare-$version"
else
  tar --exclude=./build --exclude='./build-*' --exclude=./node_modules --exclude='./obj-*' \
    -cf - . | tar -xf - -C "$out/backcare-$version"
fi

start=$SECONDS
(cd "$out/backcare-$version" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
  tail -n 40 "$out/build.log" >&2
  echo "package: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
  exit 1
}
arch=$(dpkg-architecture -q DEB_HOST_ARCH)
changes="$out/backcare_${version}_${arch}.changes"
echo "package: built in $((SECONDS - start)) s:" >&2
(cd "$out" && ls -1 ./*.deb ./*.buildinfo ./*.changes) >&2

# lintian on the binary packages and the build record; any error or warning fails. Overrides,
# each with its reason, are in debian/*.lintian-overrides.
echo "package: lintian $(dpkg-query -W -f='${Version}' lintian)" >&2
lintian --fail-on error,warning --display-info "$changes"
echo "package: lintian: no error, no warning" >&2

if [ "$check" -eq 1 ]; then
  bash "$source_dir/tests/package/install.sh" "$out/backcare_${version}_${arch}.deb"
fi
