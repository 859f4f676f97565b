#include "journal/advice.hpp"

namespace backcare {

std::string safety_advice() {
  return "Stop for today, and rest in a position that feels comfortable.\n"
         "If it persists or comes back, see a pelvic-floor physiotherapist or your doctor.\n";
}

bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms) {
  return (pain && *pain >= k_advice_pain_threshold) || !symptoms.empty();
}

const std::vector<SymptomChoice>& symptom_choices() {
  static const std::vector<SymptomChoice> choices = {
      {"pain", "pain"},
      {"leaking", "leaking"},
      {"heaviness", "heaviness or pressure"},
      {"doming", "abdominal doming"},
      {"dizziness", "dizziness"},
      {"other", "other"},
  };
  return choices;
}

std::string symptom_question() {
  std::string out = "What made you stop?";
  const auto& choices = symptom_choices();
  for (std::size_t i = 0; i < choices.size(); ++i) {
    out += i == 0 ? " " : " · ";
    out += std::to_string(i + 1) + " " + std::string(choices[i].label);
  }
  return out + " (Enter to skip) ";
}

std::optional<std::string> symptom_for_key(char key) {
  const auto& choices = symptom_choices();
  if (key >= '1' && static_cast<std::size_t>(key - '1') < choices.size()) {
    return std::string(choices[static_cast<std::size_t>(key - '1')].name);
  }
  return std::nullopt;
}

}  // namespace backcare
