#include "programme/programme.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/sanitize.hpp"
#include "json/json_fields.hpp"
#include "json/json_reader.hpp"
#include "routine/compose.hpp"

namespace backcare {

const ProgrammeBlock* Programme::block_for(int week) const {
  for (const auto& block : blocks) {
    if (week >= block.from && week <= block.to) {
      return &block;
    }
  }
  return nullptr;
}

namespace {

// Reads one programme document into a Programme, every problem a Diagnostic.
class ProgrammeReader {
 public:
  ProgrammeReader(const JsonDocument& document, const std::string& source, Diagnostics& errors)
      : m_fields(document, source, errors) {}

  Programme programme() {
    Programme programme;
    programme.source = m_fields.source();
    const Json& root = m_fields.document().value;
    if (!root.is_object()) {
      m_fields.error("", fmt::format("expected an object with \"format\", \"name\", \"title\" "
                                     "and \"weeks\", got {}",
                                     type_phrase(root)));
      return programme;
    }
    m_fields.check_keys(root, "", {"$schema", "format", "name", "title", "description", "weeks"});
    m_fields.require(root, "", {"format", "name", "title", "weeks"});
    FileHead head = read_file_head(m_fields, root);
    programme.name = std::move(head.name);
    programme.title = std::move(head.title);
    programme.description = std::move(head.description);
    if (root.contains("weeks")) {
      read_blocks(root["weeks"], programme);
    }
    return programme;
  }

 private:
  void read_blocks(const Json& weeks, Programme& programme) {
    if (!weeks.is_array() || weeks.empty()) {
      m_fields.error("weeks",
                     fmt::format("expected a non-empty array of blocks of weeks, got {}",
                                 weeks.is_array() ? "an empty array" : type_phrase(weeks)));
      return;
    }
    int next = 1;  // the week the next block must start at
    for (std::size_t i = 0; i < weeks.size(); ++i) {
      const std::string path = json_path_index("weeks", i);
      ProgrammeBlock block = read_block(weeks[i], path);
      if (block.from == 0) {
        continue;  // its weeks could not be read; the order of the rest is not checked
      }
      if (block.from != next) {
        m_fields.error(json_path_member(path, "from"),
                       block.from > next
                           ? fmt::format("weeks {} to {} are in no block: this block should "
                                         "start at week {}",
                                         next, block.from - 1, next)
                           : fmt::format("week {} is in an earlier block too: this block should "
                                         "start at week {}",
                                         block.from, next));
      }
      next = block.to + 1;
      programme.blocks.push_back(std::move(block));
    }
  }

  ProgrammeBlock read_block(const Json& value, const std::string& path) {
    ProgrammeBlock block;
    if (!value.is_object()) {
      m_fields.error(path, fmt::format("expected an object with \"from\", \"routines\" and "
                                       "optionally \"to\", \"focus\", \"notes\", got {}",
                                       type_phrase(value)));
      return block;
    }
    m_fields.check_keys(value, path, {"from", "to", "focus", "notes", "routines"});
    m_fields.require(value, path, {"from", "routines"});
    // 0: not given or not valid.
    const auto week = [&](const char* key) {
      return value.contains(key)
                 ? static_cast<int>(m_fields
                                        .read_integer(value[key], json_path_member(path, key), 1,
                                                      k_max_programme_weeks)
                                        .value_or(0))
                 : 0;
    };
    const int from = week("from");
    int to = value.contains("to") ? week("to") : from;
    if (from > 0 && to > 0 && to < from) {
      m_fields.error(json_path_member(path, "to"),
                     fmt::format("expected a week from {} (\"from\") to {}, got {}", from,
                                 k_max_programme_weeks, to));
      to = 0;
    }
    block.focus = m_fields.optional_string(value, path, "focus").value_or("");
    block.notes = m_fields.optional_string(value, path, "notes").value_or("");
    if (value.contains("routines")) {
      read_items(value["routines"], json_path_member(path, "routines"), block);
    }
    if (from > 0 && to > 0) {
      block.from = from;
      block.to = to;
    }
    return block;
  }

  void read_items(const Json& value, const std::string& path, ProgrammeBlock& block) {
    if (!value.is_array() || value.empty()) {
      m_fields.error(
          path, fmt::format("expected a non-empty array of routines, got {}", type_phrase(value)));
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string item_path = json_path_index(path, i);
      const Json& item = value[i];
      if (!item.is_object()) {
        m_fields.error(item_path, fmt::format("expected an object with \"routine\" and "
                                              "\"per_week\", got {}",
                                              type_phrase(item)));
        continue;
      }
      m_fields.check_keys(item, item_path, {"routine", "per_week", "set"});
      m_fields.require(item, item_path, {"routine", "per_week"});
      ProgrammeItem read;
      read.path = item_path;
      read.routine = m_fields.optional_string(item, item_path, "routine", true).value_or("");
      if (item.contains("per_week")) {
        read.per_week = static_cast<int>(
            m_fields.read_integer(item["per_week"], json_path_member(item_path, "per_week"), 1, 7)
                .value_or(0));
      }
      if (item.contains("set")) {
        read_set(item["set"], json_path_member(item_path, "set"), read);
      }
      block.items.push_back(std::move(read));
    }
  }

  // The parameter values: numbers, or durations such as "90s"; whether the routine takes them
  // is checked against the routine itself.
  void read_set(const Json& value, const std::string& path, ProgrammeItem& item) {
    if (!value.is_object()) {
      m_fields.error(path, fmt::format("expected an object of parameter values such as "
                                       "{{\"sets\": 3}}, got {}",
                                       type_phrase(value)));
      return;
    }
    const JsonDocument& doc = m_fields.document();
    for (const auto& [name, raw] : value.items()) {
      const std::string vp = json_path_member(path, name);
      ParamValue pv;
      pv.value = raw;
      if (raw.is_string()) {
        if (const auto ms = m_fields.read_duration(raw, vp, false)) {
          pv.value = number_json(static_cast<double>(*ms) / 1000.0);
        } else {
          continue;
        }
      }
      const TextPosition pos = doc.value_at(vp);
      pv.where = {m_fields.source(), pos.line, pos.column, vp, ""};
      item.set[name] = std::move(pv);
    }
  }

  FieldReader m_fields;
};

// Every routine named must exist and take the values set for it.
void check_routines(const Programme& programme, const RoutineResolver& resolver,
                    FieldReader& fields) {
  for (const auto& block : programme.blocks) {
    for (const auto& item : block.items) {
      if (item.routine.empty()) {
        continue;
      }
      const std::string routine_path = json_path_member(item.path, "routine");
      auto found = resolver.resolve(item.routine, programme.source);
      if (const auto* why = std::get_if<std::string>(&found)) {
        fields.error(routine_path, *why);
        continue;
      }
      const auto& routine = std::get<RoutineResolver::Found>(found);
      LoadOptions options{.resolver = &resolver, .params = item.set, .key = routine.key};
      const LoadResult loaded = load_routine(routine.text, routine.source, options);
      bool routine_broken = false;
      for (const auto& error : loaded.errors) {
        if (error.source == programme.source) {
          fields.errors().push_back(error);  // about a value this programme sets
        } else {
          routine_broken = true;
        }
      }
      if (routine_broken) {
        fields.error(routine_path,
                     fmt::format("routine \"{}\" is not valid (backcare validate {} says why)",
                                 sanitize(item.routine), sanitize(item.routine)));
      }
    }
  }
}

}  // namespace

ProgrammeLoad load_programme(std::string_view text, const std::string& source,
                             const RoutineResolver* resolver) {
  ProgrammeLoad result;
  try {
    JsonReadResult parsed = read_json(text, source);
    result.errors = std::move(parsed.errors);
    if (parsed.complete) {
      ProgrammeReader reader(parsed.document, source, result.errors);
      result.programme = reader.programme();
      if (resolver != nullptr && result.errors.empty()) {
        FieldReader fields(parsed.document, source, result.errors);
        check_routines(result.programme, *resolver, fields);
      }
    }
  } catch (const std::exception& e) {
    result.errors.push_back({source, 0, 0, "", fmt::format("could not be read: {}", e.what())});
  }
  cap_diagnostics(result.errors, source);
  return result;
}

std::string describe_values(const ParamValues& values) {
  std::string out;
  const auto number = [&](const std::string& name) -> std::optional<std::string> {
    const auto it = values.find(name);
    if (it == values.end() || !it->second.value.is_number()) {
      return std::nullopt;
    }
    return it->second.value.dump();
  };
  const auto sets = number("sets");
  const auto reps = number("reps");
  if (sets && reps) {
    out = fmt::format("{} sets of {}", *sets, *reps);
  }
  for (const auto& [name, value] : values) {
    if (sets && reps && (name == "sets" || name == "reps")) {
      continue;
    }
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", sanitize(name),
                       sanitize(value.value.dump()));
  }
  return out;
}

}  // namespace backcare
