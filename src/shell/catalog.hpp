#pragma once
// Where routines come from: the built-ins embedded in the binary, the user routine folder
// ($XDG_CONFIG_HOME/backcare/routines) and any --routines-dir. This is the shell's storage
// side: it reads files; the loader it calls stays pure.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/result.hpp"
#include "routine/loader.hpp"
#include "routine/routine.hpp"

namespace backcare {

inline constexpr std::uintmax_t k_max_file_bytes = 1024 * 1024;

// What one command reads from the routine folders, in all, so that no folder (however many
// files at the per-file limit, however they include each other) makes a command slow or large:
// the user routine files (their bytes and their number), the folder entries looked at, and the
// bytes includes read. A file past a limit is listed with an error, not read.
inline constexpr std::uintmax_t k_max_catalog_bytes = 4 * k_max_file_bytes;
inline constexpr std::size_t k_max_catalog_files = 1000;
inline constexpr std::size_t k_max_dir_entries = 10000;  // per folder, .json or not
inline constexpr std::uintmax_t k_max_include_bytes = 4 * k_max_file_bytes;

// Reads a routine file (regular files only, at most 1 MiB; FIFOs, directories, devices and
// files of /proc and /sys are refused before reading). "-" reads standard input. The error's
// message does not name the file (the caller puts its name in front); its exit code is
// k_exit_no_input (missing, unreadable, not a regular file) or k_exit_data (too large).
Result<std::string> read_routine_text(const std::string& path);

// One routine the catalog knows of, valid or not.
struct CatalogEntry {
  std::string name;    // the routine's name (for an invalid file: the file's stem)
  std::string source;  // "built-in" or the file path
  bool builtin = false;
  bool overrides_builtin = false;  // a user routine with a built-in's name
  int read_error = 0;              // the file could not be read: k_exit_no_input or k_exit_data
  std::optional<Routine> routine;  // set when valid (once checked: Catalog::find, entries)
  Diagnostics errors;              // set when invalid
  bool checked = false;            // validated (or unreadable)
  std::string text;                // the JSON, to load again with --set values
  std::string diagnostic_source;   // how diagnostics name it ("built-in:breathe", a path)
  std::string key;                 // identity for include cycles
};

// Resolves includes: a name through the catalog's routines (user ones override built-ins), a
// path relative to the including file (or to the working folder for built-ins and stdin).
// Every include it resolves counts against k_max_include_bytes, for the life of the resolver
// (one command): past it, an include fails with a message saying so.
class CatalogResolver final : public RoutineResolver {
 public:
  void add(const std::string& name, RoutineResolver::Found found);
  std::variant<Found, std::string> resolve(const std::string& ref,
                                           const std::string& from_source) const override;

 private:
  // Counts `bytes` against the budget; false (and the message) once it is spent.
  std::optional<std::string> spend(std::size_t bytes) const;

  std::vector<std::pair<std::string, Found>> m_named;  // later entries win
  mutable std::uintmax_t m_include_bytes = 0;
};

// All routines by name: built-ins first, then user folders in order; a later routine with the
// same name replaces the earlier one (and says so). Loading reads the files and their names;
// a routine is validated (with its includes) when first asked for, so `breathe` does not pay
// for checking every routine in the folder, and `list` does.
class Catalog {
 public:
  // `dirs`: user routine folders, in increasing priority. Missing folders are skipped.
  static Catalog load(const std::vector<std::filesystem::path>& dirs);

  // Every entry, each validated.
  const std::vector<CatalogEntry>& entries() const;
  const CatalogResolver& resolver() const { return *m_resolver; }
  // The entry of that name, validated; nullptr when there is none.
  const CatalogEntry* find(const std::string& name) const;
  std::vector<std::string> names() const;
  // What looks like a mistake in the folders (sanitized, one line each, no prefix): two files
  // of one folder declaring the same name (the later file name wins), a file whose name is not
  // the name it declares. `list` and `validate` print them on stderr.
  const std::vector<std::string>& warnings() const { return m_warnings; }

 private:
  // Notes the warnings about `entry`'s name, read from `file` (names declared so far in that
  // folder in `declared_in_dir`).
  void check_name(const CatalogEntry& entry, const std::filesystem::path& file,
                  std::map<std::string, std::string>& declared_in_dir);
  // The user routine files of `dir`, sorted, within the limits (and warnings for the rest).
  std::vector<std::filesystem::path> routine_files(const std::filesystem::path& dir,
                                                   std::size_t& files_taken);
  void check(CatalogEntry& entry) const;

  mutable std::vector<CatalogEntry> m_entries;  // validated on demand (check)
  std::uintmax_t m_bytes_read = 0;
  std::vector<std::string> m_warnings;
  std::shared_ptr<CatalogResolver> m_resolver = std::make_shared<CatalogResolver>();
};

// True when a routine argument names a file rather than a routine: "-", a path with "/", or
// a name ending in ".json".
bool looks_like_path(const std::string& arg);

// $XDG_CONFIG_HOME/backcare/routines, or ~/.config/backcare/routines.
std::filesystem::path user_routine_dir();

// The built-in routine files (name → JSON text), from the binary.
std::vector<std::pair<std::string, std::string>> builtin_routine_texts();

// One catalog entry as a JSON object (`list --json`).
Json entry_to_json(const CatalogEntry& entry);

}  // namespace backcare
