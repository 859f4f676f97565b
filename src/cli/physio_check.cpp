#include "physio_check.hpp"

#include "journal_store.hpp"
#include "progress/physio_moment.hpp"

namespace backcare {

std::string physio_check(const std::string& added_id, const Config& config, int width) {
  const std::string path = history_path();
  if (added_id.empty() || path.empty()) {
    return "";
  }
  const JournalStore::ReadResult read = JournalStore(path).read();
  if (read.error) {
    return "";
  }
  const CivilDate today = local_day(local_now().instant, config.day_starts_at_minutes);
  return physio_moment_text(completed_advice(read.records, added_id, config, today), width);
}

}  // namespace backcare
