#include "journal/resumable.hpp"

#include <algorithm>
#include <set>

namespace backcare {
namespace {

// Where a stopped one-step practice was: the active time of `record` and of the records it
// continues, followed back by `resumes` (at most 100 parts, so a loop of ids ends).
std::optional<std::int64_t> one_step_offset(const JournalRecord& record,
                                            const std::vector<JournalRecord>& records) {
  if (record.steps_total != 1 || !record.active_ms || record.skipped_ms.value_or(0) != 0) {
    return std::nullopt;
  }
  std::int64_t offset = std::max<std::int64_t>(0, *record.active_ms);
  const JournalRecord* part = &record;
  for (int hops = 0; hops < 100 && !part->resumes.empty(); ++hops) {
    const auto earlier = std::find_if(records.begin(), records.end(), [&](const JournalRecord& r) {
      return r.id == part->resumes && r.kind == k_kind_session;
    });
    if (earlier == records.end() || !earlier->active_ms) {
      break;
    }
    offset += std::max<std::int64_t>(0, *earlier->active_ms);
    part = &*earlier;
  }
  return offset;
}

}  // namespace

std::vector<Resumable> resumable_sessions(const std::vector<JournalRecord>& records,
                                          std::int64_t now_unix_seconds) {
  std::set<std::string> continued;
  for (const auto& record : records) {
    if (!record.resumes.empty()) {
      continued.insert(record.resumes);
    }
  }
  struct Candidate {
    std::int64_t ended = 0;
    Resumable resumable;
  };
  std::vector<Candidate> candidates;
  for (const auto& record : records) {
    if (record.kind != k_kind_session ||
        (record.status != "quit" && record.status != "interrupted") ||
        continued.count(record.id) != 0) {
      continue;
    }
    const auto ended = parse_instant(record.ended);
    if (!ended) {
      continue;
    }
    const std::int64_t age = now_unix_seconds - to_unix_seconds(*ended);
    if (age < 0 || age > k_resume_window_seconds) {
      continue;
    }
    const std::int64_t done = record.steps_done.value_or(0);
    if (record.steps_total && done >= *record.steps_total) {
      continue;  // every step was done: nothing left to continue
    }
    candidates.push_back(
        {to_unix_seconds(*ended),
         {record, static_cast<std::size_t>(done) + 1, one_step_offset(record, records)}});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.ended > b.ended; });
  std::vector<Resumable> out;
  for (auto& candidate : candidates) {
    out.push_back(std::move(candidate.resumable));
  }
  return out;
}

}  // namespace backcare
