#pragma once
// The practice journal on disk (docs/journal.md): $XDG_STATE_HOME/backcare/history.jsonl, one
// record per line. Written the way fish writes its history and git its refs: one write() per
// record under flock, fsync, private modes, atomic rename for a rewrite, and readers that skip
// a torn line. Every failure is a value: the caller prints one warning and carries on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journal/journal.hpp"

namespace backcare {

inline constexpr std::uint64_t k_max_history_bytes = 64ull * 1024 * 1024;

// "$XDG_STATE_HOME/backcare/history.jsonl", or "$HOME/.local/state/backcare/history.jsonl"
// (XDG_STATE_HOME unset, empty or relative); "" when neither variable helps.
std::string history_path();

// Reads and writes one history file.
class JournalStore {
 public:
  explicit JournalStore(std::string path) : m_path(std::move(path)) {}

  const std::string& path() const { return m_path; }

  // Appends `record` as one line. Creates the folder (0700, parents too) and the file (0600).
  // nullopt on success, else the message for a single warning: "cannot record the session in
  // PATH: No space left on device". `warnings`, when given, gets what was recorded but needs
  // saying: a file or folder open to others (tightened), a file past the read limit.
  std::optional<std::string> append(const JournalRecord& record,
                                    std::vector<std::string>* warnings = nullptr) const;

  // The file's records (forget records not yet applied) and a warning per damaged line. A
  // missing file, or /dev/null (the way to keep nothing), is an empty history; a file that
  // cannot be read, is not a regular file or is over k_max_history_bytes sets `error`
  // (`too_large` too for the last, which forget can still trim). A file or folder open to
  // others is tightened to 0600 / 0700 with a warning.
  struct ReadResult {
    std::vector<JournalRecord> records;
    std::vector<std::string> warnings;  // "PATH:3: skipped a damaged line (...)"
    std::optional<std::string> error;
    bool too_large = false;
  };
  ReadResult read() const;

  // Removes the record `id` from the file for good: the file is read under the lock and
  // rewritten atomically (a 0600 temporary file in the same folder, fsync, rename, fsync of the
  // folder), so the deleted text is no longer in the history. Every other line, damaged ones
  // too, is kept byte for byte. The file is read a block at a time, so a history past the
  // read limit can still be trimmed. When more than one record has `id` nothing is removed
  // (`matches` says how many). Returns the number of records removed (0: no such id), the
  // other hard links of the file (they keep the old text) or an error message.
  struct ForgetOutcome {
    int removed = 0;
    int matches = 0;
    std::uint64_t other_links = 0;
    std::optional<std::string> error;
  };
  ForgetOutcome forget(const std::string& id) const;

 private:
  std::string m_path;
};

// Now, as the local wall clock shows it, with the offset in force and the time-zone name.
struct LocalNow {
  LocalInstant instant;
  std::string tz;  // IANA name from TZ or /etc/timezone (or /etc/localtime's link); may be ""
  std::int64_t unix_ms = 0;
};
LocalNow local_now();
// The local time of `unix_seconds` (localtime_r), for a session's end.
LocalInstant local_instant(std::int64_t unix_seconds);
// The IANA name of the local time zone, or "".
std::string local_time_zone_name();

// A fresh record id for a practice started at `started` (32 bits from getrandom).
std::string new_record_id(const LocalInstant& started);

}  // namespace backcare
