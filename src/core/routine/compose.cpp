#include "routine/compose.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "routine/plan.hpp"

namespace backcare {
namespace {

void apply_group_title(std::vector<Step>& steps, const std::string& title) {
  if (title.empty()) {
    return;
  }
  if (steps.size() == 1) {
    steps[0].title = title;
    return;
  }
  for (auto& step : steps) {
    step.title = title + " · " + step.title;
  }
}

std::string optional_title(FieldReader& fields, const Json& value, const std::string& path) {
  return fields.optional_string(value, path, "title", true).value_or("");
}

std::string cue_limit_message() {
  return fmt::format(
      "expands to more than {} timed cues (every repeat, side and included step "
      "counts)",
      k_max_segments);
}

// The "with" of an include: values for the included routine's parameters. False when it is
// not an object (reported).
bool read_with(ComposeContext& context, const Json& value, const std::string& path,
               LoadOptions& options) {
  if (!value.contains("with")) {
    return true;
  }
  const Json& with = value["with"];
  const std::string wp = path + ".with";
  const JsonDocument& doc = context.fields.document();
  if (!with.is_object()) {
    context.fields.error(wp, fmt::format("expected an object of parameter values such as "
                                         "{{\"cycles\": 5}}, got {}",
                                         type_phrase(with)));
    return false;
  }
  for (const auto& [name, raw] : with.items()) {
    const std::string vp = json_path_member(wp, name);
    std::string param;
    ParamValue pv;
    pv.value = context.params.deref(raw, vp, param);
    const TextPosition pos = doc.value_at(vp);
    pv.where = {context.fields.source(), pos.line, pos.column, vp, ""};
    if (!pv.value.is_discarded() && doc.reported.count(vp) == 0) {
      options.params[name] = std::move(pv);
    }
  }
  return true;
}

}  // namespace

std::string include_limit_message() {
  return fmt::format(
      "more than {} includes to read for one routine (every include counts, also "
      "one that fails or comes again through another routine)",
      k_max_include_loads);
}

std::string IncludeChain::format(const std::string& last) const {
  std::string out;
  for (const auto& source : sources) {
    out += source + " → ";
  }
  return out + last;
}

std::size_t cue_count(const std::vector<Step>& steps) {
  std::size_t count = 0;
  for (const auto& step : steps) {
    count += step.cues.size() * std::max<std::size_t>(1, step.sides.size());
  }
  return count;
}

void read_repeat(ComposeContext& context, const Json& value, const std::string& path,
                 std::vector<Step>& steps, const StepsReader& read_steps) {
  FieldReader& fields = context.fields;
  fields.check_keys(value, path, {"kind", "title", "times", "steps"});
  fields.require(value, path, {"times", "steps"});
  const std::string title = optional_title(fields, value, path);
  const std::int64_t times =
      value.contains("times") ? context.params.read_count(value["times"], path + ".times") : 0;
  std::vector<Step> block;
  if (value.contains("steps")) {
    read_steps(value["steps"], path + ".steps", block);
  }
  // Before any copy: the cues of every round, and of what is already there, fit the limit.
  const std::size_t block_cues = cue_count(block);
  if (times > 0 && block_cues > 0 &&
      (block_cues > k_max_segments / static_cast<std::size_t>(times) ||
       cue_count(steps) + block_cues * static_cast<std::size_t>(times) > k_max_segments)) {
    fields.error(path, cue_limit_message());
    return;
  }
  apply_group_title(block, title);
  for (std::int64_t round = 1; round <= times && steps.size() <= k_max_steps; ++round) {
    for (const Step& inner : block) {
      Step copy = inner;
      if (copy.rounds == 0) {  // nested repeats: the innermost round is the one shown
        copy.round = static_cast<int>(round);
        copy.rounds = static_cast<int>(times);
      }
      steps.push_back(std::move(copy));
      if (steps.size() > k_max_steps) {
        break;
      }
    }
  }
}

void read_include(ComposeContext& context, const Json& value, const std::string& path,
                  std::vector<Step>& steps) {
  FieldReader& fields = context.fields;
  fields.check_keys(value, path, {"kind", "title", "routine", "with"});
  if (!fields.require(value, path, {"routine"})) {
    return;
  }
  const std::string title = optional_title(fields, value, path);
  const std::string routine_path = path + ".routine";
  const std::string ref = fields.read_string(value["routine"], routine_path, true);
  LoadOptions options;
  options.resolver = context.options.resolver;
  if (!read_with(context, value, path, options) || ref.empty()) {
    return;
  }
  if (context.options.resolver == nullptr) {
    fields.error(routine_path, "includes cannot be resolved here");
    return;
  }
  if (++context.state.loads > k_max_include_loads) {
    return;  // load_routine says so, first: the rest of what is wrong matters less
  }
  const auto resolved = context.options.resolver->resolve(ref, fields.source());
  if (const auto* problem = std::get_if<std::string>(&resolved)) {
    fields.error(routine_path, *problem);
    return;
  }
  const auto& found = std::get<RoutineResolver::Found>(resolved);
  IncludeChain chain = context.chain;
  chain.keys.push_back(context.options.key.empty() ? fields.source() : context.options.key);
  chain.sources.push_back(fields.source());
  if (std::find(chain.keys.begin(), chain.keys.end(), found.key) != chain.keys.end()) {
    fields.error(routine_path, "include cycle: " + chain.format(found.source));
    return;
  }
  if (chain.keys.size() >= k_max_include_depth) {
    fields.error(routine_path, fmt::format("includes nested deeper than {}: {}",
                                           k_max_include_depth, chain.format(found.source)));
    return;
  }
  options.key = found.key;
  std::string cache_key = fmt::format("{}\n{}", fmt::join(chain.keys, "\n"), found.key);
  for (const auto& [name, set] : options.params) {
    cache_key += fmt::format("\n{}={}@{}", name, set.value.dump(), set.where.format());
  }
  auto cached = context.state.cache.find(cache_key);
  const bool first = cached == context.state.cache.end();
  if (first) {
    LoadResult loaded = load_included(found.text, found.source, options, chain, context.state);
    cached = context.state.cache.emplace(cache_key, std::move(loaded)).first;
  }
  const LoadResult& included = cached->second;
  context.bad_command_line = context.bad_command_line || included.bad_command_line;
  if (!included.ok()) {
    if (first) {  // its errors are said once, however often it is included
      fields.errors().insert(fields.errors().end(), included.errors.begin(), included.errors.end());
    }
    return;
  }
  if (cue_count(steps) + cue_count(included.routine.steps) > k_max_segments) {
    fields.error(path, cue_limit_message());
    return;
  }
  std::vector<Step> included_steps = included.routine.steps;
  apply_group_title(included_steps, title);
  for (auto& step : included_steps) {
    if (steps.size() > k_max_steps) {
      break;
    }
    steps.push_back(std::move(step));
  }
}

}  // namespace backcare
