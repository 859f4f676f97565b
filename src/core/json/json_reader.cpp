#include "json/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <vector>

#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "json/json_lexer.hpp"

namespace backcare {
namespace {

// FNV-1a over the bytes of a path's text, continued from `hash`: the hash of "steps[2].title"
// is the hash of "steps[2]" continued over ".title", so the reader hashes each path without
// building its text.
constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
std::uint64_t fnv(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

bool is_identifier(std::string_view key);

// Where the reader is: a chain of nodes on the stack, one per level. The path's text is only
// built when a message needs it, not for every value read.
struct PathNode {
  const PathNode* parent = nullptr;  // nullptr: the root
  std::string_view key;              // a member's name
  std::size_t index = 0;             // an element's index
  bool is_index = false;
  std::uint64_t hash = k_fnv_offset;  // of text(), when indexing (else unset)

  // The hash of a member's or an element's path (what json_path_member/index would append).
  std::uint64_t member_hash(std::string_view name) const {
    if (!is_identifier(name)) {
      return fnv(hash, "[" + Json(sanitize(name)).dump() + "]");
    }
    return parent == nullptr ? fnv(hash, name) : fnv(fnv(hash, "."), name);
  }
  std::uint64_t element_hash(std::size_t i) const {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
    return fnv(
        fnv(fnv(hash, "["), std::string_view(digits, static_cast<std::size_t>(end - digits))), "]");
  }

  std::string text() const {
    if (parent == nullptr) {
      return "";
    }
    return is_index ? json_path_index(parent->text(), index)
                    : json_path_member(parent->text(), key);
  }
};

// What a locating read looks for (JsonDocument::value_at, key_at), and what it found.
struct Target {
  std::string path;
  bool key = false;  // the member's key, not its value
  std::optional<TextPosition> found;
  // Read to the end instead of stopping, and keep the target's value when it is a string.
  bool whole = false;
  std::optional<std::string> string;
};

// Thrown by a locating read when the target is found, to stop reading.
struct Located {};

// True when `path` is `target` or leads to it ("steps" leads to "steps[2].title").
bool leads_to(std::string_view path, std::string_view target) {
  if (target.substr(0, path.size()) != path) {
    return false;
  }
  return target.size() == path.size() || target[path.size()] == '.' || target[path.size()] == '[';
}

// The structure over the tokens: values, objects, arrays, their paths, duplicates and limits.
class Reader : public JsonLexer {
 public:
  // With a `target`, the reader only looks for its place: it builds no values, keeps no
  // errors, and stops (throwing Located) once the target is found. With an `index`, it
  // builds no values either and records where every value and key is.
  Reader(std::string_view text, JsonReadResult& result, const std::string& source,
         Target* target = nullptr, JsonDocument::PositionIndex* index = nullptr)
      : JsonLexer(text), m_result(result), m_source(source), m_target(target), m_index(index) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  void read_document() {
    skip_space();
    const PathNode root;
    static const std::string k_root;
    m_result.document.value = read_value(root, m_target != nullptr ? &k_root : nullptr, 1);
    skip_space();
    if (m_pos < m_text.size()) {
      fail("unexpected text after the end of the JSON document");
    }
  }

  TextPosition position_of(std::size_t offset) const {
    const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_line_starts.begin());
    return {static_cast<int>(line), static_cast<int>(offset - m_line_starts[line - 1] + 1)};
  }

  void report(std::size_t offset, std::string path, std::string message) {
    const TextPosition p = position_of(offset);
    m_result.errors.push_back({m_source, p.line, p.column, std::move(path), std::move(message)});
  }

 private:
  // `track`: when locating, the value's path if it may lead to the target (else nullptr, and
  // nothing below it is compared).
  Json read_value(const PathNode& node, const std::string* track, int depth) {
    if (depth > k_max_json_depth) {
      fail(fmt::format("nesting deeper than {} levels", k_max_json_depth));
    }
    if (at_end()) {
      fail("expected a value, found the end of the file");
    }
    if (++m_values > k_max_json_values) {
      fail(fmt::format("more than {} JSON values (a routine needs far fewer)", k_max_json_values));
    }
    if (track != nullptr && !m_target->key && *track == m_target->path) {
      found(m_pos);
    }
    if (m_index != nullptr && m_duplicate_depth == 0) {
      m_index->values.emplace_back(node.hash, static_cast<std::uint32_t>(m_pos));
    }
    switch (peek()) {
      case '{':
        return read_object(node, track, depth);
      case '[':
        return read_array(node, track, depth);
      case '"':
        return read_string();
      case 't':
        return read_literal("true", Json(true));
      case 'f':
        return read_literal("false", Json(false));
      case 'n':
        return read_literal("null", Json(nullptr));
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          return read_number(node);
        }
        fail(fmt::format("expected a value, found {}", describe_here()));
    }
  }

  Json read_literal(std::string_view word, Json value) {
    expect_literal(word);
    return value;
  }

  void found(std::size_t offset) {
    if (m_target->found) {
      return;  // a whole read meets only the first
    }
    m_target->found = position_of(offset);
    if (!m_target->whole) {
      throw Located{};
    }
    if (peek() == '"') {
      const std::size_t start = m_pos;
      m_target->string.emplace();
      read_string_into(*m_target->string);
      m_pos = start;  // read again as the value
    }
  }

  Json read_object(const PathNode& node, const std::string* track, int depth) {
    Json object = Json::object();
    // The keys read so far. A tree, not a hash table: its worst case is n log n comparisons
    // whatever the keys, so no crafted set of colliding keys makes a file quadratic.
    std::set<std::string> seen;
    ++m_pos;  // '{'
    skip_space();
    if (!at_end() && peek() == '}') {
      ++m_pos;
      return object;
    }
    while (true) {
      skip_space();
      if (at_end() || peek() != '"') {
        if (!at_end() && peek() == '}') {
          fail("trailing comma is not allowed");
        }
        fail(fmt::format("expected a member name in double quotes, found {}", describe_here()));
      }
      const std::size_t key_offset = m_pos;
      std::string key = read_key();
      PathNode member{&node, key};
      if (m_index != nullptr && m_duplicate_depth == 0) {
        member.hash = node.member_hash(key);
        m_index->keys.emplace_back(member.hash, static_cast<std::uint32_t>(key_offset));
      }
      std::string member_track;
      if (track != nullptr && m_duplicate_depth == 0) {
        member_track = json_path_member(*track, key);
        if (m_target->key && member_track == m_target->path) {
          found(key_offset);
        }
      }
      const bool on_track = !member_track.empty() && leads_to(member_track, m_target->path);
      skip_space();
      if (at_end() || peek() != ':') {
        fail(fmt::format("expected ':' after the member name, found {}", describe_here()));
      }
      ++m_pos;
      skip_space();
      const bool duplicate = !seen.insert(key).second;
      if (duplicate) {
        if (building()) {
          report(key_offset, member.text(), "duplicate key (each key may appear only once)");
        }
        // Read and check the repeated value; the first value is the one located.
        ++m_duplicate_depth;
        read_value(member, nullptr, depth + 1);
        --m_duplicate_depth;
      } else if (!building()) {
        read_value(member, on_track ? &member_track : nullptr, depth + 1);
      } else {
        Json value = read_value(member, nullptr, depth + 1);  // `member` still views `key`
        append_member(object, std::move(key), std::move(value));
      }
      skip_space();
      if (at_end()) {
        fail("expected ',' or '}', found the end of the file");
      }
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() == '}') {
        ++m_pos;
        return object;
      }
      fail(fmt::format("expected ',' or '}}' after an object member, found {}", describe_here()));
    }
  }

  Json read_array(const PathNode& node, const std::string* track, int depth) {
    Json array = Json::array();
    // Locating: the one element that leads to the target, if any ("steps[2]..." in "steps").
    std::size_t wanted = std::string::npos;
    if (track != nullptr && m_target->path.size() > track->size() &&
        m_target->path[track->size()] == '[') {
      const char* begin = m_target->path.data() + track->size() + 1;
      const char* end = m_target->path.data() + m_target->path.size();
      std::size_t index = 0;
      const auto [ptr, ec] = std::from_chars(begin, end, index);
      if (ec == std::errc() && ptr != end && *ptr == ']') {
        wanted = index;
      }
    }
    std::size_t count = 0;
    ++m_pos;  // '['
    skip_space();
    if (!at_end() && peek() == ']') {
      ++m_pos;
      return array;
    }
    while (true) {
      skip_space();
      if (!at_end() && peek() == ']') {
        fail("trailing comma is not allowed");
      }
      PathNode element{&node, {}, count, true};
      if (m_index != nullptr) {
        element.hash = node.element_hash(count);
      }
      if (count == wanted) {
        const std::string element_track = json_path_index(*track, count);
        read_value(element, &element_track, depth + 1);
      } else if (!building()) {
        read_value(element, nullptr, depth + 1);
      } else {
        array.push_back(read_value(element, nullptr, depth + 1));
      }
      ++count;
      skip_space();
      if (at_end()) {
        fail("expected ',' or ']', found the end of the file");
      }
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() == ']') {
        ++m_pos;
        return array;
      }
      fail(fmt::format("expected ',' or ']' after an array element, found {}", describe_here()));
    }
  }

  std::string read_key() {
    std::string out;
    read_string_into(out);
    return out;
  }

  Json read_string() {
    std::string out;
    if (!building()) {
      read_string_into(out);  // checked, not kept
      return Json();
    }
    read_string_into(out);
    return Json(std::move(out));
  }

  Json read_number(const PathNode& node) {
    const std::size_t start = m_pos;
    if (std::optional<Json> value = read_number_token()) {
      return std::move(*value);
    }
    if (building()) {
      const std::string path = node.text();
      report(start, path,
             fmt::format("number {} is out of range", m_text.substr(start, m_pos - start)));
      m_result.document.reported.insert(path);
    }
    return Json(nullptr);  // reported; the loader sees a null and says nothing more
  }

  JsonReadResult& m_result;
  const std::string& m_source;
  bool building() const { return m_target == nullptr && m_index == nullptr; }

  Target* m_target;
  JsonDocument::PositionIndex* m_index;
  std::size_t m_values = 0;
  std::vector<std::size_t> m_line_starts;
  int m_duplicate_depth = 0;  // > 0 inside the value of a duplicate key: never located
};

bool is_identifier(std::string_view key) {
  if (key.empty()) {
    return false;
  }
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '$';
  });
}

}  // namespace

const JsonDocument::PositionIndex& JsonDocument::index() const {
  if (!m_index) {
    auto index = std::make_shared<PositionIndex>();
    index->line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        index->line_starts.push_back(static_cast<std::uint32_t>(i + 1));
      }
    }
    if (complete) {
      // The text was read without error once; reading it again only records the places.
      JsonReadResult again;
      const std::string no_source;  // the Reader keeps a reference: it must outlive it
      Reader reader(text, again, no_source, nullptr, index.get());
      try {
        reader.read_document();
      } catch (const JsonSyntaxError&) {
        index->values.clear();
        index->keys.clear();
      }
      // By hash, and in file order within one hash: the first of equal paths is found first.
      const auto by_hash = [](const auto& a, const auto& b) { return a.first < b.first; };
      std::stable_sort(index->values.begin(), index->values.end(), by_hash);
      std::stable_sort(index->keys.begin(), index->keys.end(), by_hash);
    }
    m_index = std::move(index);
  }
  return *m_index;
}

namespace {

std::optional<std::uint32_t> find_offset(
    const std::vector<std::pair<std::uint64_t, std::uint32_t>>& places, const std::string& path) {
  const std::uint64_t hash = fnv(k_fnv_offset, path);
  const auto it =
      std::lower_bound(places.begin(), places.end(), hash,
                       [](const auto& place, std::uint64_t h) { return place.first < h; });
  if (it == places.end() || it->first != hash) {
    return std::nullopt;
  }
  return it->second;
}

}  // namespace

TextPosition JsonDocument::position_of(std::size_t offset) const {
  const auto& starts = index().line_starts;
  const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - starts.begin());  // starts[0] is 0
  return {static_cast<int>(line), static_cast<int>(offset - starts[line - 1] + 1)};
}

std::optional<TextPosition> JsonDocument::locate(const std::string& path, bool key) const {
  if (!complete) {
    return std::nullopt;
  }
  if (!m_index && m_lookups < k_lookups_before_index) {
    // A few places (most files with errors have few): read the text again up to each one,
    // following only the members that lead there, and keep nothing.
    ++m_lookups;
    Target target{path, key, std::nullopt, false, std::nullopt};
    JsonReadResult again;
    const std::string no_source;  // the Reader keeps a reference: it must outlive it
    Reader reader(text, again, no_source, &target);
    try {
      reader.read_document();
    } catch (const Located&) {
    } catch (const JsonSyntaxError&) {
    }
    return target.found;
  }
  // Many: one more reading records every place (16 bytes each), then each is a lookup.
  const auto offset = find_offset(key ? index().keys : index().values, path);
  if (!offset) {
    return std::nullopt;
  }
  return position_of(*offset);
}

TextPosition JsonDocument::value_at(const std::string& path) const {
  return locate(path, false).value_or(TextPosition{});
}

TextPosition JsonDocument::key_at(const std::string& path) const {
  if (const auto key = locate(path, true)) {
    return *key;
  }
  return value_at(path);
}

std::optional<std::string> read_json_string(std::string_view text, const std::string& path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (text.find('\0') != std::string_view::npos || !is_valid_utf8(text)) {
    return std::nullopt;
  }
  Target target{path, false, std::nullopt, true, std::nullopt};
  JsonReadResult result;
  const std::string no_source;
  Reader reader(text, result, no_source, &target);
  try {
    reader.read_document();
  } catch (const JsonSyntaxError&) {
    return std::nullopt;
  }
  return target.string;
}

std::string json_path_member(const std::string& parent, std::string_view key) {
  if (is_identifier(key)) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  }
  return parent + "[" + Json(sanitize(key)).dump() + "]";
}

void append_member(Json& object, std::string key, Json value) {
  auto& members = static_cast<Json::object_t::Container&>(object.get_ref<Json::object_t&>());
  members.emplace_back(std::move(key), std::move(value));
}

std::string json_path_index(const std::string& parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

JsonReadResult read_json(std::string_view text, const std::string& source) {
  JsonReadResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);  // a UTF-8 byte order mark, as some editors write
  }
  Reader reader(text, result, source);
  // Whole-text checks first: a NUL byte and invalid UTF-8 are reported where they are.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    reader.report(nul, "", "NUL byte (a routine file is UTF-8 text)");
    return result;
  }
  if (!is_valid_utf8(text)) {
    const std::size_t bad = first_invalid_utf8(text);
    reader.report(bad, "",
                  fmt::format("invalid UTF-8 (byte 0x{:02x}); routine files must be UTF-8 text",
                              static_cast<unsigned char>(text[bad])));
    return result;
  }
  try {
    reader.read_document();
    result.complete = true;
    result.document.text = text;
    result.document.complete = true;
  } catch (const JsonSyntaxError& error) {
    result.errors.clear();
    reader.report(error.offset, "", error.message);
  }
  return result;
}

}  // namespace backcare
