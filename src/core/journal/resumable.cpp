#include "journal/resumable.hpp"

#include <algorithm>
#include <set>

namespace backcare {

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
    candidates.push_back({to_unix_seconds(*ended), {record, static_cast<std::size_t>(done) + 1}});
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
