#pragma once
// Text and JSON descriptions of routines and plans, for `list`, `show` and `--dry-run`.
#include <functional>
#include <string>
#include <string_view>

#include "json/json_reader.hpp"
#include "routine/plan.hpp"
#include "routine/routine.hpp"

namespace backcare {

// The human description printed by `show`: title, description, steps with durations and cues,
// total and safety note. All routine text is sanitized.
std::string describe_plan(const Routine& routine, const Plan& plan);
// The same text handed to `write` a step at a time, so a 1 MiB routine's description is never
// one large string.
void write_description(const Routine& routine, const Plan& plan,
                       const std::function<void(std::string_view)>& write);

// The expanded plan as JSON (`show --json`).
Json plan_to_json(const Plan& plan);

// The same text as dump_json(plan_to_json(plan)) + "\n", handed to `write` piece by piece (a
// segment at a time), so a plan of 20,000 segments never becomes one large JSON value.
void write_plan_json(const Plan& plan, const std::function<void(std::string_view)>& write);

// A segment's labels as an object: {"cycle": 3, "cycles": 30}, {"set": 2, "sets": 3, "rep": 5,
// "reps": 8, "side": "left"}; only the labels that apply.
Json labels_to_json(const Labels& labels);

// JSON text safe for any terminal: non-ASCII escaped, so no C1 control is ever printed raw.
std::string dump_json(const Json& value, int indent = 2);

}  // namespace backcare
