#!/usr/bin/env bash
# Installs what is missing, configures and builds backcare in ./build.
#   scripts/setup.sh          what the program needs
#   scripts/setup.sh --test   also what the test suite needs (tmux, groff, shellcheck, zsh, fish,
#                             chromium and poppler-utils for the report, node + ajv-cli)
# Idempotent: a second run installs nothing and rebuilds only what changed.
# BACKCARE_WERROR=ON turns warnings into errors (CI does this).
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

packages=(cmake g++ make libcli11-dev libfmt-dev nlohmann-json3-dev libutf8proc-dev doctest-dev)
if [ "$want_tests" -eq 1 ]; then
  packages+=(tmux groff-base man-db jq python3 util-linux espeak-ng sox shellcheck zsh fish faketime time
    chromium poppler-utils)
  # Node.js may come from elsewhere (with npm inside it); only ask Debian when it is missing.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ "$want_tests" -eq 1 ] && [ -f package.json ]; then
  if [ ! -x node_modules/.bin/ajv ] || [ package.json -nt node_modules/.bin/ajv ]; then
    echo "setup: installing the test tools from package.json (npm)" >&2
    npm install --no-audit --no-fund --silent >&2
  fi
fi

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DBACKCARE_WERROR="${BACKCARE_WERROR:-OFF}" >&2
elif [ -n "${BACKCARE_WERROR:-}" ]; then
  cmake -S . -B build -DBACKCARE_WERROR="${BACKCARE_WERROR}" >/dev/null
fi
cmake --build build -j"$(nproc)" >&2
