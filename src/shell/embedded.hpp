#pragma once
// Files from routines/ compiled into the binary (see cmake/EmbedRoutines.cmake), so the
// built-in routines and the schema need nothing on disk.
#include <span>
#include <string_view>

namespace backcare {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "breathe.json"
  std::string_view content;  // the file's bytes
};

std::span<const EmbeddedFile> embedded_files();
// The built-in programmes and their schema (programmes/*.json).
std::span<const EmbeddedFile> embedded_programmes();

}  // namespace backcare
