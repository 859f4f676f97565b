#include "config_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/sanitize.hpp"
#include "embedded.hpp"
#include "xdg.hpp"

namespace backcare {
namespace {

constexpr std::size_t k_max_config_bytes = 1024 * 1024;

// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

// The text of the file, or nullopt with `why` set (and `missing` when it does not exist).
std::optional<std::string> read_config_text(const std::string& path, bool& missing,
                                            std::string& why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    missing = errno == ENOENT;
    why = fmt::format("cannot open: {}", std::strerror(errno));
    return std::nullopt;
  }
  const FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    why = fmt::format("cannot read: {}", std::strerror(errno));
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "is not a regular file";
    return std::nullopt;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > k_max_config_bytes) {
    why = "is larger than the limit of 1 MiB";
    return std::nullopt;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      why = fmt::format("cannot read: {}", std::strerror(errno));
      return std::nullopt;
    }
    if (n == 0) {
      return text;
    }
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > k_max_config_bytes) {
      why = "is larger than the limit of 1 MiB";
      return std::nullopt;
    }
  }
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
  bool missing = false;
  std::string why;
  const std::optional<std::string> text = read_config_text(path, missing, why);
  if (!text) {
    if (!missing) {
      out.found = true;
      out.errors.push_back({sanitize(path), 0, 0, "", why});
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
