#pragma once
// Changes to the environment in a doctest case, undone when the case (or subcase) leaves its
// scope, whether it passes, fails or throws: a REQUIRE that stops a case half-way cannot leave
// HOME, XDG_STATE_HOME or TZ changed for the cases that run after it. Every doctest case that
// sets or unsets a variable does it through an EnvGuard.
//
//   EnvGuard home("HOME", "/home/ana");   // set now, restored at the end of the scope
//   EnvGuard state("XDG_STATE_HOME");     // saved now; state.set("...") / state.unset() later
#include <stdlib.h>
#include <time.h>

#include <optional>
#include <string>
#include <utility>

namespace backcare::testing {

class EnvGuard {
 public:
  explicit EnvGuard(std::string name) : m_name(std::move(name)) {
    if (const char* value = std::getenv(m_name.c_str())) {
      m_saved = value;
    }
  }
  EnvGuard(std::string name, const char* value) : EnvGuard(std::move(name)) { set(value); }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;
  ~EnvGuard() {
    if (m_saved) {
      ::setenv(m_name.c_str(), m_saved->c_str(), 1);
    } else {
      ::unsetenv(m_name.c_str());
    }
    settle();
  }

  void set(const char* value) {
    ::setenv(m_name.c_str(), value, 1);
    settle();
  }
  void unset() {
    ::unsetenv(m_name.c_str());
    settle();
  }

 private:
  // The C library reads TZ once and caches the zone; tzset() makes it read the new value.
  void settle() const {
    if (m_name == "TZ") {
      ::tzset();
    }
  }

  std::string m_name;
  std::optional<std::string> m_saved;  // the value before, nullopt when it was not set
};

}  // namespace backcare::testing
