#pragma once
// What backcare says when a pain score or a symptom calls for care: stop for today, and see
// someone who can examine you if it goes on. Never a diagnosis. Shared by `checkin` and the
// question after a session.
#include <optional>
#include <string>
#include <vector>

namespace backcare {

// The calm plain text printed after a worrying check-in (several lines, ending "\n").
std::string safety_advice();

// Whether `pain` (0..10, unset when not given) or `symptoms` (names from k_journal_symptoms)
// call for the advice: a pain of 4 or more, or any symptom but "other".
bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms);

}  // namespace backcare
