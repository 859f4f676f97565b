#include "json/json_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/duration.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"

namespace backcare {

std::string type_phrase(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::null:
      return "null";
    default:
      return fmt::format("the number {}", value.dump());
  }
}

void FieldReader::error(const std::string& path, std::string message) {
  if (m_doc.reported.count(path) != 0) {
    return;  // the reader already said what is wrong with this value
  }
  const TextPosition p = m_doc.value_at(path);
  m_errors.push_back({m_source, p.line, p.column, path, std::move(message)});
}

void FieldReader::check_keys(const Json& object, const std::string& path,
                             const std::vector<std::string>& allowed) {
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    const TextPosition p = m_doc.key_at(json_path_member(path, key));
    const auto match = closest_match(key, allowed);
    if (match && !object.contains(*match)) {
      m_suggested.insert(json_path_member(path, *match));
    }
    m_errors.push_back(
        {m_source, p.line, p.column, path,
         fmt::format("unknown key \"{}\"{}", sanitize(key),
                     match ? fmt::format("; did you mean \"{}\"?", *match) : std::string())});
  }
}

bool FieldReader::is_suggested(const std::string& path, const std::string& key) const {
  return m_suggested.count(json_path_member(path, key)) != 0;
}

bool FieldReader::require(const Json& object, const std::string& path,
                          const std::vector<std::string>& keys) {
  bool all = true;
  for (const auto& key : keys) {
    if (!object.contains(key)) {
      if (!is_suggested(path, key)) {
        error(path, fmt::format("missing required key \"{}\"", key));
      }
      all = false;
    }
  }
  return all;
}

std::string FieldReader::read_string(const Json& value, const std::string& path, bool non_empty) {
  if (!value.is_string()) {
    error(path, fmt::format("expected a string, got {}", type_phrase(value)));
    return {};
  }
  std::string text = value.get<std::string>();
  if (count_code_points(text) > k_max_string_chars) {
    error(path, fmt::format("string of {} characters is longer than the limit of {}",
                            count_code_points(text), k_max_string_chars));
  } else if (non_empty && text.empty()) {
    error(path, "must not be empty");
  }
  return text;
}

std::optional<std::string> FieldReader::optional_string(const Json& object, const std::string& path,
                                                        const std::string& key, bool non_empty) {
  if (!object.contains(key)) {
    return std::nullopt;
  }
  return read_string(object[key], json_path_member(path, key), non_empty);
}

std::vector<std::string> FieldReader::read_string_list(const Json& value, const std::string& path) {
  std::vector<std::string> out;
  if (!value.is_array()) {
    error(path, fmt::format("expected an array of strings, got {}", type_phrase(value)));
    return out;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    out.push_back(read_string(value[i], json_path_index(path, i), true));
  }
  return out;
}

std::optional<std::int64_t> FieldReader::read_integer(const Json& value, const std::string& path,
                                                      std::int64_t min, std::int64_t max) {
  const std::string expected = fmt::format("a whole number from {} to {}", min, max);
  if (!value.is_number_integer()) {
    error(path, fmt::format("expected {}, got {}", expected, type_phrase(value)));
    return std::nullopt;
  }
  const auto n = value.get<std::int64_t>();
  if (n < min || n > max) {
    error(path, fmt::format("expected {}, got {}", expected, n));
    return std::nullopt;
  }
  return n;
}

std::optional<double> FieldReader::read_number(const Json& value, const std::string& path) {
  if (!value.is_number()) {
    error(path, fmt::format("expected a number, got {}", type_phrase(value)));
    return std::nullopt;
  }
  return value.get<double>();
}

std::optional<bool> FieldReader::read_bool(const Json& value, const std::string& path) {
  if (!value.is_boolean()) {
    error(path, fmt::format("expected true or false, got {}", type_phrase(value)));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<std::string> FieldReader::read_enum(const Json& value, const std::string& path,
                                                  const std::vector<std::string>& choices) {
  if (value.is_string() && std::find(choices.begin(), choices.end(),
                                     value.get_ref<const std::string&>()) != choices.end()) {
    return value.get<std::string>();
  }
  std::string expected;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) {
      expected += i + 1 == choices.size() ? " or " : ", ";
    }
    expected += "\"" + choices[i] + "\"";
  }
  error(path, fmt::format("expected {}, got {}", expected,
                          value.is_string() ? "\"" + sanitize(value.get<std::string>()) + "\""
                                            : type_phrase(value)));
  return std::nullopt;
}

std::optional<std::int64_t> FieldReader::read_duration(const Json& value, const std::string& path,
                                                       bool positive, const ValueProblem& problem) {
  const auto value_error = [&](std::string message) {
    if (problem) {
      problem(std::move(message));
    } else {
      error(path, std::move(message));
    }
  };
  std::optional<std::int64_t> ms;
  if (value.is_number()) {
    const double seconds = value.get<double>();
    ms = seconds_to_ms(seconds);
    if (!ms) {
      if (seconds < 0) {
        value_error(fmt::format("must not be negative, got {}", value.dump()));
      } else if (seconds > 86400) {
        value_error(fmt::format("{} seconds is longer than the limit of 24 hours", value.dump()));
      } else {
        value_error(fmt::format("{} is finer than the resolution of 1 ms", value.dump()));
      }
      return std::nullopt;
    }
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (count_code_points(text) > k_max_string_chars) {
      error(path, fmt::format("string of {} characters is longer than the limit of {}",
                              count_code_points(text), k_max_string_chars));
      return std::nullopt;
    }
    ms = parse_duration_string(text);
    if (!ms) {
      error(path, fmt::format("expected a duration such as \"90s\", \"1m30s\", \"10m\" or "
                              "\"1h\" (at most 24 hours, resolution 1 ms), got \"{}\"",
                              sanitize(text)));
      return std::nullopt;
    }
  } else {
    error(path,
          fmt::format("expected a duration (seconds or \"1m30s\"), got {}", type_phrase(value)));
    return std::nullopt;
  }
  if (positive && *ms == 0) {
    value_error("must be > 0");
    return 0;
  }
  return ms;
}

}  // namespace backcare
