#include "advice.hpp"

#include <algorithm>

namespace backcare {

namespace {
constexpr int k_advice_pain = 4;  // from here on, a pain score is more than discomfort
}

std::string safety_advice() {
  return "Please stop for today and rest.\n"
         "If the pain or these symptoms persist or come back, see a pelvic-floor\n"
         "physiotherapist or your doctor. backcare cannot tell what is causing them.\n";
}

bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms) {
  if (pain && *pain >= k_advice_pain) {
    return true;
  }
  return std::any_of(symptoms.begin(), symptoms.end(),
                     [](const std::string& symptom) { return symptom != "other"; });
}

}  // namespace backcare
