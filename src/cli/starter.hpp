#pragma once
// `backcare new`: the starter routine, a small example of every step kind that validates as
// written, so a new user edits rather than starts from nothing.
#include <string>

namespace backcare {

// The starter routine's JSON with `name` (a valid slug) filled in.
std::string starter_routine(const std::string& name);

// The embedded routines/schema.json.
std::string routine_schema();

}  // namespace backcare
