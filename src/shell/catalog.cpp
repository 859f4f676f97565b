#include "catalog.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "display/show.hpp"
#include "embedded.hpp"
#include "files.hpp"
#include "json/json_reader.hpp"
#include "routine/loader.hpp"
#include "xdg.hpp"

namespace backcare {
namespace {

// The words and exit code for a routine file that could not be read: 65 when it is too large
// (as invalid data), else 66. The caller puts the file's name in front.
Error routine_read_error(const FileError& error) {
  const auto no_input = [](std::string message) { return Error{k_exit_no_input, message}; };
  switch (error.fault) {
    case FileFault::missing:
      return no_input("no such file");
    case FileFault::cannot_open:
      return no_input(fmt::format("cannot open: {}", error.reason()));
    case FileFault::not_regular:
      return no_input(fmt::format("is {}; a routine must be a regular file", error.kind));
    case FileFault::too_large:
      return Error{k_exit_data,
                   fmt::format("file is larger than the limit of 1 MiB ({} bytes)", error.size)};
    case FileFault::would_block:
      return no_input("cannot read without waiting; a routine must be a regular file");
    case FileFault::pseudo_fs:
      return no_input(fmt::format(
          "is on the {} pseudo file system; a routine must be a regular file", error.kind));
    case FileFault::cannot_read:
    case FileFault::cannot_write:
      break;
  }
  return no_input(fmt::format("cannot read: {}", error.reason()));
}

}  // namespace

Result<std::string> read_routine_text(const std::string& path) {
  // Standard input is read as it comes (a pipe or a file), within the same limit.
  auto text = path == "-" ? read_all(STDIN_FILENO, k_max_file_bytes)
                          : read_regular_file(path, k_max_file_bytes);
  if (!text) {
    return unexpected(routine_read_error(text.error()));
  }
  return std::move(text).value();
}

std::filesystem::path user_routine_dir() {
  const std::string dir = config_home_path("routines");
  return dir.empty() ? std::filesystem::path(".config/backcare/routines")
                     : std::filesystem::path(dir);
}

std::vector<std::pair<std::string, std::string>> builtin_routine_texts() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& file : embedded_files()) {
    if (file.name == "schema.json" || file.name == "config.schema.json") {
      continue;  // the schemas are embedded beside the routines, but are not routines
    }
    std::string name(file.name);
    name = name.substr(0, name.size() - 5);  // ".json"
    out.emplace_back(std::move(name), std::string(file.content));
  }
  return out;
}

bool looks_like_path(const std::string& arg) {
  return arg == "-" || arg.find('/') != std::string::npos ||
         (arg.size() > 5 && arg.substr(arg.size() - 5) == ".json");
}

void CatalogResolver::add(const std::string& name, RoutineResolver::Found found) {
  m_named.emplace_back(name, std::move(found));
}

std::variant<RoutineResolver::Found, std::string> CatalogResolver::resolve(
    const std::string& ref, const std::string& from_source) const {
  if (looks_like_path(ref) && ref != "-") {
    std::filesystem::path path(ref);
    const bool from_file = from_source.rfind("built-in:", 0) != 0 && from_source != "<stdin>";
    if (path.is_relative() && from_file) {
      path = std::filesystem::path(from_source).parent_path() / path;
    }
    path = path.lexically_normal();  // "./b.json" from "a.json" is "b.json"
    Result<std::string> text = read_routine_text(path.string());
    if (!text) {
      return fmt::format("cannot include {}: {}", sanitize(path.string()), text.error().message);
    }
    if (auto spent = spend(text->size())) {
      return fmt::format("cannot include {}: {}", sanitize(path.string()), *spent);
    }
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(path, ec);
    return Found{std::move(text).value(), sanitize(path.string()),
                 ec ? path.string() : canonical.string()};
  }
  // A built-in includes built-ins only, so a user's own "breathe" cannot break "night-release".
  const bool builtin_only = from_source.rfind("built-in:", 0) == 0;
  for (auto it = m_named.rbegin(); it != m_named.rend(); ++it) {
    if (it->first == ref && (!builtin_only || it->second.key.rfind("built-in:", 0) == 0)) {
      if (auto spent = spend(it->second.text.size())) {
        return fmt::format("cannot include \"{}\": {}", sanitize(ref), *spent);
      }
      return it->second;
    }
  }
  std::vector<std::string> names;  // only names a routine can have are suggested
  for (const auto& [name, found] : m_named) {
    if (is_routine_name(name)) {
      names.push_back(name);
    }
  }
  return fmt::format("no routine named \"{}\"{}", sanitize(ref), did_you_mean(ref, names));
}

std::optional<std::string> CatalogResolver::spend(std::size_t bytes) const {
  if (m_include_bytes + bytes > k_max_include_bytes) {
    return fmt::format(
        "includes have read {} MiB of routines already, the limit for one "
        "command",
        k_max_include_bytes / k_max_file_bytes);
  }
  m_include_bytes += bytes;
  return std::nullopt;
}

namespace {

// The "name" a routine file declares, read without validating the rest (for includes by name).
std::string declared_name(const std::string& text, const std::string& fallback) {
  return read_json_string(text, "name").value_or(fallback);
}

}  // namespace

Catalog Catalog::load(const std::vector<std::filesystem::path>& dirs) {
  Catalog catalog;
  // First every routine's text, so includes by name can see all of them; then validation.
  std::vector<CatalogEntry> found;
  for (const auto& [name, text] : builtin_routine_texts()) {
    CatalogEntry entry;
    entry.builtin = true;
    entry.name = name;
    entry.source = "built-in";
    entry.diagnostic_source = "built-in:" + name;
    entry.key = entry.diagnostic_source;
    entry.text = text;
    found.push_back(std::move(entry));
  }
  std::size_t files_taken = 0;
  for (const auto& dir : dirs) {
    std::map<std::string, std::string> declared_in_dir;  // name → the file that declared it
    for (const auto& file : catalog.routine_files(dir, files_taken)) {
      CatalogEntry entry;
      entry.source = file.string();
      entry.diagnostic_source = sanitize(file.string());
      std::error_code canonical_error;
      entry.key = std::filesystem::weakly_canonical(file, canonical_error).string();
      std::error_code size_error;
      const std::uintmax_t size = std::filesystem::file_size(file, size_error);
      Result<std::string> text =
          !size_error && size <= k_max_file_bytes &&
                  catalog.m_bytes_read + size > k_max_catalog_bytes
              ? unexpected(
                    Error{k_exit_data,
                          fmt::format("not read: the routine folders hold more than {} MiB of "
                                      "routines, the limit for one command (move some to another "
                                      "folder)",
                                      k_max_catalog_bytes / k_max_file_bytes)})
              : read_routine_text(file.string());
      if (!text) {
        entry.name = file.stem().string();
        entry.read_error = text.error().exit_code;
        entry.errors.push_back({entry.diagnostic_source, 0, 0, "", text.error().message});
        entry.checked = true;
      } else {
        catalog.m_bytes_read += text->size();
        entry.text = std::move(text).value();
        entry.name = declared_name(entry.text, file.stem().string());
        catalog.check_name(entry, file, declared_in_dir);
      }
      found.push_back(std::move(entry));
    }
  }
  for (const auto& entry : found) {
    if (entry.errors.empty()) {  // readable: includes may name it
      catalog.m_resolver->add(entry.name, {entry.text, entry.diagnostic_source, entry.key});
    }
  }
  for (auto& entry : found) {
    const auto it = std::find_if(catalog.m_entries.begin(), catalog.m_entries.end(),
                                 [&](const CatalogEntry& e) { return e.name == entry.name; });
    if (it == catalog.m_entries.end()) {
      catalog.m_entries.push_back(std::move(entry));
    } else {
      entry.overrides_builtin = it->builtin || it->overrides_builtin;
      *it = std::move(entry);
    }
  }
  return catalog;
}

std::vector<std::filesystem::path> Catalog::routine_files(const std::filesystem::path& dir,
                                                          std::size_t& files_taken) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  std::size_t looked_at = 0;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (++looked_at > k_max_dir_entries) {
      m_warnings.push_back(
          fmt::format("{} holds more than {} entries; only the first {} were "
                      "looked at",
                      sanitize(dir.string()), k_max_dir_entries, k_max_dir_entries));
      break;
    }
    // schema.json sits beside user routines for editors (`backcare new` writes it).
    const auto& path = it->path();
    if (path.extension() == ".json" && path.filename() != "schema.json") {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  const std::size_t room = k_max_catalog_files - std::min(files_taken, k_max_catalog_files);
  if (files.size() > room) {
    m_warnings.push_back(
        fmt::format("{}: {} routine files not read, past the limit of {} "
                    "routine files for all folders together",
                    sanitize(dir.string()), files.size() - room, k_max_catalog_files));
    files.resize(room);
  }
  files_taken += files.size();
  return files;
}

void Catalog::check(CatalogEntry& entry) const {
  if (entry.checked) {
    return;
  }
  entry.checked = true;
  if (!entry.errors.empty()) {
    return;
  }
  LoadResult loaded =
      load_routine(entry.text, entry.diagnostic_source, {m_resolver.get(), {}, entry.key});
  if (loaded.ok()) {
    loaded.routine.source = entry.source;
    entry.routine = std::move(loaded.routine);
  } else {
    entry.errors = std::move(loaded.errors);
  }
}

const std::vector<CatalogEntry>& Catalog::entries() const {
  for (CatalogEntry& entry : m_entries) {
    check(entry);
  }
  return m_entries;
}

void Catalog::check_name(const CatalogEntry& entry, const std::filesystem::path& file,
                         std::map<std::string, std::string>& declared_in_dir) {
  const std::string stem = file.stem().string();
  if (entry.name != stem) {
    m_warnings.push_back(fmt::format(
        "{} declares the name \"{}\", not \"{}\": it is listed and run as \"{}\"",
        entry.diagnostic_source, sanitize(entry.name), sanitize(stem), sanitize(entry.name)));
  }
  const auto [it, first] = declared_in_dir.emplace(entry.name, entry.diagnostic_source);
  if (!first) {
    m_warnings.push_back(fmt::format(
        "{} declares the name \"{}\", also declared by {}; {} is used (in one folder the "
        "last file name in sort order wins)",
        entry.diagnostic_source, sanitize(entry.name), it->second,
        sanitize(file.filename().string())));
    it->second = entry.diagnostic_source;
  }
}

const CatalogEntry* Catalog::find(const std::string& name) const {
  const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&](const CatalogEntry& e) { return e.name == name; });
  if (it == m_entries.end()) {
    return nullptr;
  }
  check(*it);
  return &*it;
}

std::vector<std::string> Catalog::names() const {
  std::vector<std::string> out;
  for (const auto& entry : m_entries) {
    out.push_back(entry.name);
  }
  return out;
}

Json entry_to_json(const CatalogEntry& entry) {
  Json out = {{"name", entry.name},
              {"source", entry.source},
              {"builtin", entry.builtin},
              {"overrides_builtin", entry.overrides_builtin},
              {"valid", entry.routine.has_value()}};
  if (entry.routine) {
    out["title"] = entry.routine->title;
    out["total_ms"] = expand(*entry.routine).plan.total_ms;
  } else {
    Json errors = Json::array();
    for (const auto& error : entry.errors) {
      errors.push_back(error.format());
    }
    out["errors"] = errors;
  }
  return out;
}

}  // namespace backcare
