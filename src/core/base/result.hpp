#pragma once
// The one way a fallible call says it failed: it returns a Result<T, E>, a value or an error,
// never an out-parameter, an errno left behind, a bare bool or an exception. It is a small
// std::expected (C++23; our compiler has C++20). The shell's calls return the error that fits
// the call (files.hpp: FileError); the command turns it into an Error, whose exit code is one of
// base/exit_codes.hpp, and app_main prints it.
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "base/exit_codes.hpp"

namespace backcare {

// A failure as a command reports it: the message (one line, sanitized, without the
// "backcare: error: " prefix) and the documented exit code the command ends with.
struct Error {
  int exit_code = k_exit_software;
  std::string message;
};

// Wraps an error so that `return unexpected(e);` reads as what it is, and so that a Result
// whose value and error have the same type still knows which one it was given.
template <typename E>
struct Unexpected {
  E error;
};

template <typename E>
Unexpected<E> unexpected(E error) {
  return Unexpected<E>{std::move(error)};
}

// A value of type T, or why there is none (an E). value() and error() on the wrong side are a
// bug in the caller: they throw (std::bad_variant_access), which app_main reports as internal.
template <typename T, typename E = Error>
class Result {
 public:
  Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
  Result(Unexpected<E> failed) : m_state(std::in_place_index<1>, std::move(failed.error)) {}

  bool ok() const { return m_state.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(m_state); }
  const T& value() const& { return std::get<0>(m_state); }
  T&& value() && { return std::get<0>(std::move(m_state)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const { return std::get<1>(m_state); }

 private:
  std::variant<T, E> m_state;
};

// Success with nothing to hand back, or an error: `return {};` succeeds.
template <typename E>
class Result<void, E> {
 public:
  Result() = default;
  Result(Unexpected<E> failed) : m_error(std::move(failed.error)) {}

  bool ok() const { return !m_error.has_value(); }
  explicit operator bool() const { return ok(); }

  const E& error() const { return m_error.value(); }

 private:
  std::optional<E> m_error;
};

}  // namespace backcare
