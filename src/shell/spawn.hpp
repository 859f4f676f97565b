#pragma once
// Starting helper programs (espeak-ng, an audio player) the one safe way: a fixed program
// looked up in PATH, arguments as an array (never a shell), output kept off the terminal and
// the event stream, and the child's signals as a fresh process has them, not ours.
#include <sys/types.h>

#include <string>
#include <vector>

#include "base/result.hpp"

namespace backcare {

// True when `program` (a name looked up in PATH, or a path) can be run.
bool program_in_path(const std::string& program);

// Starts `argv` (null-terminated; argv[0] looked up in PATH) with stdin and stdout on
// /dev/null and stderr on `err_fd` (/dev/null when -1), default signal handling and nothing
// blocked. The child's pid, or the error number posix_spawnp gave.
Result<pid_t, int> spawn_quietly(const std::vector<const char*>& argv, int err_fd);

}  // namespace backcare
