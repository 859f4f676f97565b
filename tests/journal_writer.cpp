// A test-only program for tests/cli/journal_concurrency.sh: drives the journal store from many
// processes at once, the way several backcare sessions (or a session and `history`) would.
//   journal_writer append PATH N PREFIX   appends N records "PREFIX-0" .. "PREFIX-<N-1>"
//   journal_writer read PATH              prints "records R" and each warning on stderr
//   journal_writer forget PATH ID         removes the record ID
// PATH "@state" means the default place, $XDG_STATE_HOME/backcare/history.jsonl.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "journal_store.hpp"

namespace {

int usage() {
  std::fputs("usage: journal_writer append PATH N PREFIX | read PATH | forget PATH ID\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace backcare;
  if (argc < 3) {
    return usage();
  }
  const std::string command = argv[1];
  const std::string path = std::string(argv[2]) == "@state" ? history_path() : argv[2];
  const JournalStore store(path);
  if (command == "append" && argc == 5) {
    const long count = std::strtol(argv[3], nullptr, 10);
    JournalRecord record;
    record.kind = "session";
    record.routine = "night-release";
    record.started = "2026-11-30T21:05:12+00:00";
    record.status = "completed";
    record.note = std::string(200, 'x');  // long enough lines for a kill to land mid-write
    for (long i = 0; i < count; ++i) {
      record.id = fmt::format("{}-{}", argv[4], i);
      record.active_ms = i;
      if (const auto error = store.append(record)) {
        std::fprintf(stderr, "journal_writer: warning: %s\n", error->c_str());
        return 1;
      }
    }
    return 0;
  }
  if (command == "read" && argc == 3) {
    const auto result = store.read();
    for (const auto& warning : result.warnings) {
      std::fprintf(stderr, "%s\n", warning.c_str());
    }
    if (result.error) {
      std::fprintf(stderr, "journal_writer: %s\n", result.error->c_str());
      return 1;
    }
    std::printf("records %zu\n", apply_forgets(result.records).size());
    return 0;
  }
  if (command == "forget" && argc == 4) {
    const auto outcome = store.forget(argv[3]);
    if (outcome.error) {
      std::fprintf(stderr, "journal_writer: %s\n", outcome.error->c_str());
      return 1;
    }
    std::printf("removed %d\n", outcome.removed);
    return 0;
  }
  return usage();
}
