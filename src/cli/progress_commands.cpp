#include "progress_commands.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "config_file.hpp"
#include "journal_store.hpp"
#include "progress/report.hpp"
#include "progress/stats.hpp"
#include "progress/stats_view.hpp"
#include "terminal.hpp"

extern char** environ;

namespace backcare {
namespace {

const char* k_stats_footer =
    R"(Nights, streaks and minutes count sessions with practice time; a session that
resumes another counts as one practice, on the day of its first part. A session after midnight
and before "day_starts_at" (04:00) counts for the evening before. Pain means are of the scores
given after sessions and at check-ins.

Examples:
  backcare stats                      this week, streaks, the last 12 weeks
  backcare stats --as-of 2026-11-30   as it was at the end of that day
  backcare stats --json | jq .this_week)";

const char* k_report_footer =
    R"(The page is self-contained (no script, nothing fetched) and prints on one A4 or
Letter page. Without --out it goes to standard output when that is not a terminal, else to
backcare-report-YYYY-MM-DD.html in the current folder (with --open, always a file).

Examples:
  backcare report --open
  backcare report --weeks 8 --name Ana --out for-my-physio.html)";

CLI::Validator weeks_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 4 &&
                            std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
        const int value = digits ? std::atoi(text.c_str()) : 0;
        return value >= 1 && value <= k_max_stats_weeks
                   ? ""
                   : fmt::format("must be a whole number from 1 to {}, got \"{}\"",
                                 k_max_stats_weeks, sanitize(text));
      },
      "N");
}

}  // namespace

CLI::Validator date_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return parse_date(text)
                   ? ""
                   : fmt::format("expected a date YYYY-MM-DD, got \"{}\"", sanitize(text));
      },
      "YYYY-MM-DD");
}

Config load_config() {
  const ConfigLoad load = load_config_file(config_path());
  if (!load.ok()) {
    throw errors_to_app_error(load.errors, k_exit_config);
  }
  return load.config;
}

// The history's records; a damaged line is a warning, an unreadable file an error (66, said
// as every other error is: "backcare: error: ..."), no home to find it in 74.
std::vector<JournalRecord> read_history() {
  const std::string path = history_path();
  if (path.empty()) {
    throw AppError{k_exit_io_error,
                   {"no XDG_STATE_HOME or HOME: there is no place for the journal"}};
  }
  JournalStore::ReadResult read = JournalStore(path).read();
  for (const std::string& warning : read.warnings) {
    print_err(fmt::format("backcare: warning: {}\n", warning));
  }
  if (read.error) {
    throw AppError{k_exit_no_input, {"backcare: error: " + *read.error}};
  }
  return std::move(read.records);
}

namespace {

// The --as-of day, refused when the weeks shown around it would reach outside the years 1 to
// 9999 (a date there cannot be written as YYYY-MM-DD).
CivilDate as_of_date(const std::string& text, int weeks) {
  const CivilDate date = text.empty() ? local_now().instant.date : *parse_date(text);
  const std::int64_t day = days_from_civil(date);
  const bool fits = day - 7 * (std::int64_t{weeks} + 1) >= days_from_civil({1, 1, 1}) &&
                    day + 7 <= days_from_civil({9999, 12, 31});
  if (!fits) {
    throw AppError{k_exit_usage,
                   {fmt::format("--as-of {}: the {} weeks shown reach outside the years 1 to 9999",
                                sanitize(text), weeks)}};
  }
  return date;
}

// Whether the locale's characters include the block elements (a UTF-8 locale).
bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
      std::string lower(value);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
  }
  return false;
}

Stats stats_for(const std::string& as_of, int weeks, Config& config) {
  config = load_config();
  const CivilDate date = as_of_date(as_of, weeks);
  return compute_stats(read_history(), config, date, weeks);
}

// Hands `path` to xdg-open (no shell); false when it is not there or fails to start. A name
// starting with "-" goes as "./-name", so the opener cannot take it for an option.
bool open_file(const std::string& name) {
  const std::string path = name.front() == '-' ? "./" + name : name;
  std::vector<char*> argv = {const_cast<char*>("xdg-open"), const_cast<char*>(path.c_str()),
                             nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv.data(), environ) != 0) {
    return false;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

AppError write_error(int exit_code, const std::string& path, int error) {
  return AppError{exit_code,
                  {fmt::format("cannot write {}: {}", sanitize(path), std::strerror(error))}};
}

// Writes the page to a device (/dev/full, /dev/stdout) as it is: there is no folder to rename
// in. A failed write is 74, as for standard output.
void write_device(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    throw write_error(k_exit_cant_create, path, errno);
  }
  const auto written = write_all(fd, text);
  ::close(fd);
  if (!written) {
    throw write_error(k_exit_io_error, path, written.error().err);
  }
}

// Writes the page to a new 0600 file beside `path`, then renames it into place: a full disk
// leaves the old page (or none), never a cut-short one. An old page that others could read is
// replaced by the private one, with a warning. 73 when the file cannot be made, 74 when it
// cannot be written.
void write_file(const std::string& path, const std::string& text) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    write_device(path, text);
    return;
  }
  char resolved[PATH_MAX];
  const bool exists = ::realpath(path.c_str(), resolved) != nullptr;
  const std::string target = exists ? std::string(resolved) : path;  // a link stays a link
  std::string temp = folder_of(target) + "/.backcare-report.XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // made 0600
  if (fd < 0) {
    throw write_error(k_exit_cant_create, path, errno);
  }
  const auto written = write_all(fd, text);
  int error = written ? 0 : written.error().err;
  if (error == 0 && ::fsync(fd) != 0) {
    error = errno;
  }
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error != 0) {
    ::unlink(temp.c_str());
    throw write_error(k_exit_io_error, path, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp.c_str());
    throw write_error(k_exit_cant_create, path, e);
  }
  if (exists && (st.st_mode & 077) != 0) {
    print_err(fmt::format(
        "backcare: warning: {} could be read by others (mode {:04o}); the new page is 0600\n",
        sanitize(path), st.st_mode & 07777));
  }
}

}  // namespace

void define_stats(CLI::App& sub, Args& args) {
  sub.footer(k_stats_footer);
  sub.add_option("--as-of", args.stats.as_of,
                 "Stats as they were at the end of this local day (default today)")
      ->check(date_check())
      ->type_name("DATE");
  sub.add_option("--weeks", args.stats.weeks, "Weeks in the chart and trends (default 12)")
      ->check(weeks_check())
      ->type_name("N");
  sub.add_flag("--json", args.stats.json, "Print every figure as JSON (docs/journal.md)");
  sub.add_option("--width", args.stats.width,
                 "Lay the text out for N columns (default: the terminal's, else 80)")
      ->check(CLI::Range(20, 1000))
      ->type_name("N");
  sub.add_flag("--ascii", args.stats.ascii,
               "ASCII marks only (automatic when the locale is not UTF-8)");
  sub.add_flag("--no-color", args.stats.no_color, "No colours (also: NO_COLOR=1)");
}

void define_report(CLI::App& sub, Args& args) {
  sub.footer(k_report_footer);
  sub.add_option("--weeks", args.report.weeks, "Weeks the report covers (default 12)")
      ->check(weeks_check())
      ->type_name("N");
  sub.add_option("--out", args.report.out, "Write the page to FILE (- for standard output)")
      ->type_name("FILE");
  sub.add_option("--name", args.report.name, "Who it is for (default: \"name\" in the config)")
      ->type_name("NAME");
  sub.add_option("--as-of", args.report.as_of,
                 "The report as of the end of this local day (default today)")
      ->check(date_check())
      ->type_name("DATE");
  sub.add_flag("--open", args.report.open, "Open the page with xdg-open when it is there");
}

int cmd_stats(Context& /*context*/, const Args& args) {
  Config config;
  const Stats stats = stats_for(args.stats.as_of, args.stats.weeks, config);
  if (args.stats.json) {
    print_out(stats_to_json(stats).dump(2) + "\n");
    return k_exit_ok;
  }
  const TerminalCaps caps = detect_terminal_caps(args.stats.no_color);
  StatsViewOptions options;
  options.width = args.stats.width > 0 ? args.stats.width : caps.width;
  options.unicode = !args.stats.ascii && utf8_locale();
  options.color = caps.color && !(config.color && !*config.color);
  print_out(stats_text(stats, options));
  return k_exit_ok;
}

int cmd_report(Context& /*context*/, const Args& args) {
  Config config;
  const Stats stats = stats_for(args.report.as_of, args.report.weeks, config);
  ReportOptions options;
  options.name = args.report.name.empty() ? config.name : args.report.name;
  const std::string html = report_html(stats, options);
  std::string out = args.report.out;
  if (out.empty()) {
    const bool to_file = ::isatty(1) != 0 || args.report.open;  // --open needs a file
    out = to_file ? fmt::format("backcare-report-{}.html", format_date(stats.as_of)) : "-";
  }
  if (out == "-") {
    print_out(html);
    return k_exit_ok;
  }
  write_file(out, html);
  print_err(fmt::format("backcare: report written to {}\n", sanitize(out)));
  if (args.report.open && !open_file(out)) {
    print_err("backcare: warning: could not run xdg-open; open the file in a browser\n");
  }
  return k_exit_ok;
}

}  // namespace backcare
