#include "programme/programme_view.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "base/text.hpp"

namespace backcare {
namespace {

void append_wrapped(std::string& out, std::string_view text, int width, const char* indent) {
  const int indent_width = static_cast<int>(std::string_view(indent).size());
  for (const auto& line : wrap_text(text, std::max(20, width - indent_width))) {
    out += indent + line + "\n";
  }
}

}  // namespace

std::string weeks_label(const ProgrammeBlock& block) {
  return block.from == block.to ? fmt::format("Week {}", block.from)
                                : fmt::format("Weeks {}\u2013{}", block.from, block.to);
}

std::string describe_programme(const Programme& programme, int width) {
  std::string out = fmt::format("{}: {}\n", safe_line(programme.name), safe_line(programme.title));
  if (!programme.description.empty()) {
    append_wrapped(out, programme.description, width, "");
  }
  int name_width = 0;
  for (const auto& block : programme.blocks) {
    for (const auto& item : block.items) {
      name_width = std::max(name_width, display_width(safe_line(item.routine)));
    }
  }
  for (const auto& block : programme.blocks) {
    out += "\n" + weeks_label(block);
    out += block.focus.empty() ? "\n" : ": " + safe_line(block.focus) + "\n";
    for (const auto& item : block.items) {
      const std::string name = safe_line(item.routine);
      const std::string values = describe_values(item.set);
      std::string line =
          fmt::format("  {}{}  {} a week", name,
                      std::string(static_cast<std::size_t>(name_width - display_width(name)), ' '),
                      item.per_week);
      if (!values.empty()) {
        line += ", " + values;
      }
      out += line + "\n";
    }
    if (!block.notes.empty()) {
      append_wrapped(out, block.notes, width, "  ");
    }
  }
  out += fmt::format("\n{} weeks. Start it with: backcare plan start {}\n", programme.weeks(),
                     safe_line(programme.name));
  return out;
}

std::string programme_list_line(const Programme& programme, int name_width) {
  const std::string name = safe_line(programme.name);
  const int pad = std::max(0, name_width - display_width(name));
  return fmt::format("{}{}  {:>2} weeks  {}", name, std::string(static_cast<std::size_t>(pad), ' '),
                     programme.weeks(), safe_line(programme.title));
}

}  // namespace backcare
