#include "app.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

#include <exception>
#include <string>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace backcare {
namespace {

// A program started with fd 0, 1 or 2 closed would otherwise hand that number to the next
// file it opens (`--events FILE` as fd 1, with the display written into it): open them first.
void open_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      const int opened = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
      if (opened > 2) {
        ::close(opened);  // not the lowest free number: leave it
      }
    }
  }
}

int run_and_catch(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const AppError& e) {
    std::string text;
    for (const auto& line : e.lines) {
      // Routine problems read like a compiler's ("file:line:col: path: message"); the rest
      // says who is talking.
      const bool diagnostic = e.exit_code == k_exit_data || e.exit_code == k_exit_no_input ||
                              e.exit_code == k_exit_config;
      text += (diagnostic ? "" : "backcare: error: ") + line + "\n";
    }
    print_err(text);
    return e.exit_code;
  } catch (const std::exception& e) {
    print_err(fmt::format("backcare: error: {}\n", sanitize(e.what())));
    return k_exit_software;
  } catch (...) {
    print_err("backcare: error: unexpected failure\n");
    return k_exit_software;
  }
}

}  // namespace

int app_main(int argc, char** argv) {
  open_standard_fds();
  const int exit_code = run_and_catch(argc, argv);
  return finish_output(exit_code);
}

}  // namespace backcare
