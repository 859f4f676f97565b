#include "catalog.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "embedded.hpp"
#include "exit_codes.hpp"
#include "loader.hpp"
#include "sanitize.hpp"

namespace backcare {
namespace {

FileText file_error(const std::string& path, int code, std::string message) {
  FileText out;
  out.exit_code = code;
  out.errors.push_back({sanitize(path), 0, 0, "", std::move(message)});
  return out;
}

// Reads all of `fd` up to the size limit.
FileText read_fd(int fd, const std::string& path) {
  FileText out;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return file_error(path, k_exit_no_input, fmt::format("cannot read: {}", std::strerror(errno)));
    }
    if (n == 0) {
      break;
    }
    out.text.append(buffer, static_cast<std::size_t>(n));
    if (out.text.size() > k_max_file_bytes) {
      return file_error(path, k_exit_data,
                        fmt::format("file is larger than the limit of 1 MiB ({} bytes)",
                                    k_max_file_bytes));
    }
  }
  return out;
}

}  // namespace

FileText read_routine_text(const std::string& path) {
  if (path == "-") {
    return read_fd(STDIN_FILENO, "<stdin>");
  }
  // O_NONBLOCK so that opening a FIFO cannot hang; the type is checked before any read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) {
      return file_error(path, k_exit_no_input, "no such file");
    }
    return file_error(path, k_exit_no_input, fmt::format("cannot open: {}", std::strerror(e)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return file_error(path, k_exit_no_input, fmt::format("cannot read: {}", std::strerror(e)));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* what = S_ISDIR(st.st_mode)    ? "a directory"
                       : S_ISFIFO(st.st_mode) ? "a FIFO"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    return file_error(path, k_exit_no_input,
                      fmt::format("is {}; a routine must be a regular file", what));
  }
  if (static_cast<std::uintmax_t>(st.st_size) > k_max_file_bytes) {
    ::close(fd);
    return file_error(path, k_exit_data,
                      fmt::format("file is larger than the limit of 1 MiB ({} bytes)",
                                  static_cast<std::uintmax_t>(st.st_size)));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  FileText out = read_fd(fd, path);
  ::close(fd);
  return out;
}

std::filesystem::path user_routine_dir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && xdg[0] == '/') {
    return std::filesystem::path(xdg) / "backcare" / "routines";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".config" / "backcare" /
         "routines";
}

std::vector<std::pair<std::string, std::string>> builtin_routine_texts() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& file : embedded_files()) {
    if (file.name == "schema.json") {
      continue;
    }
    std::string name(file.name);
    name = name.substr(0, name.size() - 5);  // ".json"
    out.emplace_back(std::move(name), std::string(file.content));
  }
  return out;
}

Catalog Catalog::load(const std::vector<std::filesystem::path>& dirs) {
  Catalog catalog;
  const auto add = [&](CatalogEntry entry) {
    const auto it = std::find_if(catalog.m_entries.begin(), catalog.m_entries.end(),
                                 [&](const CatalogEntry& e) { return e.name == entry.name; });
    if (it == catalog.m_entries.end()) {
      catalog.m_entries.push_back(std::move(entry));
      return;
    }
    entry.overrides_builtin = it->builtin || it->overrides_builtin;
    *it = std::move(entry);
  };
  for (const auto& [name, text] : builtin_routine_texts()) {
    CatalogEntry entry;
    entry.builtin = true;
    entry.source = "built-in";
    LoadResult loaded = load_routine(text, "built-in:" + name);
    entry.name = loaded.ok() ? loaded.routine.name : name;
    if (loaded.ok()) {
      loaded.routine.source = "built-in";
      entry.routine = std::move(loaded.routine);
    } else {
      entry.errors = std::move(loaded.errors);
    }
    add(std::move(entry));
  }
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
      if (item.path().extension() == ".json") {
        files.push_back(item.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      CatalogEntry entry;
      entry.source = file.string();
      entry.name = file.stem().string();
      FileText text = read_routine_text(file.string());
      if (!text.errors.empty()) {
        entry.errors = std::move(text.errors);
      } else {
        LoadResult loaded = load_routine(text.text, file.string());
        if (loaded.ok()) {
          entry.name = loaded.routine.name;
          entry.routine = std::move(loaded.routine);
        } else {
          entry.errors = std::move(loaded.errors);
        }
      }
      add(std::move(entry));
    }
  }
  return catalog;
}

const CatalogEntry* Catalog::find(const std::string& name) const {
  const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&](const CatalogEntry& e) { return e.name == name; });
  return it == m_entries.end() ? nullptr : &*it;
}

std::vector<std::string> Catalog::names() const {
  std::vector<std::string> out;
  for (const auto& entry : m_entries) {
    out.push_back(entry.name);
  }
  return out;
}

}  // namespace backcare
