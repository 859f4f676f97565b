#pragma once
// What backcare says when a session stops because something felt wrong, or when a pain score or
// a symptom reported after a session or at a check-in calls for it. Plain, calm words in the
// tone of the safety note (k_safety_note): stop for today and see someone if it goes on. No
// diagnosis and no medical claim. Pure, so the run path and `checkin` print the same text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// A pain score from this value up (0..10) is followed by the advice.
inline constexpr int k_advice_pain_threshold = 7;

// The advice, several lines, each ending with "\n".
std::string safety_advice();

// True when `pain` is k_advice_pain_threshold or more, or any symptom is named.
bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms);

// The signs the safety-stop question offers, in the order of its keys 1..6: the journal's
// symptom names (k_journal_symptoms) and the words shown for them.
struct SymptomChoice {
  std::string_view name;   // "pain", "leaking", "heaviness", "doming", "dizziness", "other"
  std::string_view label;  // "pain", "leaking", "heaviness or pressure", ...
};
const std::vector<SymptomChoice>& symptom_choices();

// The question after a safety stop, ending with a space (no newline):
// "What made you stop? 1 pain · 2 leaking · ... · 6 other (Enter to skip) ".
std::string symptom_question();

// The symptom a key of the question names ('1'..'6'), or nullopt.
std::optional<std::string> symptom_for_key(char key);

}  // namespace backcare
