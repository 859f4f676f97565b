#include "journal/advice.hpp"

#include <algorithm>

#include "base/layout.hpp"
#include "base/text.hpp"

namespace backcare {
namespace {

// Said first after a session when no named sign is urgent.
constexpr std::string_view k_stop_for_today =
    "Stop for today, and rest in a position that feels comfortable.\n";
// Said first when a sign is urgent, after a session or at a check-in.
constexpr std::string_view k_help_now =
    "Get help now: this should not wait for a physiotherapist next week.\n";
// Said last when a sign is urgent.
constexpr std::string_view k_unsure = "If you are not sure how urgent it is, call NHS 111.\n";
// The general advice's reminder of the urgent signs, for a stop whose sign was not named.
constexpr std::string_view k_urgent_reminder =
    "Heavy bleeding, chest pain or breathlessness, a painful swollen calf, a severe "
    "headache or a fever need help now: call 999, or NHS 111 if you are not sure.\n";
constexpr std::string_view k_other =
    "If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor.\n";

// The default when no width is known, and the narrowest line the question is laid out for.
constexpr int k_default_width = 80;

// `units` laid out greedily on lines of at most `max` columns, a unit kept whole when it fits a
// line and word-wrapped when it does not; the last line keeps `tail` columns free after it.
std::vector<std::string> fill(const std::vector<std::string>& units, int max, int tail) {
  std::vector<std::string> pieces;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::string& unit = units[u];
    const int limit = max - (u + 1 == units.size() ? tail : 0);
    for (std::string& piece :
         display_width(unit) > limit ? wrap(unit, limit) : std::vector<std::string>{unit}) {
      pieces.push_back(std::move(piece));
    }
  }
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const int room = max - (i + 1 == pieces.size() ? tail : 0);
    if (line.empty()) {
      line = pieces[i];
    } else if (display_width(line) + 1 + display_width(pieces[i]) <= room) {
      line += " " + pieces[i];
    } else {
      lines.push_back(line);
      line = pieces[i];
    }
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

// Each paragraph of `text` (a line ending "\n") word-wrapped to lines shorter than `width`
// columns, and never longer than 79 however wide the window.
std::string reflow(const std::string& text, int width) {
  const int max = std::min(width > 0 ? width : k_default_width, k_default_width) - 1;
  std::string out;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    for (const std::string& line : wrap(std::string_view(text).substr(start, end - start), max)) {
      out += line + "\n";
    }
  }
  return out;
}

}  // namespace

const std::vector<Sign>& signs() {
  static const std::vector<Sign> list = {
      {"pain", "pain", '1', false,
       "Pain that persists, comes back or gets worse is a reason to see your GP or a "
       "pelvic-floor physiotherapist.\n"},
      {"leaking", "leaking", '2', false,
       "Leaking is common after birth and pelvic floor exercises often help, but it is "
       "not something to put up with: if it goes on, ask your GP, midwife or health "
       "visitor about a pelvic-floor physiotherapist.\n"},
      {"heaviness", "heaviness or a bulge", '3', false,
       "Lying down often eases a heavy, dragging feeling. If it comes back, or you feel "
       "a bulge in the vagina, see your GP: they can refer you to a pelvic-floor "
       "physiotherapist.\n"},
      {"doming", "abdominal doming", '4', false,
       "A ridge or dome down the middle of your tummy means the movement asked more of "
       "your stomach muscles than they can hold yet: choose an easier version next "
       "time. If it keeps happening, ask your GP or health visitor about seeing a "
       "physiotherapist.\n"},
      {"dizziness", "dizzy or faint", '5', false,
       "Sit or lie down until the dizziness passes, then have a drink and something to "
       "eat. If you faint, or feel faint with heavy bleeding, a racing heart or "
       "breathlessness, call 999. If it keeps happening, see your GP.\n"},
      {"other", "other", '6', false, k_other},
      {"bleeding", "heavy bleeding", '7', true,
       "Heavy bleeding (a pad soaked in an hour or less, or large clots): call 999 or go "
       "to A&E now.\n"},
      {"chest-pain", "chest pain or breathless", '8', true,
       "Chest pain or sudden breathlessness: call 999 now.\n"},
      {"swollen-calf", "painful swollen calf", '9', true,
       "A painful, swollen calf (it may be warm or red) can be a blood clot: contact "
       "your GP or NHS 111 now, and call 999 if you are also breathless or have chest "
       "pain.\n"},
      {"headache-or-fever", "bad headache or fever", '0', true,
       "A severe headache (perhaps with blurred vision), or a fever or shivering, needs "
       "a doctor now: call your GP or midwife, or NHS 111; call 999 if you feel very "
       "unwell.\n"},
  };
  return list;
}

const Sign* find_sign(std::string_view name) {
  const auto& list = signs();
  const auto found =
      std::find_if(list.begin(), list.end(), [&](const Sign& sign) { return sign.name == name; });
  return found == list.end() ? nullptr : &*found;
}

std::string safety_advice(AdviceMoment moment, std::optional<int> pain,
                          const std::vector<std::string>& symptoms, int width) {
  std::vector<std::string> named = symptoms;
  if (pain && *pain >= k_advice_pain_threshold &&
      std::find(named.begin(), named.end(), "pain") == named.end()) {
    named.insert(named.begin(), "pain");
  }
  std::string urgent;
  std::string routine;
  for (const Sign& sign : signs()) {  // in the signs' order, each once
    if (std::find(named.begin(), named.end(), sign.name) != named.end()) {
      (sign.urgent ? urgent : routine) += sign.advice;
    }
  }
  const bool unknown = std::any_of(named.begin(), named.end(),
                                   [](const std::string& name) { return !find_sign(name); });
  if (unknown && routine.find(k_other) == std::string::npos) {
    routine += k_other;  // a name this version does not know: the general words
  }
  if (!urgent.empty()) {
    return reflow(std::string(k_help_now) + urgent + routine + std::string(k_unsure), width);
  }
  if (routine.empty()) {
    return safety_advice(width);
  }
  return reflow(
      (moment == AdviceMoment::session ? std::string(k_stop_for_today) : std::string()) + routine,
      width);
}

std::string safety_advice(int width) {
  return reflow(
      std::string(k_stop_for_today) + std::string(k_other) + std::string(k_urgent_reminder), width);
}

bool needs_advice(std::optional<int> pain, const std::vector<std::string>& symptoms) {
  return (pain && *pain >= k_advice_pain_threshold) || !symptoms.empty();
}

std::string symptom_question(int width) {
  const int max = (width > 0 ? width : k_default_width) - 1;  // the cursor never in the last column
  std::vector<std::string> routine = {"What made you stop?"};
  std::vector<std::string> urgent = {"Needs help now:"};
  const auto& list = signs();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Sign& sign = list[i];
    const bool last_of_kind = i + 1 == list.size() || list[i + 1].urgent != sign.urgent;
    (sign.urgent ? urgent : routine)
        .push_back(std::string(1, sign.key) + " " + std::string(sign.label) +
                   (last_of_kind ? "" : " ·"));
  }
  urgent.push_back("(Enter to skip)");
  std::string out;
  for (const std::string& line : fill(routine, max, 0)) {
    out += (out.empty() ? "" : "\n") + line;
  }
  for (const std::string& line : fill(urgent, max, 1)) {  // 1: the space after the question
    out += "\n" + line;
  }
  return out + " ";
}

std::optional<std::string> symptom_for_key(char key) {
  for (const Sign& sign : signs()) {
    if (sign.key == key) {
      return std::string(sign.name);
    }
  }
  return std::nullopt;
}

}  // namespace backcare
