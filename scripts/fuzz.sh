#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (fuzz/) and runs each for a while with its dictionary
# and seed corpus. A crash, leak, timeout or sanitizer report fails the run; the input that
# caused it is left in build-fuzz/findings/ — add it to the target's corpus folder as a
# regression file once it is fixed, so every later run replays it.
#   scripts/fuzz.sh            2 × 60 s in all: fuzz_keys 20 s, fuzz_loader and fuzz_cli 50 s each
#   scripts/fuzz.sh 300        2 × 300 s in all: fuzz_keys 100 s, the other two 250 s each
# The key decoder is small (it reaches full coverage in seconds), so it gets a third of SECONDS
# and the other two give up half of that between them: the total stays 2 × SECONDS.
# Installs clang and its runtime (Debian clang, libclang-rt-14-dev) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
keys_seconds=$((seconds / 3 > 0 ? seconds / 3 : 1))
big_seconds=$((seconds - keys_seconds / 2))

missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "fuzz: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBACKCARE_FUZZ=ON -DBACKCARE_TESTS=OFF -DBACKCARE_BENCH=OFF \
  -DBACKCARE_SANITIZE=address,undefined "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_loader fuzz_cli fuzz_keys >/dev/null

status=0
run_target() {  # target seconds corpus dictionary [libFuzzer flags]
  local target="$1" seconds="$2" corpus="$3" dict="$4"
  shift 4
  local top="$PWD" root="$PWD/build-fuzz"
  local work="$root/corpus-$target" findings="$root/findings/$target" scratch="$root/scratch-$target"
  mkdir -p "$work" "$findings" "$scratch"
  echo "--- fuzz: $target for ${seconds}s (seeds: $corpus) ---"
  # New inputs go to $work; the committed corpus is only read.
  # It runs in a scratch folder, since a fuzzed command line may write files (--events, new).
  if ! (cd "$scratch" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$root/fuzz/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -dict="$top/$dict" -artifact_prefix="$findings/" -print_final_stats=1 "$@" \
      "$work" "$top/$corpus") > "$root/$target.log" 2>&1; then
    status=1
    echo "fuzz: $target FAILED; the input is in $findings/:" >&2
    tail -40 "build-fuzz/$target.log" >&2
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "build-fuzz/$target.log" || true
  echo "fuzz: $target corpus: $(find "$work" -type f | wc -l) new + $(find "$corpus" -type f | wc -l) seed inputs"
}
run_target fuzz_loader "$big_seconds" fuzz/corpus fuzz/routine.dict
run_target fuzz_cli "$big_seconds" fuzz/corpus-cli fuzz/cli.dict -close_fd_mask=2
run_target fuzz_keys "$keys_seconds" fuzz/corpus-keys fuzz/keys.dict -max_len=4096
exit "$status"
