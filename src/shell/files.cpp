#include "files.hpp"

#include <fcntl.h>
#include <linux/magic.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace backcare {

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    reset(other.release());
  }
  return *this;
}

void UniqueFd::reset(int fd) {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  m_fd = fd;
}

int UniqueFd::release() {
  const int fd = m_fd;
  m_fd = -1;
  return fd;
}

std::string FileError::reason() const {
  return std::strerror(err);
}

const char* file_kind(mode_t mode) {
  return S_ISDIR(mode)    ? "a directory"
         : S_ISFIFO(mode) ? "a FIFO"
         : S_ISCHR(mode)  ? "a character device"
         : S_ISBLK(mode)  ? "a block device"
         : S_ISSOCK(mode) ? "a socket"
                          : "not a regular file";
}

namespace {

Unexpected<FileError> fault(FileFault what, int err = 0) {
  return unexpected(FileError{what, err, 0, ""});
}

}  // namespace

Result<UniqueFd, FileError> open_regular(const std::string& path, std::uintmax_t limit) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (!fd.valid()) {
    const int e = errno;
    return fault(e == ENOENT ? FileFault::missing : FileFault::cannot_open, e);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return fault(FileFault::cannot_read, errno);
  }
  if (!S_ISREG(st.st_mode)) {
    return unexpected(FileError{FileFault::not_regular, 0, 0, file_kind(st.st_mode)});
  }
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > limit) {
    return unexpected(FileError{FileFault::too_large, 0, size, ""});
  }
  // Files of /proc and /sys pass as regular but are the kernel's (some block on read, such as
  // /proc/kmsg, and their size says 0 whatever they hold).
  struct statfs fs {};
  if (::fstatfs(fd.get(), &fs) == 0 &&
      (fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC)) {
    return unexpected(
        FileError{FileFault::pseudo_fs, 0, 0, fs.f_type == PROC_SUPER_MAGIC ? "/proc" : "/sys"});
  }
  return fd;
}

Result<std::string, FileError> read_all(int fd, std::uintmax_t limit) {
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        return fault(FileFault::would_block, errno);
      }
      return fault(FileFault::cannot_read, errno);
    }
    if (n == 0) {
      return text;
    }
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > limit) {
      return unexpected(FileError{FileFault::too_large, 0, limit, ""});
    }
  }
}

Result<std::string, FileError> read_regular_file(const std::string& path, std::uintmax_t limit) {
  Result<UniqueFd, FileError> fd = open_regular(path, limit);
  if (!fd) {
    return unexpected(fd.error());
  }
  return read_all(fd->get(), limit);
}

Result<void, FileError> write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd writable{fd, POLLOUT, 0};
      if (::poll(&writable, 1, -1) < 0 && errno != EINTR) {
        return fault(FileFault::cannot_write, errno);
      }
    } else {
      return fault(FileFault::cannot_write, n < 0 ? errno : EIO);
    }
  }
  return {};
}

}  // namespace backcare
