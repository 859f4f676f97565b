#pragma once
// `backcare plan list | show NAME|FILE | schema`: the programmes (weeks of practice that grow,
// docs/programmes.md), the built-in ones and the user's; `plan start | status | pause | resume |
// stop`: following one, as plan records appended to the journal.
#include <optional>

#include "cli.hpp"
#include "context.hpp"
#include "programme/plan_state.hpp"
#include "programme/programme.hpp"

namespace backcare {

void define_plan(CLI::App& sub, Args& args);
// Exit 0; 2 for an unknown programme name; 65 an invalid programme; 66 an unreadable file.
int cmd_plan(Context& context, const Args& args);

// Appends `record` (its kind set) with a new id and the time now; the journal is where a plan
// and rest days live, so 1 when it is turned off, 74 when it cannot be written.
void append_record_now(Context& context, JournalRecord record);

// The local day a command is about: `as_of` when given, else today by the day-start rule.
CivilDate day_of(const std::string& as_of, const Config& config);

// The plan followed at the end of `day` and its programme (none without an active plan). The
// programme is found again by its source (a file) or name; 66 when it is gone.
struct ActivePlan {
  PlanState state;
  std::optional<Programme> programme;
};
ActivePlan active_plan(Context& context, const std::vector<JournalRecord>& records,
                       const Config& config, const CivilDate& day);

}  // namespace backcare
