#include "programmes.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/exit_codes.hpp"
#include "catalog.hpp"
#include "embedded.hpp"
#include "xdg.hpp"

namespace backcare {
namespace {

constexpr std::string_view k_schema_name = "programme.schema.json";

std::string stem_of(std::string_view file_name) {
  return std::string(file_name.substr(0, file_name.size() - std::string_view(".json").size()));
}

// The user's programme files, sorted by name, at most k_max_programme_files.
std::vector<std::filesystem::path> user_files() {
  std::vector<std::filesystem::path> files;
  const std::string dir = config_home_path("programmes");
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
    return files;
  }
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::filesystem::path& path = it->path();
    if (path.extension() == ".json" && path.filename() != k_schema_name) {
      files.push_back(path);
    }
    if (files.size() >= k_max_programme_files) {
      break;
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

ProgrammeFile read_programme_file(const std::string& path) {
  ProgrammeFile file{path, path, "", false, {}, 0};
  Result<std::string> text = read_routine_text(path);
  if (text) {
    file.text = std::move(*text);
  } else {
    file.read_errors.push_back({path, 0, 0, "", text.error().message});
    file.exit_code = text.error().exit_code;
  }
  return file;
}

std::vector<ProgrammeFile> programme_files() {
  std::vector<ProgrammeFile> files;
  for (const auto& file : embedded_programmes()) {
    if (file.name == k_schema_name) {
      continue;
    }
    const std::string name = stem_of(file.name);
    files.push_back({name, "built-in:" + name, std::string(file.content), true, {}, 0});
  }
  for (const auto& path : user_files()) {
    ProgrammeFile file = read_programme_file(path.string());
    file.name = stem_of(path.filename().string());
    const auto same = std::find_if(files.begin(), files.end(),
                                   [&](const ProgrammeFile& f) { return f.name == file.name; });
    if (same != files.end()) {
      *same = std::move(file);
    } else {
      files.push_back(std::move(file));
    }
  }
  return files;
}

std::string_view programme_schema() {
  for (const auto& file : embedded_programmes()) {
    if (file.name == k_schema_name) {
      return file.content;
    }
  }
  return {};
}

}  // namespace backcare
