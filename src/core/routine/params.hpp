#pragma once
// A routine's parameters: the "params" it declares, the values set from outside (`--set`, an
// include's "with"), and "${name}" references replaced by the value in force. Problems with a
// value set from outside are reported where it was set, since that is what has to change.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.hpp"
#include "json/json_fields.hpp"
#include "json/json_reader.hpp"
#include "routine/routine.hpp"

namespace backcare {

inline constexpr std::int64_t k_max_count = 10000;  // cycles, sets, reps, times

// A parameter value set from outside the routine: by `--set name=value` or an include's
// "with". Errors about it are reported at `where`.
struct ParamValue {
  Json value;
  Diagnostic where;  // source/line/column/path of the setting; message unused
  bool from_command_line = false;
};
using ParamValues = std::map<std::string, ParamValue>;

// A parameter name: [a-z_][a-z0-9_]*, at most 40 characters.
bool is_param_name(std::string_view name);

// A number as JSON: an integer when it is whole, so a parameter can stand for a count.
Json number_json(double value);

// Parses "name=value" from --set: the value as a number, a duration ("90s" → 90) or, failing
// both, a string (which the loader then rejects with the parameter's name).
std::variant<std::pair<std::string, ParamValue>, std::string> parse_set_option(
    const std::string& text);

// The parameters of one routine while it is read.
class ParamScope {
 public:
  ParamScope(FieldReader& fields, const ParamValues& set, bool& bad_command_line)
      : m_fields(fields), m_set(set), m_bad_command_line(bad_command_line) {}

  // Reads the "params" object at `path`.
  void read_declarations(const Json& value, const std::string& path);
  // Checks and applies the values set from outside; `routine_name` names the routine in errors.
  void apply_set_values(const std::string& routine_name);

  // A value that may be a reference "${name}": the parameter's value in its place, and its
  // name in `param`. An unknown parameter is reported and a discarded value returned.
  Json deref(const Json& value, const std::string& path, std::string& param);
  // A problem with the value at `path` that came from parameter `param` (or from no parameter
  // when it is empty).
  void value_error(const std::string& path, const std::string& param, std::string message);

  // A duration that may be a reference (0 after an error); `positive` requires > 0.
  std::int64_t read_duration(const Json& raw, const std::string& path, bool positive);
  // A whole number from 1 to k_max_count that may be a reference (0 after an error).
  std::int64_t read_count(const Json& raw, const std::string& path);

  const std::vector<Param>& declared() const { return m_params; }

 private:
  const Param* find(const std::string& name) const;
  std::vector<std::string> names() const;
  void report_set(const ParamValue& value, std::string message);

  FieldReader& m_fields;
  const ParamValues& m_set;
  bool& m_bad_command_line;
  std::vector<Param> m_params;             // declared, in file order
  std::map<std::string, double> m_values;  // each declared parameter's value in force
};

}  // namespace backcare
