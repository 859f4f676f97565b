#include "this_week.hpp"

#include <fmt/format.h>

#include "config_file.hpp"
#include "journal_store.hpp"

namespace backcare {

ThisWeek read_this_week() {
  ThisWeek week;
  // A config with errors leaves the defaults in place; `config check` names the errors.
  const ConfigLoad config = load_config_file(config_path());
  if (!config.ok()) {
    week.notes.push_back(
        "the config file has errors, so default goals are shown: backcare "
        "config check says which");
  }
  const std::string path = history_path();
  if (path.empty()) {
    week.notes.push_back("no XDG_STATE_HOME or HOME: there is no place for the journal");
    return week;
  }
  const JournalStore::ReadResult read = JournalStore(path).read();
  if (read.error || read.too_large) {
    week.notes.push_back("the journal could not be read: backcare history says why");
    return week;
  }
  if (!read.warnings.empty()) {
    week.notes.push_back(fmt::format("{} warning{} about the journal: backcare history shows {}",
                                     read.warnings.size(), read.warnings.size() == 1 ? "" : "s",
                                     read.warnings.size() == 1 ? "it" : "them"));
  }
  week.stats = compute_stats(read.records, config.config, local_now().instant.date, 1);
  week.records = read.records;
  return week;
}

}  // namespace backcare
