// libFuzzer target: any bytes through the key decoder (src/core/session/keys.cpp), as a
// terminal, a paste or a confused program on the other end of /dev/tty may send them. It must
// never crash, hang or leak, and it checks what the event loop relies on:
//   - the same bytes give the same keys however the reads split them (whole, a byte at a time,
//     or in chunks whose sizes come from the input itself);
//   - never more keys than bytes, so a burst of input cannot become a flood of commands;
//   - pending_escape() says exactly when flush_escape() has a key to give, and after a flush
//     nothing is pending;
//   - flushing at any quiet moment (the loop's 50 ms Esc timeout) still gives at most one key
//     per byte, and a "q" after it is always a quit.
// A broken rule aborts, so libFuzzer keeps the input as a finding.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBACKCARE_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_keys
//   build-fuzz/fuzz/fuzz_keys -max_total_time=20 -dict=fuzz/keys.dict NEW_DIR fuzz/corpus-keys
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "session/keys.hpp"

namespace {

using backcare::Key;
using backcare::KeyDecoder;

void require(bool holds, const char* rule) {
  if (!holds) {
    std::fprintf(stderr, "fuzz_keys: broken rule: %s\n", rule);
    std::abort();
  }
}

// Settles the decoder as the loop does after a quiet time, checking that pending_escape()
// announced the key flush_escape() gives.
void settle(KeyDecoder& decoder, std::vector<Key>& keys) {
  const bool pending = decoder.pending_escape();
  const std::optional<Key> key = decoder.flush_escape();
  require(pending == key.has_value(), "pending_escape() is true exactly when a flush gives a key");
  require(!decoder.pending_escape(), "nothing is pending after a flush");
  if (key) {
    keys.push_back(*key);
  }
}

void append(std::vector<Key>& keys, const std::vector<Key>& more) {
  keys.insert(keys.end(), more.begin(), more.end());
}

// The whole input in `chunk_size(i)`-byte reads, settled once at the end.
template <typename ChunkSize>
std::vector<Key> decode_in_chunks(std::string_view bytes, ChunkSize chunk_size) {
  KeyDecoder decoder;
  std::vector<Key> keys;
  for (std::size_t i = 0; !bytes.empty(); ++i) {
    const std::size_t size = std::min(bytes.size(), static_cast<std::size_t>(chunk_size(i)));
    append(keys, decoder.feed(bytes.substr(0, size)));
    bytes.remove_prefix(size);
  }
  settle(decoder, keys);
  return keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const std::vector<Key> whole = decode_in_chunks(bytes, [&](std::size_t) { return size; });
  require(whole.size() <= size, "at most one key per byte");
  const std::vector<Key> single = decode_in_chunks(bytes, [](std::size_t) { return 1U; });
  require(single == whole, "a byte at a time gives the same keys as one read");
  // Chunk sizes 1..8 taken from the bytes themselves, so the fuzzer explores the splits too.
  const std::vector<Key> chunked = decode_in_chunks(
      bytes, [&](std::size_t i) { return static_cast<std::size_t>(data[i % size] % 8) + 1; });
  require(chunked == whole, "any split of the reads gives the same keys as one read");

  // A quiet moment after every read: the loop's Esc timeout fires between the chunks, which
  // cut anywhere (an arrow key's bytes may arrive too late to be one).
  KeyDecoder decoder;
  std::vector<Key> keys;
  std::string_view rest = bytes;
  for (std::size_t i = 0; !rest.empty(); ++i) {
    const std::size_t chunk =
        std::min(rest.size(), static_cast<std::size_t>(data[(i + 1) % size] % 4) + 1);
    append(keys, decoder.feed(rest.substr(0, chunk)));
    rest.remove_prefix(chunk);
    settle(decoder, keys);
  }
  require(keys.size() <= size, "at most one key per byte, with flushes");
  // A partial UTF-8 character outlives a flush (it is not an escape), so "q" may first end it
  // as `other`; the q itself is always a quit.
  const std::vector<Key> last = decoder.feed("q");
  require(!last.empty() && last.back() == Key::quit, "after a flush, q is a quit");
  return 0;
}
