#include "config_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/sanitize.hpp"
#include "embedded.hpp"
#include "files.hpp"
#include "xdg.hpp"

namespace backcare {
namespace {

constexpr std::size_t k_max_config_bytes = 1024 * 1024;

// Why the config file could not be read, in the words `config check` prints after its path.
std::string config_read_error(const FileError& error) {
  switch (error.fault) {
    case FileFault::missing:
    case FileFault::cannot_open:
      return fmt::format("cannot open: {}", error.reason());
    case FileFault::not_regular:
      return "is not a regular file";
    case FileFault::too_large:
      return "is larger than the limit of 1 MiB";
    case FileFault::pseudo_fs:
      return fmt::format("is on the {} pseudo file system, not a regular file", error.kind);
    case FileFault::cannot_read:
    case FileFault::would_block:
    case FileFault::cannot_write:
      break;
  }
  return fmt::format("cannot read: {}", error.reason());
}

}  // namespace

std::string config_path() {
  return config_home_path("config.json");
}

ConfigLoad load_config_file(const std::string& path) {
  ConfigLoad out;
  if (path.empty()) {
    return out;  // no HOME: nowhere a config could be
  }
  const Result<std::string, FileError> text = read_regular_file(path, k_max_config_bytes);
  if (!text) {
    if (text.error().fault != FileFault::missing) {
      out.found = true;
      out.errors.push_back({sanitize(path), 0, 0, "", config_read_error(text.error())});
    }
    return out;
  }
  out.found = true;
  ConfigResult parsed = parse_config(*text, sanitize(path));
  if (!parsed.ok()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  out.config = std::move(parsed.config);
  const char* home = std::getenv("HOME");
  for (std::string& dir : out.config.routine_dirs) {
    if (dir.rfind("~/", 0) == 0 && home != nullptr && home[0] != '\0') {
      dir = std::string(home) + dir.substr(1);
    }
  }
  return out;
}

std::string config_schema() {
  for (const auto& file : embedded_files()) {
    if (file.name == "config.schema.json") {
      return std::string(file.content);
    }
  }
  return {};
}

}  // namespace backcare
