#include "progress/physio_moment.hpp"

#include <algorithm>

#include "base/layout.hpp"
#include "base/sanitize.hpp"

namespace backcare {
namespace {

void add_wrapped(std::string& out, const std::string& text, int width) {
  for (const std::string& line : wrap(text, std::min(width > 0 ? width : 80, 80) - 1)) {
    out += line + "\n";
  }
}

}  // namespace

std::vector<Advice> completed_advice(const std::vector<JournalRecord>& records,
                                     std::string_view added_id, const Config& config,
                                     const CivilDate& as_of) {
  std::vector<JournalRecord> before;
  before.reserve(records.size());
  std::copy_if(records.begin(), records.end(), std::back_inserter(before),
               [&](const JournalRecord& record) { return record.id != added_id; });
  const std::vector<Advice> was =
      compute_stats(before, config, as_of, k_physio_moment_weeks).advice;
  std::vector<Advice> now = compute_stats(records, config, as_of, k_physio_moment_weeks).advice;
  std::erase_if(now, [&](const Advice& reason) {
    return std::any_of(was.begin(), was.end(),
                       [&](const Advice& old) { return old.reason == reason.reason; });
  });
  return now;
}

std::string physio_moment_text(const std::vector<Advice>& reasons, int width) {
  if (reasons.empty()) {
    return "";
  }
  std::string out;
  for (const Advice& reason : reasons) {
    add_wrapped(out, "Worth acting on: " + safe_line(reason.reason) + ".", width);
  }
  add_wrapped(out,
              std::string(reasons.size() == 1 ? "This is a reason" : "These are reasons") +
                  " to see a pelvic-floor physiotherapist: your GP, midwife or health "
                  "visitor can refer you, and `backcare report` makes a page to take along.",
              width);
  return out;
}

}  // namespace backcare
