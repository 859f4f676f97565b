#pragma once
// An immutable string whose copies share one allocation. A plan repeats a few texts thousands
// of times (the same breath cue in every breath, the same side in every rep), and a 24-hour or
// 1 MiB routine would otherwise hold one copy per segment; a SharedText copy is a pointer and
// a reference count. Copies stay valid on their own: there is no pool to outlive.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace backcare {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT(google-explicit-constructor): a text is a text
      : m_text(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT(google-explicit-*)

  const std::string& str() const { return m_text ? *m_text : empty_string(); }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-operator)
  operator std::string_view() const { return str(); }    // NOLINT(google-explicit-operator)
  bool empty() const { return !m_text; }
  std::size_t size() const { return str().size(); }

  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.m_text == b.m_text || a.str() == b.str();
  }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }

 private:
  static const std::string& empty_string() {
    static const std::string k_empty;
    return k_empty;
  }
  std::shared_ptr<const std::string> m_text;  // null when empty
};

}  // namespace backcare
