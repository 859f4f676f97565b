#include "journal_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <limits>
#include <thread>

#include "base/sanitize.hpp"
#include "files.hpp"
#include "xdg.hpp"

namespace backcare {
namespace {

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

// mkdir -p with mode 0700 for every folder it creates (existing folders are left as they are).
int make_folders(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  }
  if (errno != ENOENT) {
    return errno;
  }
  const std::string parent = parent_of(dir);
  if (parent != dir) {
    if (const int e = make_folders(parent); e != 0) {
      return e;
    }
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return errno;
  }
  return 0;
}

// flock, retried when a signal interrupts it.
int lock(int fd, int operation) {
  while (::flock(fd, operation) != 0) {
    if (errno != EINTR) {
      return errno;
    }
  }
  return 0;
}

// fsync, where the file can be synced: a character device (/dev/null as a history that
// keeps nothing) cannot, and that is not an error.
int sync_file(int fd, bool regular) {
  if (::fsync(fd) != 0 && (regular || (errno != EINVAL && errno != EROFS))) {
    return errno;
  }
  return 0;
}

bool same_file(int fd, const std::string& path) {
  struct stat a {};
  struct stat b {};
  return ::fstat(fd, &a) == 0 && ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

// A file of ours that others may read (a copy made with cp, a umask of 000) is tightened to
// 0600, and a folder that others may write in (0777: they could replace the file) to 0700,
// each with one warning: the journal is health information. A folder others may only list
// (0755, as mkdir -p makes it) is left alone. Nothing is said when a mode cannot be changed
// (not ours, a read-only mount).
void tighten_file(int fd, const std::string& path, std::vector<std::string>* warnings) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid() ||
      (st.st_mode & 077) == 0 || ::fchmod(fd, 0600) != 0 || warnings == nullptr) {
    return;
  }
  warnings->push_back(fmt::format("{} could be read by others (mode {:04o}); it is now 0600",
                                  sanitize(path), st.st_mode & 07777));
}

void tighten_folder(const std::string& dir, std::vector<std::string>* warnings) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() ||
      (st.st_mode & 022) == 0 || ::chmod(dir.c_str(), 0700) != 0 || warnings == nullptr) {
    return;
  }
  warnings->push_back(fmt::format("the folder {} was open to others (mode {:04o}); it is now 0700",
                                  sanitize(dir), st.st_mode & 07777));
}

// /dev/null (or a link to it): the documented way to keep no journal, read as an empty one.
bool is_dev_null(const std::string& path) {
  struct stat st {};
  struct stat null {};
  return ::stat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode) && ::stat("/dev/null", &null) == 0 &&
         S_ISCHR(null.st_mode) && null.st_rdev == st.st_rdev;
}

// Opens `path` for appending (O_RDWR rather than O_WRONLY, only so that the last byte can be
// read under the lock to find a torn tail) and takes the exclusive lock on the file the path names
// now (a forget may have renamed a new file into place while we waited). Sets `error` on failure.
int open_locked_for_append(const std::string& path, std::string& error) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    UniqueFd fd(::open(path.c_str(),
                       O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0600));
    if (fd.get() < 0) {
      error = std::strerror(errno);
      return -1;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
      error = std::strerror(errno);
      return -1;
    }
    if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)) {
      error = fmt::format("it is {}", file_kind(st.st_mode));
      return -1;
    }
    if (const int e = lock(fd.get(), LOCK_EX); e != 0) {
      error = std::strerror(e);
      return -1;
    }
    if (!S_ISREG(st.st_mode) || same_file(fd.get(), path)) {
      return fd.release();
    }
  }
  error = "the file kept being replaced";
  return -1;
}

}  // namespace

std::string history_path() {
  return state_home_path("history.jsonl");
}

std::optional<std::string> JournalStore::append(const JournalRecord& record,
                                                std::vector<std::string>* warnings) const {
  const auto fail = [&](const std::string& why) {
    return fmt::format("cannot record the session in {}: {}", sanitize(m_path), why);
  };
  if (m_path.empty()) {
    return fail("no XDG_STATE_HOME or HOME to keep it in");
  }
  if (const int e = make_folders(parent_of(m_path)); e != 0) {
    return fail(std::strerror(e));
  }
  std::string error;
  UniqueFd fd(open_locked_for_append(m_path, error));
  if (fd.get() < 0) {
    return fail(error);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return fail(std::strerror(errno));
  }
  const bool regular = S_ISREG(st.st_mode);
  if (regular) {
    tighten_file(fd.get(), m_path, warnings);
    tighten_folder(parent_of(m_path), warnings);
  }
  if (regular && static_cast<std::uint64_t>(st.st_size) > k_max_history_bytes && warnings) {
    // Still recorded (nothing is lost), but no command can read the file until it is trimmed.
    warnings->push_back(fmt::format(
        "the history {} is larger than the {} MiB backcare reads: history, stats and resume "
        "cannot use it until records are removed with `backcare history --forget ID`",
        sanitize(m_path), k_max_history_bytes >> 20));
  }
  std::string line = to_json_line(record);
  if (regular && st.st_size > 0) {
    // A torn last line (a writer killed mid-write, a full disk): end it, so this record
    // starts on a line of its own. Checked under the lock, so no writer is halfway.
    char last = '\n';
    const ssize_t n = ::pread(fd.get(), &last, 1, st.st_size - 1);
    if (n == 1 && last != '\n') {
      line.insert(line.begin(), '\n');
    }
  }
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  if (const auto written = write_all(fd.get(), line); !written) {
    return fail(written.error().reason());
  }
  if (const int e = sync_file(fd.get(), regular); e != 0) {
    return fail(std::strerror(e));
  }
  if (::close(fd.release()) != 0 && errno != EINTR) {
    return fail(std::strerror(errno));
  }
  return std::nullopt;
}

namespace {

// Why the history could not be read, after "cannot read the history PATH: ".
std::string history_read_error(const FileError& error) {
  switch (error.fault) {
    case FileFault::not_regular:
      return fmt::format("it is {}", error.kind);
    case FileFault::too_large:
      return fmt::format("it is larger than the limit of {} MiB", k_max_history_bytes >> 20);
    case FileFault::pseudo_fs:
      return fmt::format("it is on the {} pseudo file system", error.kind);
    default:
      return error.reason();
  }
}

// A shared lock if one comes within about a second (a stopped writer must not hang a reader);
// reading without it is safe too, since a half-written line is skipped.
void try_shared_lock(int fd) {
  for (int i = 0; i < 20; ++i) {
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0 || (errno != EWOULDBLOCK && errno != EINTR)) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

JournalStore::ReadResult JournalStore::read() const {
  ReadResult out;
  const auto fail = [&](const std::string& why) {
    out.error = fmt::format("cannot read the history {}: {}", sanitize(m_path), why);
    return out;
  };
  if (m_path.empty()) {
    return fail("no XDG_STATE_HOME or HOME to find it in");
  }
  Result<UniqueFd, FileError> fd = open_regular(m_path, k_max_history_bytes);
  if (!fd) {
    const FileError& error = fd.error();
    if (error.fault == FileFault::missing || is_dev_null(m_path)) {
      return out;  // no history yet, or a journal that keeps nothing
    }
    out.too_large = error.fault == FileFault::too_large;
    return fail(history_read_error(error));
  }
  tighten_file(fd->get(), m_path, &out.warnings);
  tighten_folder(parent_of(m_path), &out.warnings);
  try_shared_lock(fd->get());
  const Result<std::string, FileError> text = read_all(fd->get(), k_max_history_bytes);
  if (!text) {
    out.too_large = text.error().fault == FileFault::too_large;  // it grew as we read
    return fail(history_read_error(text.error()));
  }
  HistoryParse parsed = parse_history(*text);
  out.records = std::move(parsed.records);
  for (const auto& warning : parsed.warnings) {
    out.warnings.push_back(warning.format(sanitize(m_path)));
  }
  return out;
}

namespace {

// Calls `each` on the text of the open file `fd` from its start, a block of whole lines at a
// time (the last line may lack its "\n"), so that a file of any size is gone through in
// bounded memory; 0, the first errno, or what `each` returns.
template <typename Each>
int for_each_block(int fd, Each each) {
  if (::lseek(fd, 0, SEEK_SET) < 0) {
    return errno;
  }
  std::string pending;
  std::string buffer(std::size_t{1} << 20, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    if (n == 0) {
      break;
    }
    pending.append(buffer.data(), static_cast<std::size_t>(n));
    const std::size_t last = pending.rfind('\n');
    if (last == std::string::npos) {
      if (pending.size() > k_max_history_bytes) {
        return EFBIG;  // one line longer than the limit: not a history
      }
      continue;
    }
    if (const int e = each(std::string_view(pending).substr(0, last + 1)); e != 0) {
      return e;
    }
    pending.erase(0, last + 1);
  }
  return pending.empty() ? 0 : each(std::string_view(pending));
}

// Writes a new 0600 file beside `target` with `write` (given its fd; 0 or an errno) and
// renames it over `target`, syncing the file and then the folder so that the rename itself is
// durable; "" or why not.
template <typename Write>
std::string replace_atomically(const std::string& target, Write write) {
  const std::string dir = parent_of(target);
  std::string temp = dir + "/.history.jsonl.XXXXXX";
  UniqueFd fd(::mkostemp(temp.data(), O_CLOEXEC));  // mkostemp creates it 0600
  if (fd.get() < 0) {
    return std::strerror(errno);
  }
  const auto undo = [&](int e) {
    ::unlink(temp.c_str());
    return std::string(std::strerror(e));
  };
  if (const int e = write(fd.get()); e != 0) {
    return undo(e);
  }
  if (::fsync(fd.get()) != 0) {
    return undo(errno);
  }
  if (::close(fd.release()) != 0 && errno != EINTR) {
    return undo(errno);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    return undo(errno);
  }
  UniqueFd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0 || ::fsync(folder.get()) != 0) {
    return fmt::format("the folder could not be synced: {}", std::strerror(errno));
  }
  return "";
}

}  // namespace

JournalStore::ForgetOutcome JournalStore::forget(const std::string& id) const {
  ForgetOutcome out;
  const auto fail = [&](const std::string& why) {
    out.error = fmt::format("cannot rewrite the history {}: {}", sanitize(m_path), why);
    return out;
  };
  // A symbolic link (a history kept in a synced folder) stays a link: rewrite what it names.
  char resolved[PATH_MAX];
  if (::realpath(m_path.c_str(), resolved) == nullptr) {
    if (errno == ENOENT) {
      return out;  // no history: nothing to forget
    }
    return fail(std::strerror(errno));
  }
  const std::string target = resolved;
  UniqueFd fd;
  for (int attempt = 0;; ++attempt) {
    // No size limit: forget goes through the file a block at a time, so it can trim a journal
    // past the read limit.
    Result<UniqueFd, FileError> opened =
        open_regular(target, std::numeric_limits<std::uintmax_t>::max());
    if (!opened) {
      return fail(history_read_error(opened.error()));
    }
    fd = std::move(opened).value();
    if (const int e = lock(fd.get(), LOCK_EX); e != 0) {
      return fail(std::strerror(e));
    }
    if (same_file(fd.get(), target)) {
      break;
    }
    if (attempt == 10) {
      return fail("the file kept being replaced");
    }
  }
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  // First count: two records with one id are refused, so forget never deletes more than the
  // one record it names.
  bool changes = false;
  const int counted = for_each_block(fd.get(), [&](std::string_view block) {
    const ForgetResult result = remove_record(block, id);
    out.matches += result.removed;
    changes = changes || result.text.size() != block.size();
    return 0;
  });
  if (counted != 0) {
    return fail(std::strerror(counted));
  }
  if (out.matches > 1 || !changes) {
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && st.st_nlink > 1) {
    out.other_links = static_cast<std::uint64_t>(st.st_nlink) - 1;
  }
  // Still holding the lock on the old file: appenders wait, then see it replaced and reopen.
  const std::string e = replace_atomically(target, [&](int out_fd) {
    return for_each_block(fd.get(), [&](std::string_view block) {
      const auto written = write_all(out_fd, remove_record(block, id).text);
      return written ? 0 : written.error().err;
    });
  });
  if (!e.empty()) {
    out.other_links = 0;
    return fail(e);
  }
  out.removed = out.matches;
  return out;
}

std::string local_time_zone_name() {
  const auto clean = [](std::string name) -> std::string {
    if (!name.empty() && name.front() == ':') {
      name.erase(0, 1);
    }
    if (const auto at = name.find("zoneinfo/"); at != std::string::npos) {
      name.erase(0, at + 9);
    }
    while (!name.empty() && (name.back() == '\n' || name.back() == ' ' || name.back() == '\r')) {
      name.pop_back();
    }
    const bool ok = !name.empty() && name.size() <= 64 && name.front() != '/' &&
                    name.find("..") == std::string::npos &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
                    });
    return ok ? name : "";
  };
  if (const char* tz = std::getenv("TZ"); tz != nullptr) {
    return clean(tz);  // set, even to something that is not a name: that is the zone in use
  }
  std::ifstream file("/etc/timezone");
  std::string line;
  if (file && std::getline(file, line)) {
    if (std::string name = clean(line); !name.empty()) {
      return name;
    }
  }
  char link[PATH_MAX];
  const ssize_t n = ::readlink("/etc/localtime", link, sizeof link - 1);
  if (n > 0) {
    const std::string target(link, static_cast<std::size_t>(n));
    if (target.find("zoneinfo/") != std::string::npos) {
      return clean(target);
    }
  }
  return "";
}

LocalInstant local_instant(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (::localtime_r(&t, &tm) == nullptr) {
    return from_unix_seconds(unix_seconds, 0);
  }
  return from_unix_seconds(unix_seconds, static_cast<int>(tm.tm_gmtoff / 60));
}

LocalNow local_now() {
  struct timespec ts {};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  LocalNow out;
  out.unix_ms = std::int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1000000;
  out.instant = local_instant(ts.tv_sec);
  out.tz = local_time_zone_name();
  return out;
}

std::string new_record_id(const LocalInstant& started) {
  std::uint32_t bits = 0;
  if (::getrandom(&bits, sizeof bits, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof bits)) {
    struct timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    bits = static_cast<std::uint32_t>(ts.tv_nsec) ^ (static_cast<std::uint32_t>(::getpid()) << 16);
  }
  return make_record_id(started, bits);
}

}  // namespace backcare
