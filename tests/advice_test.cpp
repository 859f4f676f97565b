#include "journal/advice.hpp"

#include <doctest/doctest.h>

#include "base/text.hpp"
#include "journal/journal.hpp"

namespace backcare {
namespace {

// The question's lines, split at "\n".
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

}  // namespace

TEST_CASE("advice::the general advice, for a stop whose sign was not named") {
  CHECK(safety_advice() ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor.\n"
        "Heavy bleeding, chest pain or breathlessness, a painful swollen calf, a severe\n"
        "headache or a fever need help now: call 999, or NHS 111 if you are not sure.\n");
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {}) == safety_advice());
}

TEST_CASE("advice::each sign its own words, after a session") {
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {"leaking"}) ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "Leaking is common after birth and pelvic floor exercises often help, but it is\n"
        "not something to put up with: if it goes on, ask your GP, midwife or health\n"
        "visitor about a pelvic-floor physiotherapist.\n");
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {"dizziness"}) ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "Sit or lie down until the dizziness passes, then have a drink and something to\n"
        "eat. If you faint, or feel faint with heavy bleeding, a racing heart or\n"
        "breathlessness, call 999. If it keeps happening, see your GP.\n");
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {"heaviness"}) ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "Lying down often eases a heavy, dragging feeling. If it comes back, or you feel\n"
        "a bulge in the vagina, see your GP: they can refer you to a pelvic-floor\n"
        "physiotherapist.\n");
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {"doming"}) ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "A ridge or dome down the middle of your tummy means the movement asked more of\n"
        "your stomach muscles than they can hold yet: choose an easier version next\n"
        "time. If it keeps happening, ask your GP or health visitor about seeing a\n"
        "physiotherapist.\n");
  // A pain score at the threshold counts as the sign pain.
  CHECK(safety_advice(AdviceMoment::session, 7, {}) ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "Pain that persists, comes back or gets worse is a reason to see your GP or a\n"
        "pelvic-floor physiotherapist.\n");
  CHECK(safety_advice(AdviceMoment::session, 8, {"pain"}) ==
        safety_advice(AdviceMoment::session, 7, {}));
}

TEST_CASE("advice::a check-in has no session to stop") {
  CHECK(safety_advice(AdviceMoment::checkin, std::nullopt, {"leaking"}) ==
        "Leaking is common after birth and pelvic floor exercises often help, but it is\n"
        "not something to put up with: if it goes on, ask your GP, midwife or health\n"
        "visitor about a pelvic-floor physiotherapist.\n");
  CHECK(safety_advice(AdviceMoment::checkin, std::nullopt, {"other"}) ==
        "If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor.\n");
  // Several signs: each once, in the signs' order.
  CHECK(safety_advice(AdviceMoment::checkin, 9, {"other", "pain", "other"}) ==
        "Pain that persists, comes back or gets worse is a reason to see your GP or a\n"
        "pelvic-floor physiotherapist.\n"
        "If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor.\n");
}

TEST_CASE("advice::the urgent tier: help now, not a physiotherapist next week") {
  const std::string bleeding = safety_advice(AdviceMoment::session, std::nullopt, {"bleeding"});
  CHECK(bleeding ==
        "Get help now: this should not wait for a physiotherapist next week.\n"
        "Heavy bleeding (a pad soaked in an hour or less, or large clots): call 999 or\n"
        "go to A&E now.\n"
        "If you are not sure how urgent it is, call NHS 111.\n");
  CHECK(safety_advice(AdviceMoment::checkin, std::nullopt, {"bleeding"}) == bleeding);
  // The urgent words come first, whatever the order given; the others follow, with no "stop for
  // today" to soften them.
  CHECK(safety_advice(AdviceMoment::session, std::nullopt,
                      {"leaking", "headache-or-fever", "chest-pain"}) ==
        "Get help now: this should not wait for a physiotherapist next week.\n"
        "Chest pain or sudden breathlessness: call 999 now.\n"
        "A severe headache (perhaps with blurred vision), or a fever or shivering, needs\n"
        "a doctor now: call your GP or midwife, or NHS 111; call 999 if you feel very\n"
        "unwell.\n"
        "Leaking is common after birth and pelvic floor exercises often help, but it is\n"
        "not something to put up with: if it goes on, ask your GP, midwife or health\n"
        "visitor about a pelvic-floor physiotherapist.\n"
        "If you are not sure how urgent it is, call NHS 111.\n");
  CHECK(safety_advice(AdviceMoment::checkin, std::nullopt, {"swollen-calf"}) ==
        "Get help now: this should not wait for a physiotherapist next week.\n"
        "A painful, swollen calf (it may be warm or red) can be a blood clot: contact\n"
        "your GP or NHS 111 now, and call 999 if you are also breathless or have chest\n"
        "pain.\n"
        "If you are not sure how urgent it is, call NHS 111.\n");
  for (const Sign& sign : signs()) {
    const std::string text =
        safety_advice(AdviceMoment::session, std::nullopt, {std::string(sign.name)});
    CHECK_MESSAGE((text.rfind("Get help now", 0) == 0) == sign.urgent, sign.name);
    CHECK_MESSAGE(
        (text.find("999") != std::string::npos) == (sign.urgent || sign.name == "dizziness"),
        sign.name);
    for (const std::string& line : lines_of(text)) {
      CHECK_MESSAGE(display_width(line) <= 80, line);
    }
  }
}

TEST_CASE("advice::a sign this version does not know gets the general words") {
  CHECK(safety_advice(AdviceMoment::checkin, std::nullopt, {"cramp"}) ==
        "If it goes on or comes back, see a pelvic-floor physiotherapist or your doctor.\n");
  CHECK(find_sign("cramp") == nullptr);
  REQUIRE(find_sign("chest-pain") != nullptr);
  CHECK(find_sign("chest-pain")->urgent);
}

TEST_CASE("advice::needed from pain 7 or any symptom") {
  CHECK(!needs_advice(std::nullopt, {}));
  CHECK(!needs_advice(0, {}));
  CHECK(!needs_advice(6, {}));
  CHECK(needs_advice(7, {}));
  CHECK(needs_advice(10, {}));
  CHECK(needs_advice(std::nullopt, {"leaking"}));
  CHECK(needs_advice(2, {"other"}));
}

TEST_CASE("advice::the safety-stop question wraps at word boundaries") {
  CHECK(symptom_question(80) ==
        "What made you stop? 1 pain · 2 leaking · 3 heaviness or a bulge ·\n"
        "4 abdominal doming · 5 dizzy or faint · 6 other\n"
        "Needs help now: 7 heavy bleeding · 8 chest pain or breathless ·\n"
        "9 painful swollen calf · 0 bad headache or fever (Enter to skip) ");
  CHECK(symptom_question(40) ==
        "What made you stop? 1 pain ·\n"
        "2 leaking · 3 heaviness or a bulge ·\n"
        "4 abdominal doming · 5 dizzy or faint ·\n"
        "6 other\n"
        "Needs help now: 7 heavy bleeding ·\n"
        "8 chest pain or breathless ·\n"
        "9 painful swollen calf ·\n"
        "0 bad headache or fever\n"
        "(Enter to skip) ");
  CHECK(symptom_question(0) == symptom_question(80));
  // At every width each line is shorter than the window, and every item that fits a line is on
  // one line (no "abdominal d" / "oming").
  for (int width = 12; width <= 140; ++width) {
    const std::vector<std::string> lines = lines_of(symptom_question(width));
    for (const std::string& line : lines) {
      CHECK_MESSAGE(display_width(line) < width, width, ": ", line);
    }
    for (const Sign& sign : signs()) {
      const std::string item = std::string(1, sign.key) + " " + std::string(sign.label);
      if (display_width(item) + 2 < width) {
        const bool whole = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
          return line.find(item) != std::string::npos;
        });
        CHECK_MESSAGE(whole, width, ": ", item);
      }
    }
  }
}

TEST_CASE("advice::the question's keys and the journal's names") {
  CHECK(symptom_for_key('1') == "pain");
  CHECK(symptom_for_key('3') == "heaviness");
  CHECK(symptom_for_key('4') == "doming");
  CHECK(symptom_for_key('6') == "other");
  CHECK(symptom_for_key('7') == "bleeding");
  CHECK(symptom_for_key('8') == "chest-pain");
  CHECK(symptom_for_key('9') == "swollen-calf");
  CHECK(symptom_for_key('0') == "headache-or-fever");
  CHECK(symptom_for_key('a') == std::nullopt);
  CHECK(symptom_for_key('\r') == std::nullopt);
  // Every sign is a symptom name the journal knows, in its order; the old six keep their keys.
  REQUIRE(signs().size() == k_journal_symptoms.size());
  for (std::size_t i = 0; i < k_journal_symptoms.size(); ++i) {
    CHECK(signs()[i].name == k_journal_symptoms[i]);
  }
}

}  // namespace backcare

namespace backcare {

TEST_CASE("advice::wrapped at word boundaries to the window") {
  CHECK(safety_advice(AdviceMoment::session, std::nullopt, {"leaking"}, 40) ==
        "Stop for today, and rest in a position\n"
        "that feels comfortable.\n"
        "Leaking is common after birth and\n"
        "pelvic floor exercises often help, but\n"
        "it is not something to put up with: if\n"
        "it goes on, ask your GP, midwife or\n"
        "health visitor about a pelvic-floor\n"
        "physiotherapist.\n");
  // Never wider than 79 columns, however wide the window.
  CHECK(safety_advice(200) == safety_advice(80));
}

}  // namespace backcare
