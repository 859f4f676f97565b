#pragma once
// The one way the shell touches files: a descriptor that closes itself (UniqueFd), the bounded
// read of a regular file (open without blocking, check the type and size, then read at most the
// limit) and write_all. The catalog, the config file, the journal store, the terminal and the
// sound files all use these, so a FIFO, a device, /proc or a huge file is refused the same way
// everywhere. Failures are values (base/result.hpp) that each caller words for its own message.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace backcare {

// Owns one file descriptor and closes it when it goes out of scope (closing also drops any
// flock on it). Moves, never copies.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : m_fd(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return m_fd; }
  bool valid() const { return m_fd >= 0; }
  // Closes the descriptor held (if any) and holds `fd` instead.
  void reset(int fd = -1);
  // Gives the descriptor up without closing it.
  int release();

 private:
  int m_fd = -1;
};

// What went wrong with a file; the caller chooses the words (a routine, the config and the
// history each say it their own way, and the tests pin each).
enum class FileFault {
  missing,      // open: ENOENT
  cannot_open,  // open failed otherwise (err)
  cannot_read,  // fstat or read failed (err)
  not_regular,  // a directory, FIFO, device or socket (kind)
  too_large,    // over the limit (size)
  would_block,  // read on a non-blocking descriptor found nothing yet (a pipe, a terminal)
  pseudo_fs,    // a file of /proc or /sys: the kernel's, and some of them block (kind)
  cannot_write  // write failed (err; EIO when write() took nothing)
};

struct FileError {
  FileFault fault = FileFault::cannot_read;
  int err = 0;              // the errno, for missing, cannot_open, cannot_read, cannot_write
  std::uintmax_t size = 0;  // too_large: the size fstat gave, or the limit when found reading
  const char* kind = "";    // not_regular: "a directory", "a FIFO"...; pseudo_fs: "/proc", "/sys"
  std::string reason() const;  // strerror(err)
};

// "a directory", "a FIFO", "a character device", "a block device", "a socket" or
// "not a regular file", for an st_mode.
const char* file_kind(mode_t mode);

// Opens `path` read-only without blocking (O_NONBLOCK, so that opening a FIFO cannot hang; the
// descriptor stays non-blocking, which a regular file ignores) and refuses, before any read,
// what is not a regular file, a file over `limit` bytes, and files of /proc and /sys.
[[nodiscard]] Result<UniqueFd, FileError> open_regular(const std::string& path,
                                                       std::uintmax_t limit);

// Reads `fd` to its end, retrying EINTR; too_large (size = limit) as soon as more than `limit`
// bytes came, would_block when a non-blocking descriptor has nothing yet.
[[nodiscard]] Result<std::string, FileError> read_all(int fd, std::uintmax_t limit);

// open_regular, then read_all: the whole text of a regular file of at most `limit` bytes.
[[nodiscard]] Result<std::string, FileError> read_regular_file(const std::string& path,
                                                               std::uintmax_t limit);

// Writes all of `bytes`, retrying on EINTR and partial writes (and waiting in poll when `fd` is
// non-blocking). cannot_write with the errno on any other error, EPIPE included (the reader is
// gone: stop writing; SIGPIPE is ignored, see ignore_sigpipe), EIO when write() takes nothing.
Result<void, FileError> write_all(int fd, std::string_view bytes);

}  // namespace backcare
