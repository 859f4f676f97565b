#include "app.hpp"

#include <fmt/format.h>

#include <exception>
#include <string>

#include "commands.hpp"
#include "context.hpp"
#include "exit_codes.hpp"
#include "sanitize.hpp"

namespace backcare {

int app_main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const AppError& e) {
    std::string text;
    for (const auto& line : e.lines) {
      // Routine problems read like a compiler's ("file:line:col: path: message"); the rest
      // says who is talking.
      const bool diagnostic = e.exit_code == k_exit_data || e.exit_code == k_exit_no_input;
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

}  // namespace backcare
