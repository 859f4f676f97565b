#pragma once
// Reading the config file, $XDG_CONFIG_HOME/backcare/config.json (docs/config.md). The checks
// are in src/core/config; this part finds and reads the file. A missing file means the
// defaults; a file that exists but cannot be read, or is wrong in any way, is an error (exit
// k_exit_config), never a silent fallback to defaults.
#include <optional>
#include <string>

#include "config/config.hpp"

namespace backcare {

// "$XDG_CONFIG_HOME/backcare/config.json", or "$HOME/.config/backcare/config.json"
// (XDG_CONFIG_HOME unset, empty or relative); "" when neither variable helps.
std::string config_path();

// The result of reading a config file.
struct ConfigLoad {
  Config config;       // the defaults when the file is missing or has errors
  bool found = false;  // the file exists
  Diagnostics errors;  // each "PATH:3:12: lead_in: must be ...", or "PATH: cannot read: ..."
  bool ok() const { return errors.empty(); }
};

// Reads and checks the file at `path` (at most 1 MiB, a regular file, opened without
// blocking). "~/" at the start of a routine_dirs entry becomes $HOME/.
ConfigLoad load_config_file(const std::string& path);

// routines/config.schema.json, embedded in the binary (for a `config schema` command and for
// editors: "$schema": "./config.schema.json").
std::string config_schema();

}  // namespace backcare
