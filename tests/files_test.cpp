#include "files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace backcare;

namespace {

// A folder of its own under the temp dir, emptied and removed when the test ends.
class Scratch {
 public:
  Scratch() {
    std::string name = (std::filesystem::temp_directory_path() / "backcare-files-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    m_dir = name;
  }
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }
  std::string file(const std::string& name, const std::string& text) const {
    const std::string path = m_dir + "/" + name;
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    REQUIRE(fd.valid());
    REQUIRE(write_all(fd.get(), text).ok());
    return path;
  }
  std::string path(const std::string& name) const { return m_dir + "/" + name; }

 private:
  std::string m_dir;
};

bool is_open(int fd) {
  return ::fcntl(fd, F_GETFD) != -1;
}

// A pipe as two owned ends.
struct Pipe {
  UniqueFd read;
  UniqueFd write;
  Pipe() {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    read.reset(fds[0]);
    write.reset(fds[1]);
  }
};

}  // namespace

TEST_CASE("files::result") {
  Result<int> good = 7;
  CHECK(good.ok());
  CHECK(*good == 7);
  Result<int> bad = unexpected(Error{k_exit_no_input, "no such file"});
  CHECK_FALSE(bad);
  CHECK(bad.error().exit_code == k_exit_no_input);
  CHECK(bad.error().message == "no such file");
  CHECK_THROWS(bad.value());
  // A value and an error of one type stay apart.
  Result<std::string, std::string> text = unexpected(std::string("why"));
  CHECK_FALSE(text.ok());
  CHECK(text.error() == "why");
  Result<void, int> done;
  CHECK(done.ok());
  Result<void, int> failed = unexpected(5);
  CHECK(failed.error() == 5);
}

TEST_CASE("files::unique_fd closes once, and moves") {
  const int raw = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  REQUIRE(raw >= 0);
  {
    UniqueFd first(raw);
    UniqueFd second(std::move(first));
    CHECK_FALSE(first.valid());
    CHECK(second.get() == raw);
    CHECK(is_open(raw));
    UniqueFd third;
    third = std::move(second);
    CHECK(is_open(raw));
  }
  CHECK_FALSE(is_open(raw));
  UniqueFd kept(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  const int released = kept.release();
  CHECK_FALSE(kept.valid());
  CHECK(is_open(released));
  ::close(released);
}

TEST_CASE("files::read_regular_file within and over the limit") {
  const Scratch scratch;
  const std::string path = scratch.file("ten.json", "0123456789");
  SUBCASE("within") {
    const auto text = read_regular_file(path, 10);
    REQUIRE(text.ok());
    CHECK(*text == "0123456789");
  }
  SUBCASE("empty") {
    const auto text = read_regular_file(scratch.file("empty.json", ""), 10);
    REQUIRE(text.ok());
    CHECK(text->empty());
  }
  SUBCASE("over: refused from its size, before reading") {
    const auto text = read_regular_file(path, 9);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::too_large);
    CHECK(text.error().size == 10);
  }
}

TEST_CASE("files::read_regular_file refuses what is not a regular file") {
  const Scratch scratch;
  SUBCASE("a directory") {
    const auto text = read_regular_file(scratch.path(""), 100);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::not_regular);
    CHECK(std::string(text.error().kind) == "a directory");
  }
  SUBCASE("a FIFO nobody writes: refused at once, not waited on") {
    const std::string fifo = scratch.path("fifo.json");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    ::alarm(10);  // a blocking open would hang here: SIGALRM ends the test run as a failure
    const auto text = read_regular_file(fifo, 100);
    ::alarm(0);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::not_regular);
    CHECK(std::string(text.error().kind) == "a FIFO");
  }
  SUBCASE("a character device") {
    const auto text = read_regular_file("/dev/zero", 100);
    REQUIRE_FALSE(text.ok());
    CHECK(std::string(text.error().kind) == "a character device");
  }
  SUBCASE("a file of /proc") {
    const auto text = read_regular_file("/proc/self/status", 1 << 20);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::pseudo_fs);
    CHECK(std::string(text.error().kind) == "/proc");
  }
  SUBCASE("a missing file") {
    const auto text = read_regular_file(scratch.path("absent.json"), 100);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::missing);
    CHECK(text.error().err == ENOENT);
    CHECK(text.error().reason() == "No such file or directory");
  }
  SUBCASE("a path through a file") {
    const std::string file = scratch.file("plain", "x");
    const auto text = read_regular_file(file + "/inside.json", 100);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::cannot_open);
    CHECK(text.error().err == ENOTDIR);
  }
}

TEST_CASE("files::read_all stops at the limit and never waits") {
  Pipe pipe;
  SUBCASE("more than the limit: refused once past it, with the limit as the size") {
    REQUIRE(write_all(pipe.write.get(), "abcdef").ok());
    pipe.write.reset();
    const auto text = read_all(pipe.read.get(), 5);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::too_large);
    CHECK(text.error().size == 5);
  }
  SUBCASE("exactly the limit") {
    REQUIRE(write_all(pipe.write.get(), "abcde").ok());
    pipe.write.reset();
    const auto text = read_all(pipe.read.get(), 5);
    REQUIRE(text.ok());
    CHECK(*text == "abcde");
  }
  SUBCASE("a non-blocking pipe with nothing in it yet") {
    REQUIRE(::fcntl(pipe.read.get(), F_SETFL, O_NONBLOCK) == 0);
    const auto text = read_all(pipe.read.get(), 5);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().fault == FileFault::would_block);
  }
}

TEST_CASE("files::write_all gives the errno") {
  SUBCASE("a pipe whose reader is gone: EPIPE, not a SIGPIPE death") {
    struct sigaction ignore {};
    struct sigaction previous {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    Pipe pipe;
    pipe.read.reset();
    const auto written = write_all(pipe.write.get(), "lost");
    ::sigaction(SIGPIPE, &previous, nullptr);
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().fault == FileFault::cannot_write);
    CHECK(written.error().err == EPIPE);
  }
  SUBCASE("/dev/full: ENOSPC") {
    UniqueFd full(::open("/dev/full", O_WRONLY | O_CLOEXEC));
    REQUIRE(full.valid());
    const auto written = write_all(full.get(), "no room");
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().err == ENOSPC);
    CHECK(written.error().reason() == "No space left on device");
  }
  SUBCASE("a non-blocking pipe fuller than its buffer: waits, then writes it all") {
    Pipe pipe;
    REQUIRE(::fcntl(pipe.write.get(), F_SETFL, O_NONBLOCK) == 0);
    std::string data(1 << 20, 'x');  // 16 times a pipe's usual 64 KiB
    for (std::size_t i = 0; i < data.size(); i += 997) {
      data[i] = static_cast<char>('a' + i % 26);
    }
    Result<std::string, FileError> received = std::string();
    std::thread reader([&] { received = read_all(pipe.read.get(), data.size()); });
    const auto written = write_all(pipe.write.get(), data);
    pipe.write.reset();
    reader.join();
    CHECK(written.ok());
    REQUIRE(received.ok());
    CHECK(*received == data);
  }
  SUBCASE("nothing to write") {
    Pipe pipe;
    CHECK(write_all(pipe.write.get(), "").ok());
  }
}
