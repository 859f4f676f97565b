#pragma once
// What `backcare plan show` and `plan list` print about a programme: plain text, sanitized,
// wrapped to a width. Pure, tested with exact strings.
#include <string>

#include "programme/programme.hpp"

namespace backcare {

// The whole programme: its title and description, then each block of weeks with its routines,
// how often, the values set, and its notes.
std::string describe_programme(const Programme& programme, int width);

// One line for `plan list`: "twelve-weeks  12 weeks  Twelve weeks: from breath to strength".
std::string programme_list_line(const Programme& programme, int name_width);

// "Weeks 1–2" or "Week 5".
std::string weeks_label(const ProgrammeBlock& block);

}  // namespace backcare
