#include "notices.hpp"

#include <cstdio>

namespace backcare {
namespace {

void print_warning(const std::string& warning) {
  std::fprintf(stderr, "%s\n", warning.c_str());
  std::fflush(stderr);
}

}  // namespace

Notices::~Notices() {
  release();
}

void Notices::post(std::string warning, std::string brief) {
  if (!m_held) {
    print_warning(warning);
    return;
  }
  m_waiting.push_back(std::move(warning));
  m_brief += (m_brief.empty() ? "" : " · ") + brief;
}

void Notices::release() {
  m_held = false;
  for (const std::string& warning : m_waiting) {
    print_warning(warning);
  }
  m_waiting.clear();
}

}  // namespace backcare
