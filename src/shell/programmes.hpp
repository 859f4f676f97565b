#pragma once
// Where programmes come from: the built-ins embedded in the binary (programmes/*.json) and the
// user's folder ($XDG_CONFIG_HOME/backcare/programmes). Reads files; checking them is the
// core's load_programme.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace backcare {

inline constexpr std::size_t k_max_programme_files = 100;

// One programme file, not yet checked.
struct ProgrammeFile {
  std::string name;    // the file's stem ("twelve-weeks")
  std::string source;  // how diagnostics name it: "built-in:twelve-weeks" or the path
  std::string text;
  bool builtin = false;
  Diagnostics read_errors;  // the file could not be read
  int exit_code = 0;        // with read_errors: 66 or 65
};

// A programme file named by its path (regular files of at most 1 MiB, as routines).
ProgrammeFile read_programme_file(const std::string& path);

// The built-ins, then the user's files (sorted; one with a built-in's name replaces it).
std::vector<ProgrammeFile> programme_files();

// The programme's JSON Schema (programmes/programme.schema.json, embedded).
std::string_view programme_schema();

}  // namespace backcare
