#pragma once
// Turns routine text into a validated Routine, or the full list of what is wrong with it.
// Pure: no file system, no clock, no globals, and no exception leaves it. Included routines
// are fetched through a RoutineResolver (compose.hpp), which the shell implements over files and
// the tests fake with strings. Typed fields are read by json_fields.hpp, parameters by params.hpp.
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/diagnostic.hpp"
#include "json/json_fields.hpp"
#include "json/json_reader.hpp"
#include "routine/params.hpp"
#include "routine/routine.hpp"

namespace backcare {

inline constexpr std::size_t k_max_steps = 1000;
inline constexpr std::size_t k_max_include_depth = 16;

// Finds the routine an "include" step names: a routine name, or a path relative to the
// including file.
class RoutineResolver {
 public:
  struct Found {
    std::string text;
    std::string source;  // how diagnostics name it: a path or "built-in:breathe"
    std::string key;     // identity for cycle detection (a canonical path, "built-in:NAME")
  };
  virtual ~RoutineResolver() = default;
  // `from_source` is the including routine's source. Returns the routine, or why it cannot.
  virtual std::variant<Found, std::string> resolve(const std::string& ref,
                                                   const std::string& from_source) const = 0;
};

struct LoadOptions {
  const RoutineResolver* resolver = nullptr;  // nullptr: "include" steps are errors
  ParamValues params;                         // values for the routine's declared params
  std::string key;                            // identity of the text, for include cycles
};

struct LoadResult {
  Routine routine;
  Diagnostics errors;
  bool bad_command_line = false;  // an error concerns a --set value: a usage error
  bool ok() const { return errors.empty(); }
};

// The head a routine and a programme share: "format" 1, "$schema" a string, a "name" as
// is_routine_name wants it, a non-empty "title" and a "description"; problems go to `fields`.
struct FileHead {
  std::string name;
  std::string title;
  std::string description;
};
FileHead read_file_head(FieldReader& fields, const Json& root);

// `source` names the text in diagnostics and is kept as Routine::source.
LoadResult load_routine(std::string_view text, const std::string& source,
                        const LoadOptions& options = {});

}  // namespace backcare
