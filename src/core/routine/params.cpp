#include "routine/params.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/duration.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"

namespace backcare {
namespace {

// "${name}" → "name"; anything else → nullopt.
std::optional<std::string> param_reference(const Json& value) {
  if (!value.is_string()) {
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() < 4 || text.compare(0, 2, "${") != 0 || text.back() != '}') {
    return std::nullopt;
  }
  std::string name = text.substr(2, text.size() - 3);
  return is_param_name(name) ? std::optional<std::string>(name) : std::nullopt;
}

std::optional<std::string> range_problem(const Param& param, double v) {
  const auto show = [](double x) { return number_json(x).dump(); };
  if ((param.min && v < *param.min) || (param.max && v > *param.max)) {
    if (param.min && param.max) {
      return fmt::format("parameter \"{}\" must be from {} to {}, got {}", param.name,
                         show(*param.min), show(*param.max), show(v));
    }
    return param.min ? fmt::format("parameter \"{}\" must be at least {}, got {}", param.name,
                                   show(*param.min), show(v))
                     : fmt::format("parameter \"{}\" must be at most {}, got {}", param.name,
                                   show(*param.max), show(v));
  }
  return std::nullopt;
}

}  // namespace

bool is_param_name(std::string_view name) {
  if (name.empty() || name.size() > 40 || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Json number_json(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return Json(static_cast<std::int64_t>(value));
  }
  return Json(value);
}

void ParamScope::read_declarations(const Json& value, const std::string& path) {
  if (!value.is_object()) {
    m_fields.error(path, fmt::format("expected an object of parameters such as {{\"cycles\": "
                                     "{{\"default\": 30}}}}, got {}",
                                     type_phrase(value)));
    return;
  }
  for (const auto& item : value.items()) {
    const std::string& name = item.key();
    const Json& decl = item.value();
    const std::string p = json_path_member(path, name);
    if (!is_param_name(name)) {
      m_fields.error(p, fmt::format("parameter name \"{}\" must be lowercase letters, digits "
                                    "and _ (starting with a letter or _)",
                                    sanitize(name)));
      continue;
    }
    if (!decl.is_object()) {
      m_fields.error(p,
                     fmt::format("expected an object with \"default\", got {}", type_phrase(decl)));
      continue;
    }
    m_fields.check_keys(decl, p, {"default", "min", "max", "description"});
    Param param;
    param.name = name;
    const auto number = [&](const char* key) -> std::optional<double> {
      return decl.contains(key) ? m_fields.read_number(decl[key], p + "." + key) : std::nullopt;
    };
    m_fields.require(decl, p, {"default"});
    const auto def = number("default");
    param.min = number("min");
    param.max = number("max");
    param.description = m_fields.optional_string(decl, p, "description").value_or("");
    if (param.min && param.max && *param.min > *param.max) {
      m_fields.error(p, "\"min\" is greater than \"max\"");
    } else if (def) {
      param.default_value = *def;
      if (const auto problem = range_problem(param, *def)) {
        m_fields.error(p + ".default", *problem);
      }
    }
    m_params.push_back(param);
    m_values[name] = param.default_value;
  }
}

void ParamScope::report_set(const ParamValue& value, std::string message) {
  Diagnostic d = value.where;
  d.message = std::move(message);
  m_fields.errors().push_back(std::move(d));
  m_bad_command_line = m_bad_command_line || value.from_command_line;
}

// Each value set from outside must name a declared parameter and be a number in its range.
void ParamScope::apply_set_values(const std::string& routine_name) {
  for (const auto& [name, value] : m_set) {
    const Param* param = find(name);
    if (param == nullptr) {
      report_set(value, m_params.empty() ? fmt::format("routine \"{}\" has no parameters",
                                                       sanitize(routine_name))
                                         : fmt::format("routine \"{}\" has no parameter \"{}\"{}",
                                                       sanitize(routine_name), sanitize(name),
                                                       did_you_mean(name, names())));
      continue;
    }
    if (!value.value.is_number()) {
      report_set(value, fmt::format("parameter \"{}\" expects a number, got {}", name,
                                    value.value.is_string()
                                        ? "\"" + sanitize(value.value.get<std::string>()) + "\""
                                        : type_phrase(value.value)));
      continue;
    }
    const double v = value.value.get<double>();
    if (const auto problem = range_problem(*param, v)) {
      report_set(value, *problem);
      continue;
    }
    m_values[name] = v;
  }
}

Json ParamScope::deref(const Json& value, const std::string& path, std::string& param) {
  const auto name = param_reference(value);
  if (!name) {
    return value;
  }
  const auto it = m_values.find(*name);
  if (it == m_values.end()) {
    m_fields.error(path, m_params.empty()
                             ? fmt::format("unknown parameter \"${{{}}}\": the routine declares "
                                           "no \"params\"",
                                           *name)
                             : fmt::format("unknown parameter \"${{{}}}\"{}", *name,
                                           did_you_mean(*name, names())));
    return Json(Json::value_t::discarded);
  }
  param = *name;
  return number_json(it->second);
}

void ParamScope::value_error(const std::string& path, const std::string& param,
                             std::string message) {
  if (!param.empty()) {
    const auto it = m_set.find(param);
    if (it != m_set.end()) {
      report_set(it->second,
                 fmt::format("parameter \"{}\" is used at {}: {}", param, path, message));
      return;
    }
    message += fmt::format(" (from parameter \"{}\")", param);
  }
  m_fields.error(path, std::move(message));
}

std::int64_t ParamScope::read_duration(const Json& raw, const std::string& path, bool positive) {
  std::string param;
  const Json value = deref(raw, path, param);
  if (value.is_discarded()) {
    return 0;
  }
  return m_fields
      .read_duration(value, path, positive,
                     [&](std::string message) { value_error(path, param, std::move(message)); })
      .value_or(0);
}

std::int64_t ParamScope::read_count(const Json& raw, const std::string& path) {
  std::string param;
  const Json value = deref(raw, path, param);
  if (value.is_discarded()) {
    return 0;
  }
  const std::string expected = fmt::format("a whole number from 1 to {}", k_max_count);
  if (value.is_number_integer()) {
    const auto n = value.get<std::int64_t>();
    if (n < 1 || n > k_max_count) {
      value_error(path, param, fmt::format("expected {}, got {}", expected, n));
      return 0;
    }
    return n;
  }
  value_error(path, param, fmt::format("expected {}, got {}", expected, type_phrase(value)));
  return 0;
}

const Param* ParamScope::find(const std::string& name) const {
  const auto it = std::find_if(m_params.begin(), m_params.end(),
                               [&](const Param& p) { return p.name == name; });
  return it == m_params.end() ? nullptr : &*it;
}

std::vector<std::string> ParamScope::names() const {
  std::vector<std::string> out;
  for (const auto& p : m_params) {
    out.push_back(p.name);
  }
  return out;
}

std::variant<std::pair<std::string, ParamValue>, std::string> parse_set_option(
    const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    return fmt::format("--set {}: expected NAME=VALUE, such as cycles=10", sanitize(text));
  }
  const std::string name = text.substr(0, equals);
  const std::string raw = text.substr(equals + 1);
  ParamValue value;
  value.from_command_line = true;
  value.where.source = "--set " + sanitize(text);
  double number = 0;
  const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), number);
  if (ec == std::errc() && ptr == raw.data() + raw.size() && std::isfinite(number)) {
    value.value = number_json(number);
  } else if (const auto ms = parse_duration_string(raw)) {
    value.value = number_json(static_cast<double>(*ms) / 1000.0);
  } else {
    value.value = Json(raw);
  }
  return std::make_pair(name, std::move(value));
}

}  // namespace backcare
