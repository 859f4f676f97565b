#pragma once
// Composing routines out of others: "include" (another routine's steps, loaded through the
// RoutineResolver with cycle, depth and work limits) and "repeat" (a block copied with round
// labels). A Routine holds only concrete steps afterwards.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "json/json_fields.hpp"
#include "routine/loader.hpp"
#include "routine/params.hpp"

namespace backcare {

inline constexpr std::size_t k_max_include_loads = 200;  // per top-level routine

// The includes that led to the routine being read, outermost first, to catch cycles.
struct IncludeChain {
  std::vector<std::string> keys;
  std::vector<std::string> sources;

  std::string format(const std::string& last) const;
};

// Shared by every routine read during one load_routine. Included routines already loaded, by
// where they were included from and with what values: a routine included many times, or
// through many paths, is read and reported once. And a count of includes asked for, so a
// tree of includes cannot grow without bound (failed ones produce no steps, so the step
// limit alone would never stop it).
struct ComposeState {
  std::map<std::string, LoadResult> cache;
  std::size_t loads = 0;
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

// "more than 200 includes to read for one routine (…)".
std::string include_limit_message();

// Timed cues of `steps` as they will be planned: each cue once per side.
std::size_t cue_count(const std::vector<Step>& steps);

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
