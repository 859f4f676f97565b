#pragma once
// The fixed shell text of the completion scripts, src/cli/completion/*.in, compiled into the
// binary (cmake/EmbedRoutines.cmake); completion.cpp fills in the commands and options.
#include "embedded.hpp"

#include <span>

namespace backcare {

// "backcare.bash.in", "backcare.fish.in", "backcare.zsh.in" and their text.
std::span<const EmbeddedFile> completion_templates();

}  // namespace backcare
