#pragma once
// Reading typed values out of a parsed JSON document, each problem a Diagnostic at the value's
// line:column with its JSON path. Routines, the config file and the history file all read
// their fields through it, so the wording of "expected a string, got …" is the same everywhere.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/text.hpp"
#include "json/json_reader.hpp"

namespace backcare {

inline constexpr std::size_t k_max_string_chars = 500;

// "an object", "a string", "the number 3": how a value is named in "got …".
std::string type_phrase(const Json& value);

// Reads fields of one document and records what is wrong with them in `errors`.
class FieldReader {
 public:
  // Receives a problem with a value's number (range, resolution) instead of error(path, …),
  // so a caller can say where the value really came from (a parameter).
  using ValueProblem = std::function<void(std::string message)>;

  FieldReader(const JsonDocument& document, const std::string& source, Diagnostics& errors)
      : m_doc(document), m_source(source), m_errors(errors) {}

  // A problem with the value at `path`, at its line:column; nothing when the reader already
  // reported that value.
  void error(const std::string& path, std::string message);

  // Every key of `object` not in `allowed` is an "unknown key" (with a "did you mean"); a key
  // suggested that way is not reported missing by require() or is_suggested().
  void check_keys(const Json& object, const std::string& path,
                  const std::vector<std::string>& allowed);
  // Reports each of `keys` not in `object` as missing; true when all are there.
  bool require(const Json& object, const std::string& path, const std::vector<std::string>& keys);
  // True when check_keys already pointed at a typo of `key` in the object at `path`.
  bool is_suggested(const std::string& path, const std::string& key) const;

  // A string of at most k_max_string_chars characters ("" after an error).
  std::string read_string(const Json& value, const std::string& path, bool non_empty = false);
  // The member `key` of `object` read as a string, when it is there.
  std::optional<std::string> optional_string(const Json& object, const std::string& path,
                                             const std::string& key, bool non_empty = false);
  std::vector<std::string> read_string_list(const Json& value, const std::string& path);
  // A whole number from `min` to `max`.
  std::optional<std::int64_t> read_integer(const Json& value, const std::string& path,
                                           std::int64_t min, std::int64_t max);
  std::optional<double> read_number(const Json& value, const std::string& path);
  std::optional<bool> read_bool(const Json& value, const std::string& path);
  // One of `choices` ("expected \"a\" or \"b\", got …").
  std::optional<std::string> read_enum(const Json& value, const std::string& path,
                                       const std::vector<std::string>& choices);
  // Seconds as a number or a string such as "1m30s", in milliseconds; `positive` requires > 0.
  // Problems with a number go to `problem` when it is given.
  std::optional<std::int64_t> read_duration(const Json& value, const std::string& path,
                                            bool positive, const ValueProblem& problem = {});

  const JsonDocument& document() const { return m_doc; }
  const std::string& source() const { return m_source; }
  Diagnostics& errors() { return m_errors; }

 private:
  const JsonDocument& m_doc;
  const std::string& m_source;
  Diagnostics& m_errors;
  std::set<std::string> m_suggested;  // member paths named by a "did you mean"
};

}  // namespace backcare
