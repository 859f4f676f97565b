#pragma once
// Composing routines out of others: "include" (another routine's steps, loaded through the
// RoutineResolver with cycle, depth and work limits) and "repeat" (a block copied with round
// labels). A Routine holds only concrete steps afterwards.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "json_fields.hpp"
#include "loader.hpp"
#include "params.hpp"

namespace backcare {

// The includes that led to the routine being read, outermost first, to catch cycles.
struct IncludeChain {
  std::vector<std::string> keys;
  std::vector<std::string> sources;

  std::string format(const std::string& last) const;
};

// Shared by every routine read during one load_routine. Included routines already loaded, by
// where they were included from and with what values: a routine included many times, or
// through many paths, is read and reported once.
struct ComposeState {
  std::map<std::string, LoadResult> cache;
};

// What reading "include" and "repeat" steps of one routine needs.
struct ComposeContext {
  FieldReader& fields;
  ParamScope& params;
  const LoadOptions& options;
  const IncludeChain& chain;
  ComposeState& state;
  bool& bad_command_line;
};

using StepsReader =
    std::function<void(const Json& value, const std::string& path, std::vector<Step>& steps)>;

// Appends the steps of the "repeat" at `path`; its "steps" are read with `read_steps`.
void read_repeat(ComposeContext& context, const Json& value, const std::string& path,
                 std::vector<Step>& steps, const StepsReader& read_steps);
// Appends the steps of the routine the "include" at `path` names.
void read_include(ComposeContext& context, const Json& value, const std::string& path,
                  std::vector<Step>& steps);

// Loads an included routine's text (defined in loader.cpp, which reads the steps).
LoadResult load_included(std::string_view text, const std::string& source,
                         const LoadOptions& options, const IncludeChain& chain,
                         ComposeState& state);

}  // namespace backcare
