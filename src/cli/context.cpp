#include "context.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "base/exit_codes.hpp"
#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "config_file.hpp"
#include "routine/loader.hpp"
#include "terminal.hpp"

namespace backcare {

AppError errors_to_app_error(const Diagnostics& errors, int exit_code) {
  AppError out{exit_code, {}};
  for (const auto& error : errors) {
    out.lines.push_back(error.format());
  }
  return out;
}

namespace {
int s_stdout_errno = 0;  // the first failed write to standard output, 0 when none
}

void print_out(const std::string& raw) {
  const std::string text = guard_output(raw);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && s_stdout_errno == 0) {
    s_stdout_errno = errno != 0 ? errno : EIO;
  }
}

void print_err(const std::string& raw) {
  std::fflush(stdout);
  const std::string text = guard_output(raw);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

int finish_output(int exit_code) {
  errno = 0;
  if ((std::fflush(stdout) != 0 || std::ferror(stdout) != 0) && s_stdout_errno == 0) {
    s_stdout_errno = errno != 0 ? errno : EIO;
  }
  if (s_stdout_errno == 0) {
    return exit_code;
  }
  if (s_stdout_errno == EPIPE) {
    return 128 + SIGPIPE;
  }
  const std::string message = fmt::format("backcare: error: cannot write to standard output: {}\n",
                                          std::strerror(s_stdout_errno));
  std::fwrite(message.data(), 1, message.size(), stderr);
  return exit_code == k_exit_ok ? k_exit_io_error : exit_code;
}

const Catalog& Context::catalog() {
  if (!m_catalog) {
    std::vector<std::filesystem::path> dirs = {user_routine_dir()};
    for (const auto& dir : config().routine_dirs) {
      dirs.emplace_back(dir);
    }
    for (const auto& dir : m_routine_dirs) {
      dirs.emplace_back(dir);
    }
    m_catalog = Catalog::load(dirs);
  }
  return *m_catalog;
}

const Config& Context::config() {
  if (!m_config) {
    ConfigLoad load = load_config_file(config_path());
    if (!load.ok()) {
      throw errors_to_app_error(load.errors, k_exit_config);
    }
    m_config = std::move(load.config);
  }
  return *m_config;
}

std::string file_key(const std::string& arg) {
  if (arg == "-") {
    return "<stdin>";
  }
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(arg, ec);
  return ec ? arg : canonical.string();
}

RoutineText routine_text(Context& context, const std::string& arg) {
  const Catalog& catalog = context.catalog();
  if (const CatalogEntry* entry = looks_like_path(arg) ? nullptr : catalog.find(arg)) {
    if (entry->read_error != 0) {
      throw errors_to_app_error(entry->errors, entry->read_error);
    }
    return {entry->text, entry->diagnostic_source, entry->key, entry};
  }
  if (!looks_like_path(arg) && ::access(arg.c_str(), F_OK) != 0) {
    throw AppError{k_exit_usage,
                   {fmt::format("unknown routine \"{}\"{}; see `backcare list`", sanitize(arg),
                                did_you_mean(arg, catalog.names()))}};
  }
  std::string source = arg == "-" ? "<stdin>" : sanitize(arg);
  Result<std::string> text = read_routine_text(arg);
  if (!text) {
    throw AppError{text.error().exit_code, {source + ": " + text.error().message}};
  }
  return {std::move(text).value(), std::move(source), file_key(arg), nullptr};
}

namespace {

// Forwards to the catalog's resolver and notes the key of every routine it finds, so a run
// knows which files its routine was read from (--events must not overwrite one of them).
class RecordingResolver final : public RoutineResolver {
 public:
  explicit RecordingResolver(const RoutineResolver& inner) : m_inner(inner) {}
  std::variant<Found, std::string> resolve(const std::string& ref,
                                           const std::string& from_source) const override {
    auto found = m_inner.resolve(ref, from_source);
    if (const auto* routine = std::get_if<Found>(&found)) {
      m_keys.push_back(routine->key);
    }
    return found;
  }
  std::vector<std::string> keys() const { return m_keys; }

 private:
  const RoutineResolver& m_inner;
  mutable std::vector<std::string> m_keys;
};

}  // namespace

Routine load_routine_arg(Context& context, const RoutineText& routine, const ParamValues& params) {
  RecordingResolver resolver(context.catalog().resolver());
  LoadResult loaded = load_routine(routine.text, routine.source, {&resolver, params, routine.key});
  std::vector<std::string> files = resolver.keys();
  files.insert(files.begin(), routine.key);
  context.set_routine_files(std::move(files));
  if (!loaded.ok()) {
    // A limit crossed only because of --set (the routine loads without them) is the command
    // line's fault, as with --cycles: a usage error.
    const bool caused_by_sets =
        loaded.bad_command_line ||
        (!params.empty() && load_routine(routine.text, routine.source,
                                         {&context.catalog().resolver(), {}, routine.key})
                                .ok());
    throw errors_to_app_error(loaded.errors, caused_by_sets ? k_exit_usage : k_exit_data);
  }
  loaded.routine.source = routine.entry != nullptr ? routine.entry->source : routine.source;
  return std::move(loaded.routine);
}

Routine resolve_routine(Context& context, const std::string& arg, const ParamValues& params) {
  return load_routine_arg(context, routine_text(context, arg), params);
}

ParamValues parse_sets(const std::vector<std::string>& sets) {
  ParamValues values;
  for (const auto& text : sets) {
    auto parsed = parse_set_option(text);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
      throw AppError{k_exit_usage, {*problem}};
    }
    auto& [name, value] = std::get<0>(parsed);
    values[name] = std::move(value);
  }
  return values;
}

std::string for_locale(const std::string& text) {
  return locale_is_utf8() ? text : to_ascii(text);
}

}  // namespace backcare
