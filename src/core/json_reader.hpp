#pragma once
// A strict JSON reader for untrusted routine files. nlohmann/json 3.11 is our value type, but its
// parser cannot report where a value sits, silently keeps one of two duplicate keys, stops at a
// NUL byte and recurses without limit. This reader checks all of that while it parses, and
// records the line:column of every value and key so semantic errors can point at them.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "diagnostic.hpp"

namespace backcare {

using Json = nlohmann::ordered_json;  // keeps keys in file order, so errors come in file order

inline constexpr int k_max_json_depth = 32;

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
  // Positions are only needed for errors, so they are not kept while reading: the first call
  // reads the text again (which must still be alive) and records them. A document that was
  // not read completely answers 0:0.
  TextPosition value_at(const std::string& path) const;
  TextPosition key_at(const std::string& path) const;

  // The text this document was read from (set by read_json; a view, not a copy).
  std::string_view text;
  bool complete = false;

  // JSON path → where the value starts; JSON path of a member → where its key starts.
  struct Positions {
    std::unordered_map<std::string, TextPosition> values;
    std::unordered_map<std::string, TextPosition> keys;
  };

 private:
  const Positions& positions() const;
  mutable std::shared_ptr<const Positions> m_positions;  // read on first use
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

// "steps[2]", "pattern.inhale", `["odd key"]`: how a member name is appended to a path.
std::string json_path_member(const std::string& parent, std::string_view key);
std::string json_path_index(const std::string& parent, std::size_t index);

}  // namespace backcare
