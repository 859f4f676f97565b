#include "xdg.hpp"

#include <cstdlib>

namespace backcare {

std::string xdg_path(const char* var, const char* home_relative, const std::string& relative) {
  const char* base = std::getenv(var);
  if (base != nullptr && base[0] == '/') {
    return std::string(base) + "/" + relative;
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') {
    return std::string(home) + "/" + home_relative + "/" + relative;
  }
  return "";
}

std::string config_home_path(const std::string& relative) {
  return xdg_path("XDG_CONFIG_HOME", ".config", "backcare/" + relative);
}

std::string state_home_path(const std::string& relative) {
  return xdg_path("XDG_STATE_HOME", ".local/state", "backcare/" + relative);
}

}  // namespace backcare
