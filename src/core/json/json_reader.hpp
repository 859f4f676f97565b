#pragma once
// A strict JSON reader for untrusted routine files. nlohmann/json 3.11 is our value type, but its
// parser cannot report where a value sits, silently keeps one of two duplicate keys, stops at a
// NUL byte and recurses without limit. This reader checks all of that while it parses, and
// records the line:column of every value and key so semantic errors can point at them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"

namespace backcare {

using Json = nlohmann::ordered_json;  // keeps keys in file order, so errors come in file order

inline constexpr int k_max_json_depth = 32;
// Values in one document (objects, arrays, strings, numbers, literals): a routine at every
// other limit has about 26,000; one MiB of `0,` would be 500,000 (8 MB as a document).
inline constexpr std::size_t k_max_json_values = 200000;

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

struct JsonDocument {
  Json value;
  // Paths whose value was already reported (a number out of range, now null): the loader says
  // nothing more about them.
  std::unordered_set<std::string> reported;

  // Where the value at a JSON path ("steps[2].pattern.inhale", "" for the root) starts, and
  // where a member's key starts (for "unknown key" errors; the value's place when none).
  // Positions are only needed for errors, so they are not kept while reading: the first few
  // calls each read the text again (which must still be alive) up to that place, building
  // nothing; after k_lookups_before_index of them, one more reading keeps the byte offset of
  // every value and key by the hash of its path (16 bytes each), and each call is a lookup.
  // A document that was not read completely answers 0:0.
  TextPosition value_at(const std::string& path) const;
  TextPosition key_at(const std::string& path) const;

  // The text this document was read from (set by read_json; a view, not a copy).
  std::string_view text;
  bool complete = false;

  // (hash of a path, byte offset), sorted by hash: values, and the keys of members; and where
  // each line starts.
  struct PositionIndex {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> values;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    std::vector<std::uint32_t> line_starts;
  };

 private:
  static constexpr int k_lookups_before_index = 8;
  std::optional<TextPosition> locate(const std::string& path, bool key) const;
  const PositionIndex& index() const;
  TextPosition position_of(std::size_t offset) const;
  mutable int m_lookups = 0;
  mutable std::shared_ptr<const PositionIndex> m_index;  // read when needed
};

struct JsonReadResult {
  JsonDocument document;
  Diagnostics errors;     // syntax errors stop reading; duplicate keys are all reported
  bool complete = false;  // the whole text was read (no syntax error)
  bool ok() const { return errors.empty(); }
};

// Reads `text`; `source` names it in diagnostics. The document refers to `text` for positions
// (JsonDocument::value_at): keep the text alive as long as the document is asked for them.
JsonReadResult read_json(std::string_view text, const std::string& source);

// The string at `path` of the JSON `text` when the whole text is valid JSON and that value is
// a string, read without building the document (the catalog reads every file's "name").
std::optional<std::string> read_json_string(std::string_view text, const std::string& path);

// Appends the member `key` to `object` (which must be an object) without looking for it: an
// ordered_json keeps its members in a vector, so `object[key] = value` reads every member first
// and n of them take n² steps. The caller knows `key` is not there yet (the reader has checked
// for duplicates).
void append_member(Json& object, std::string key, Json value);

// "steps[2]", "pattern.inhale", `["odd key"]`: how a member name is appended to a path.
std::string json_path_member(const std::string& parent, std::string_view key);
std::string json_path_index(const std::string& parent, std::size_t index);

}  // namespace backcare
