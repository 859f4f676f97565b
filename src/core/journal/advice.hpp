#pragma once
// What backcare says when a session stops because something felt wrong, or when a pain score or
// a sign reported after a session or at a check-in calls for it. Plain, calm words of our own,
// from public guidance (docs/safety.md names the sources): each sign gets its own advice, and the
// urgent signs (heavy bleeding, chest pain or breathlessness, a painful swollen calf, a severe
// headache or fever) say to get help now, not to see a physiotherapist next week. No diagnosis.
// Pure, so the run path and `checkin` print the same text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// A pain score from this value up (0..10) is followed by the advice.
inline constexpr int k_advice_pain_threshold = 7;

// One sign: its name in the journal (k_journal_symptoms, same order), the words and the key of
// the safety-stop question, whether it needs help now, and its advice (lines ending "\n").
struct Sign {
  std::string_view name;    // "pain", "leaking", ..., "bleeding", "chest-pain", ...
  std::string_view label;   // "pain", "heaviness or a bulge", "chest pain or breathless", ...
  char key;                 // '1'..'9', '0'
  bool urgent;              // help now: 999, A&E, NHS 111, the GP or midwife today
  std::string_view advice;  // what to do about it, in our own words: one paragraph, "\n" last
};
const std::vector<Sign>& signs();

// The sign named `name`, or nullptr (a name from an old or hand-edited journal).
const Sign* find_sign(std::string_view name);

// Where the advice is given: right after a session (it opens with "Stop for today" unless a sign
// is urgent), or at a check-in with no session (no "stop": nothing is going on).
enum class AdviceMoment { session, checkin };

// The advice for the signs and pain score given, several lines each ending with "\n", wrapped
// at word boundaries to lines shorter than `width` columns (at most 79): an urgent sign's words
// first, then each other sign's; a pain score at the threshold counts as the sign pain. With no
// sign and no high score (a safety stop whose question was skipped), the general advice.
std::string safety_advice(AdviceMoment moment, std::optional<int> pain,
                          const std::vector<std::string>& symptoms, int width = 80);

// The general advice after a safety stop when no sign was named, wrapped the same way.
std::string safety_advice(int width = 80);

// True when `pain` is k_advice_pain_threshold or more, or any symptom is named.
bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms);

// The question after a safety stop, word-wrapped to lines shorter than `width` columns (0: no
// limit), an item ("4 abdominal doming") kept whole when it fits a line; the urgent signs on a
// line of their own; ending with "(Enter to skip) " (no newline).
std::string symptom_question(int width);

// The symptom a key of the question names ('1'..'9', '0'), or nullopt.
std::optional<std::string> symptom_for_key(char key);

}  // namespace backcare
