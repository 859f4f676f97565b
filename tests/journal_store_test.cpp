#include "journal_store.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "env_guard.hpp"

using namespace backcare;
using backcare::testing::EnvGuard;
namespace fs = std::filesystem;

namespace {

// A fresh folder, removed with everything in it at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "backcare-store-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

JournalRecord record(const std::string& id, int pain) {
  JournalRecord r;
  r.id = id;
  r.kind = "checkin";
  r.started = "2026-11-30T21:05:12+00:00";
  r.pain = pain;
  return r;
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777u;
}

// Makes `dir` unwritable, even for root (the immutable flag); false when it cannot.
bool make_read_only(const fs::path& dir) {
  ::chmod(dir.c_str(), 0555);
  if (::geteuid() == 0) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    int flags = 0;
    if (fd >= 0 && ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) {
      flags |= FS_IMMUTABLE_FL;
      ::ioctl(fd, FS_IOC_SETFLAGS, &flags);
    }
    if (fd >= 0) {
      ::close(fd);
    }
  }
  const fs::path probe = dir / "probe";
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT, 0600);
  if (fd >= 0) {
    ::close(fd);
    ::unlink(probe.c_str());
    return false;
  }
  return true;
}

void undo_read_only(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  int flags = 0;
  if (fd >= 0 && ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 && (flags & FS_IMMUTABLE_FL) != 0) {
    flags &= ~FS_IMMUTABLE_FL;
    ::ioctl(fd, FS_IOC_SETFLAGS, &flags);
  }
  if (fd >= 0) {
    ::close(fd);
  }
  ::chmod(dir.c_str(), 0700);
}

}  // namespace

TEST_CASE("journal_store::history_path") {
  const EnvGuard home("HOME", "/home/ana");
  EnvGuard state("XDG_STATE_HOME", "/tmp/state");
  CHECK(history_path() == "/tmp/state/backcare/history.jsonl");
  state.set("relative");
  CHECK(history_path() == "/home/ana/.local/state/backcare/history.jsonl");
  state.unset();
  CHECK(history_path() == "/home/ana/.local/state/backcare/history.jsonl");
}

TEST_CASE("journal_store::append and read") {
  TempDir tmp;
  const fs::path file = tmp.path / "state" / "backcare" / "history.jsonl";
  const JournalStore store(file.string());
  CHECK(store.read().records.empty());  // no file yet: an empty history
  CHECK_FALSE(store.read().error);
  CHECK_FALSE(store.append(record("a", 1)));
  CHECK_FALSE(store.append(record("b", 2)));
  CHECK(mode_of(file) == 0600u);
  CHECK(mode_of(file.parent_path()) == 0700u);
  CHECK(mode_of(file.parent_path().parent_path()) == 0700u);
  CHECK(slurp(file) == to_json_line(record("a", 1)) + to_json_line(record("b", 2)));
  const auto read = store.read();
  CHECK_FALSE(read.error);
  CHECK(read.warnings.empty());
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[1] == record("b", 2));
}

TEST_CASE("journal_store::torn tail") {
  TempDir tmp;
  const fs::path file = tmp.path / "history.jsonl";
  const JournalStore store(file.string());
  REQUIRE_FALSE(store.append(record("a", 1)));
  {
    std::ofstream out(file, std::ios::app | std::ios::binary);
    out << R"({"v":1,"id":"torn","ki)";  // a writer killed halfway through its line
  }
  REQUIRE_FALSE(store.append(record("b", 2)));
  CHECK(slurp(file) == to_json_line(record("a", 1)) + "{\"v\":1,\"id\":\"torn\",\"ki\n" +
                           to_json_line(record("b", 2)));
  const auto read = store.read();
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].id == "a");
  CHECK(read.records[1].id == "b");
  REQUIRE(read.warnings.size() == 1);
  CHECK(read.warnings[0] ==
        file.string() + ":2: skipped a damaged line (not JSON: column 23: unterminated string)");
}

TEST_CASE("journal_store::failures are values") {
  TempDir tmp;
  SUBCASE("/dev/full") {
    const JournalStore store("/dev/full");
    const auto error = store.append(record("a", 1));
    REQUIRE(error);
    CHECK(*error == "cannot record the session in /dev/full: No space left on device");
    REQUIRE(store.read().error);
    CHECK(*store.read().error == "cannot read the history /dev/full: it is a character device");
  }
  SUBCASE("a link to /dev/full") {
    fs::create_directories(tmp.path / "backcare");
    fs::create_symlink("/dev/full", tmp.path / "backcare" / "history.jsonl");
    const JournalStore store((tmp.path / "backcare" / "history.jsonl").string());
    const auto error = store.append(record("a", 1));
    REQUIRE(error);
    CHECK(error->find("No space left on device") != std::string::npos);
  }
  SUBCASE("/dev/null keeps nothing, and that is no error") {
    CHECK_FALSE(JournalStore("/dev/null").append(record("a", 1)));
  }
  SUBCASE("a read-only folder") {
    const fs::path dir = tmp.path / "ro";
    fs::create_directories(dir);
    fs::path file = dir / "backcare" / "history.jsonl";
    if (!make_read_only(dir)) {
      file = "/proc/1/backcare/history.jsonl";  // nobody can make a folder here
    }
    const auto error = JournalStore(file.string()).append(record("a", 1));
    undo_read_only(dir);
    REQUIRE(error);
    CHECK(error->rfind("cannot record the session in " + file.string() + ": ", 0) == 0);
  }
  SUBCASE("a folder where the file should be, and a FIFO") {
    fs::create_directories(tmp.path / "history.jsonl");
    const auto error = JournalStore((tmp.path / "history.jsonl").string()).append(record("a", 1));
    REQUIRE(error);
    REQUIRE(::mkfifo((tmp.path / "fifo").c_str(), 0600) == 0);
    const JournalStore fifo((tmp.path / "fifo").string());
    REQUIRE(fifo.append(record("a", 1)));  // no reader: refused at once, no hang
    REQUIRE(fifo.read().error);
    CHECK(*fifo.read().error ==
          "cannot read the history " + (tmp.path / "fifo").string() + ": it is a FIFO");
  }
  SUBCASE("no place at all") {
    CHECK(*JournalStore("").append(record("a", 1)) ==
          "cannot record the session in : no XDG_STATE_HOME or HOME to keep it in");
  }
}

TEST_CASE("journal_store::forget") {
  TempDir tmp;
  const fs::path file = tmp.path / "history.jsonl";
  const JournalStore store(file.string());
  REQUIRE_FALSE(store.append(record("a", 1)));
  REQUIRE_FALSE(store.append(record("b", 2)));
  {
    std::ofstream out(file, std::ios::app | std::ios::binary);
    out << "damaged line\n";
  }
  REQUIRE_FALSE(store.append(record("c", 3)));
  const auto none = store.forget("zzz");
  CHECK_FALSE(none.error);
  CHECK(none.removed == 0);
  const auto outcome = store.forget("b");
  CHECK_FALSE(outcome.error);
  CHECK(outcome.removed == 1);
  CHECK(slurp(file) ==
        to_json_line(record("a", 1)) + "damaged line\n" + to_json_line(record("c", 3)));
  CHECK(mode_of(file) == 0600u);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path)) {
    ++entries;
  }
  CHECK(entries == 1);                          // no temporary file left behind
  REQUIRE_FALSE(store.append(record("d", 4)));  // appends go to the new file
  CHECK(store.read().records.size() == 3);
  CHECK(JournalStore((tmp.path / "none.jsonl").string()).forget("a").removed == 0);
}

TEST_CASE("journal_store::forget never deletes more than the one record it names") {
  TempDir tmp;
  const fs::path file = tmp.path / "history.jsonl";
  const JournalStore store(file.string());
  REQUIRE_FALSE(store.append(record("a", 1)));
  REQUIRE_FALSE(store.append(record("a", 2)));
  const std::string before = slurp(file);
  const auto twice = store.forget("a");
  CHECK_FALSE(twice.error);
  CHECK(twice.matches == 2);
  CHECK(twice.removed == 0);
  CHECK(slurp(file) == before);  // refused: nothing rewritten
  REQUIRE_FALSE(store.append(record("b", 3)));
  fs::create_hard_link(file, tmp.path / "copy.jsonl");
  const auto linked = store.forget("b");
  CHECK(linked.removed == 1);
  CHECK(linked.other_links == 1);  // the copy still holds "b"
  CHECK(slurp(file) == before);
}

TEST_CASE("journal_store::read tightens modes and reads /dev/null as empty") {
  TempDir tmp;
  const fs::path file = tmp.path / "backcare" / "history.jsonl";
  const JournalStore store(file.string());
  REQUIRE_FALSE(store.append(record("a", 1)));
  fs::permissions(file, static_cast<fs::perms>(0644));
  fs::permissions(file.parent_path(), static_cast<fs::perms>(0777));
  const auto read = store.read();
  CHECK(read.records.size() == 1);
  REQUIRE(read.warnings.size() == 2);
  CHECK(read.warnings[0] == file.string() + " could be read by others (mode 0644); it is now 0600");
  CHECK(read.warnings[1] == "the folder " + file.parent_path().string() +
                                " was open to others (mode 0777); it is now 0700");
  CHECK(mode_of(file) == 0600u);
  CHECK(store.read().warnings.empty());  // once
  const auto null = JournalStore("/dev/null").read();
  CHECK_FALSE(null.error);
  CHECK(null.records.empty());
}

TEST_CASE("journal_store::local time") {
  EnvGuard tz("TZ", "UTC");
  CHECK(local_time_zone_name() == "UTC");
  CHECK(format_instant(local_instant(1796072712)) == "2026-11-30T21:05:12+00:00");
  if (fs::exists("/usr/share/zoneinfo/Asia/Kolkata")) {
    tz.set(":Asia/Kolkata");
    CHECK(local_time_zone_name() == "Asia/Kolkata");
    CHECK(format_instant(local_instant(1796072712)) == "2026-12-01T02:35:12+05:30");
  }
  tz.set("/usr/share/zoneinfo/Europe/London");
  CHECK(local_time_zone_name() == "Europe/London");
  tz.set("<+03>-3");
  CHECK(local_time_zone_name() == "");
  const LocalNow now = local_now();
  CHECK(now.unix_ms / 1000 == to_unix_seconds(now.instant));
  const std::string id = new_record_id(now.instant);
  CHECK(id.size() == 24);
  CHECK(id != new_record_id(now.instant));
}

TEST_CASE("journal_store::read of a history on /proc: refused, not read") {
  const JournalStore store("/proc/self/status");
  REQUIRE(store.read().error);
  CHECK(*store.read().error ==
        "cannot read the history /proc/self/status: it is on the /proc pseudo file system");
}
