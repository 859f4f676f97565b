#pragma once
// Where backcare keeps files, by the XDG Base Directory rules: $XDG_CONFIG_HOME (routines, the
// config file) and $XDG_STATE_HOME (the history), each falling back under $HOME. A relative
// XDG value is ignored, as the specification says.
#include <string>

namespace backcare {

// `$VAR/relative` when VAR holds an absolute path, else `$HOME/home_relative/relative`, else ""
// (no HOME: nowhere to keep it).
std::string xdg_path(const char* var, const char* home_relative, const std::string& relative);

// $XDG_CONFIG_HOME/backcare/RELATIVE (~/.config/backcare/RELATIVE).
std::string config_home_path(const std::string& relative);
// $XDG_STATE_HOME/backcare/RELATIVE (~/.local/state/backcare/RELATIVE).
std::string state_home_path(const std::string& relative);

}  // namespace backcare
