#include "journal/advice.hpp"

#include <doctest/doctest.h>

#include "journal/journal.hpp"

namespace backcare {

TEST_CASE("advice::the text, exactly") {
  CHECK(safety_advice() ==
        "Stop for today, and rest in a position that feels comfortable.\n"
        "If it persists or comes back, see a pelvic-floor physiotherapist or your doctor.\n");
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

TEST_CASE("advice::the safety-stop question and its keys") {
  CHECK(symptom_question() ==
        "What made you stop? 1 pain · 2 leaking · 3 heaviness or pressure · 4 abdominal doming · "
        "5 dizziness · 6 other (Enter to skip) ");
  CHECK(symptom_for_key('1') == "pain");
  CHECK(symptom_for_key('3') == "heaviness");
  CHECK(symptom_for_key('4') == "doming");
  CHECK(symptom_for_key('6') == "other");
  CHECK(symptom_for_key('0') == std::nullopt);
  CHECK(symptom_for_key('7') == std::nullopt);
  CHECK(symptom_for_key('\r') == std::nullopt);
  // Every choice is a symptom name the journal knows, in its order.
  REQUIRE(symptom_choices().size() == k_journal_symptoms.size());
  for (std::size_t i = 0; i < k_journal_symptoms.size(); ++i) {
    CHECK(symptom_choices()[i].name == k_journal_symptoms[i]);
  }
}

}  // namespace backcare
