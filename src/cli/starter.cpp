#include "starter.hpp"

#include "embedded.hpp"

namespace backcare {

std::string starter_routine(const std::string& name) {
  std::string text = R"({
  "$schema": "./schema.json",
  "format": 1,
  "name": "NAME",
  "title": "My routine",
  "description": "What this routine is for. Change the steps below, then check them with: backcare validate FILE",
  "tags": ["custom"],
  "params": {
    "breaths": { "default": 6, "min": 1, "max": 60, "description": "Breaths at the start" }
  },
  "steps": [
    {
      "kind": "breath",
      "title": "360° breathing",
      "text": "Breathe in and let the ribs widen in every direction; breathe out and feel the core and pelvic floor gently lift.",
      "pattern": { "inhale": 4, "hold": 0, "exhale": 6, "hold_empty": 0 },
      "cycles": "${breaths}",
      "cues": { "inhale": "In: ribs widen", "exhale": "Out: core lifts" }
    },
    {
      "kind": "timed",
      "title": "Knees to chest",
      "text": "On your back, hug your knees in gently and let your lower back soften.",
      "duration": "45s",
      "cues": [{ "at": 20, "text": "Rock gently side to side" }]
    },
    {
      "kind": "timed",
      "title": "Lying twist",
      "text": "Knees bent, let them fall to one side; keep both shoulders heavy.",
      "duration": 30,
      "sides": ["left", "right"],
      "switch": 5
    },
    {
      "kind": "reps",
      "title": "Glute bridges",
      "text": "Breathe in at the bottom, breathe out as you lift your hips.",
      "sets": 2,
      "reps": 8,
      "tempo": { "lower": 2, "pause": 1, "lift": 2 },
      "breath": { "lower": "inhale", "lift": "exhale" },
      "rest": "30s"
    },
    {
      "kind": "repeat",
      "title": "Cat-cow",
      "times": 2,
      "steps": [
        { "kind": "timed", "title": "Cat", "text": "Round your back as you breathe out.", "duration": 5 },
        { "kind": "timed", "title": "Cow", "text": "Soften your chest forward as you breathe in.", "duration": 5 }
      ]
    },
    { "kind": "rest", "title": "Rest", "duration": 10 },
    {
      "kind": "include",
      "title": "Close with breathing",
      "routine": "breathe",
      "with": { "cycles": 5 }
    }
  ]
}
)";
  const std::string placeholder = "\"NAME\"";
  text.replace(text.find(placeholder), placeholder.size(), "\"" + name + "\"");
  return text;
}

std::string routine_schema() {
  for (const auto& file : embedded_files()) {
    if (file.name == "schema.json") {
      return std::string(file.content);
    }
  }
  return {};
}

}  // namespace backcare
