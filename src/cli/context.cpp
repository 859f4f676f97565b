#include "context.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "exit_codes.hpp"
#include "loader.hpp"
#include "sanitize.hpp"
#include "suggest.hpp"

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

void print_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && s_stdout_errno == 0) {
    s_stdout_errno = errno != 0 ? errno : EIO;
  }
}

void print_err(const std::string& text) {
  std::fflush(stdout);
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
    for (const auto& dir : m_routine_dirs) {
      dirs.emplace_back(dir);
    }
    m_catalog = Catalog::load(dirs);
  }
  return *m_catalog;
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
  FileText file = read_routine_text(arg);
  if (!file.errors.empty()) {
    throw errors_to_app_error(file.errors, file.exit_code);
  }
  return {std::move(file.text), arg == "-" ? "<stdin>" : sanitize(arg), file_key(arg), nullptr};
}

Routine load_routine_arg(Context& context, const RoutineText& routine, const ParamValues& params) {
  LoadResult loaded = load_routine(routine.text, routine.source,
                                   {&context.catalog().resolver(), params, routine.key});
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

}  // namespace backcare
