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

#include "diagnostic.hpp"
#include "loader.hpp"
#include "routine.hpp"

namespace backcare {

inline constexpr std::uintmax_t k_max_file_bytes = 1024 * 1024;

// The result of reading one routine file: its text, or why it could not be read.
struct FileText {
  std::string text;
  Diagnostics errors;
  int exit_code = 0;  // 0, k_exit_no_input (missing, unreadable, not a regular file) or k_exit_data
};

// Reads a routine file (regular files only, at most 1 MiB; FIFOs, directories and devices are
// refused before reading). "-" reads standard input.
FileText read_routine_text(const std::string& path);

// One routine the catalog knows of, valid or not.
struct CatalogEntry {
  std::string name;    // the routine's name (for an invalid file: the file's stem)
  std::string source;  // "built-in" or the file path
  bool builtin = false;
  bool overrides_builtin = false;  // a user routine with a built-in's name
  int read_error = 0;              // the file could not be read: k_exit_no_input or k_exit_data
  std::optional<Routine> routine;  // set when valid
  Diagnostics errors;              // set when invalid
  std::string text;                // the JSON, to load again with --set values
  std::string diagnostic_source;   // how diagnostics name it ("built-in:breathe", a path)
  std::string key;                 // identity for include cycles
};

// Resolves includes: a name through the catalog's routines (user ones override built-ins), a
// path relative to the including file (or to the working folder for built-ins and stdin).
class CatalogResolver final : public RoutineResolver {
 public:
  void add(const std::string& name, RoutineResolver::Found found);
  std::variant<Found, std::string> resolve(const std::string& ref,
                                           const std::string& from_source) const override;

 private:
  std::vector<std::pair<std::string, Found>> m_named;  // later entries win
};

// All routines by name: built-ins first, then user folders in order; a later routine with the
// same name replaces the earlier one (and says so).
class Catalog {
 public:
  // `dirs`: user routine folders, in increasing priority. Missing folders are skipped.
  static Catalog load(const std::vector<std::filesystem::path>& dirs);

  const std::vector<CatalogEntry>& entries() const { return m_entries; }
  const CatalogResolver& resolver() const { return *m_resolver; }
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

  std::vector<CatalogEntry> m_entries;
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
