// libFuzzer target: the command line and the catalog. The input's first line is the command
// line (words split on spaces); the rest is a routine pack, files separated by a line "----",
// written as a.json, b.json, … into a fresh routines folder that the command is pointed at with
// --routines-dir. Every command that would start a live session gets --dry-run, so nothing
// waits on the clock. Output goes to /dev/null (stderr with -close_fd_mask=2). It must never crash,
// hang or leak; any exit code is fine.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBACKCARE_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_cli
//   build-fuzz/fuzz/fuzz_cli -max_total_time=60 -dict=fuzz/cli.dict NEW_DIR fuzz/corpus-cli
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_separator = "\n----\n";
constexpr std::size_t k_max_files = 6;
constexpr std::size_t k_max_words = 16;

// Commands that only print; anything else may start a session and gets --dry-run.
bool prints_only(const std::string& word) {
  static const std::array<std::string_view, 9> k_words = {
      "list", "show", "validate", "schema", "completion", "new", "--help", "--version", "help"};
  for (const auto& known : k_words) {
    if (word == known) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  while (!line.empty() && words.size() < k_max_words) {
    const auto space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    // No absolute or parent paths: --events and new write files, and must stay in the sandbox.
    if (!word.empty() && !word.starts_with('/') && word.find("..") == std::string_view::npos) {
      words.emplace_back(word);
    }
    if (space == std::string_view::npos) {
      break;
    }
    line.remove_prefix(space + 1);
  }
  return words;
}

// Points stdin and stdout at /dev/null once and gives the process a private config and
// state home. (scripts/fuzz.sh runs it in a scratch folder: --events and new write files.)
const fs::path& sandbox() {
  static const fs::path root = [] {
    char pattern[] = "/tmp/backcare-fuzz-XXXXXX";
    const char* made = mkdtemp(pattern);
    const fs::path dir = made != nullptr ? fs::path(made) : fs::temp_directory_path();
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    setenv("NO_COLOR", "1", 1);
    const int null_fd = open("/dev/null", O_RDWR);
    // stderr stays libFuzzer's; scripts/fuzz.sh silences the target's with -close_fd_mask=2.
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    return dir;
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const fs::path routines = sandbox() / "routines";
  std::error_code ignored;
  fs::remove_all(routines, ignored);
  fs::remove_all(sandbox() / "config", ignored);
  fs::create_directories(routines, ignored);

  const auto newline = input.find('\n');
  std::vector<std::string> words = split_words(input.substr(0, newline));
  input = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  for (std::size_t i = 0; i < k_max_files && !input.empty(); ++i) {
    const auto at = input.find(k_separator);
    std::ofstream(routines / (std::string(1, static_cast<char>('a' + i)) + ".json"),
                  std::ios::binary)
        << input.substr(0, at);
    input =
        at == std::string_view::npos ? std::string_view{} : input.substr(at + k_separator.size());
  }

  std::vector<std::string> args = {"backcare", "--routines-dir", routines.string()};
  args.insert(args.end(), words.begin(), words.end());
  if (words.empty() || !prints_only(words.front())) {
    args.emplace_back("--dry-run");
  }
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  (void)backcare::app_main(static_cast<int>(args.size()), argv.data());
  return 0;
}
