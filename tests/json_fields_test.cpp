// Typed fields read out of a parsed document: each problem is one exact line with the value's
// line:column and JSON path.
#include <doctest/doctest.h>

#include <string>

#include "json/json_fields.hpp"
#include "json/json_reader.hpp"

using namespace backcare;

namespace {

// A document read from `text` and a FieldReader over it; `lines()` is every error, one a line.
struct Fields {
  // The document refers to its text for positions: the fixture keeps a copy.
  explicit Fields(const std::string& source_text)
      : text(source_text), parsed(read_json(text, "f.json")) {
    REQUIRE(parsed.ok());
  }
  const Json& root() const { return parsed.document.value; }
  std::string lines() const {
    std::string out;
    for (const auto& d : errors) {
      out += d.format() + "\n";
    }
    return out;
  }

  std::string text;
  JsonReadResult parsed;
  Diagnostics errors;
  std::string source = "f.json";
  FieldReader reader{parsed.document, source, errors};
};

}  // namespace

TEST_CASE("json fields: a string, required and optional") {
  Fields f(R"({"a": "x", "b": 3, "c": ""})");
  CHECK(f.reader.read_string(f.root()["a"], "a") == "x");
  CHECK(f.reader.read_string(f.root()["b"], "b").empty());
  CHECK(f.reader.optional_string(f.root(), "", "c", true) == "");
  CHECK_FALSE(f.reader.optional_string(f.root(), "", "d").has_value());
  CHECK(f.lines() ==
        "f.json:1:17: b: expected a string, got the number 3\n"
        "f.json:1:25: c: must not be empty\n");
}

TEST_CASE("json fields: a string longer than the limit") {
  Fields f(R"({"a": ")" + std::string(501, 'x') + R"("})");
  f.reader.read_string(f.root()["a"], "a");
  CHECK(f.lines() == "f.json:1:7: a: string of 501 characters is longer than the limit of 500\n");
}

TEST_CASE("json fields: integer, number and bool") {
  Fields f(R"({"n": 7, "big": 70, "half": 2.5, "t": true, "s": "yes"})");
  CHECK(f.reader.read_integer(f.root()["n"], "n", 1, 10) == 7);
  CHECK_FALSE(f.reader.read_integer(f.root()["big"], "big", 1, 10).has_value());
  CHECK_FALSE(f.reader.read_integer(f.root()["half"], "half", 1, 10).has_value());
  CHECK(f.reader.read_number(f.root()["half"], "half") == 2.5);
  CHECK_FALSE(f.reader.read_number(f.root()["s"], "s").has_value());
  CHECK(f.reader.read_bool(f.root()["t"], "t") == true);
  CHECK_FALSE(f.reader.read_bool(f.root()["s"], "s").has_value());
  CHECK(f.lines() ==
        "f.json:1:17: big: expected a whole number from 1 to 10, got 70\n"
        "f.json:1:29: half: expected a whole number from 1 to 10, got the number 2.5\n"
        "f.json:1:50: s: expected a number, got a string\n"
        "f.json:1:50: s: expected true or false, got a string\n");
}

TEST_CASE("json fields: an enum") {
  Fields f(R"({"a": "exhale", "b": "inhail", "c": null})");
  const std::vector<std::string> choices = {"inhale", "exhale", "hold"};
  CHECK(f.reader.read_enum(f.root()["a"], "a", choices) == "exhale");
  CHECK_FALSE(f.reader.read_enum(f.root()["b"], "b", choices).has_value());
  CHECK_FALSE(f.reader.read_enum(f.root()["c"], "c", {"x", "y"}).has_value());
  CHECK(f.lines() ==
        "f.json:1:22: b: expected \"inhale\", \"exhale\" or \"hold\", got \"inhail\"\n"
        "f.json:1:37: c: expected \"x\" or \"y\", got null\n");
}

TEST_CASE("json fields: a duration") {
  Fields f(R"({"a": "1m30s", "b": 2.5, "c": -1, "d": "soon", "e": 0, "f": [], "g": 0.0001})");
  CHECK(f.reader.read_duration(f.root()["a"], "a", true) == 90000);
  CHECK(f.reader.read_duration(f.root()["b"], "b", true) == 2500);
  CHECK_FALSE(f.reader.read_duration(f.root()["c"], "c", false).has_value());
  CHECK_FALSE(f.reader.read_duration(f.root()["d"], "d", false).has_value());
  CHECK(f.reader.read_duration(f.root()["e"], "e", false) == 0);
  CHECK(f.reader.read_duration(f.root()["e"], "e", true) == 0);
  CHECK_FALSE(f.reader.read_duration(f.root()["f"], "f", false).has_value());
  CHECK_FALSE(f.reader.read_duration(f.root()["g"], "g", false).has_value());
  CHECK(f.lines() ==
        "f.json:1:31: c: must not be negative, got -1\n"
        "f.json:1:40: d: expected a duration such as \"90s\", \"1m30s\", \"10m\" or \"1h\" (at "
        "most 24 hours, resolution 1 ms), got \"soon\"\n"
        "f.json:1:53: e: must be > 0\n"
        "f.json:1:61: f: expected a duration (seconds or \"1m30s\"), got an array\n"
        "f.json:1:70: g: 0.0001 is finer than the resolution of 1 ms\n");
}

TEST_CASE("json fields: a problem with a duration's number can be redirected") {
  Fields f(R"({"a": 90000, "b": "x"})");
  std::string said;
  const auto to_said = [&](std::string message) { said = message; };
  CHECK_FALSE(f.reader.read_duration(f.root()["a"], "a", true, to_said).has_value());
  CHECK(said == "90000 seconds is longer than the limit of 24 hours");
  CHECK(f.lines().empty());
  f.reader.read_duration(f.root()["b"], "b", true, to_said);  // not a number: said in place
  CHECK(f.lines() ==
        "f.json:1:19: b: expected a duration such as \"90s\", \"1m30s\", \"10m\" or \"1h\" (at "
        "most 24 hours, resolution 1 ms), got \"x\"\n");
}

TEST_CASE("json fields: unknown keys, with a suggestion, at the key") {
  Fields f("{\"obj\": {\"duraton\": 1,\n  \"zzz\": 2, \"title\": \"t\"}}");
  const Json& obj = f.root()["obj"];
  f.reader.check_keys(obj, "obj", {"title", "duration"});
  CHECK(f.lines() ==
        "f.json:1:10: obj: unknown key \"duraton\"; did you mean \"duration\"?\n"
        "f.json:2:3: obj: unknown key \"zzz\"\n");
  CHECK(f.reader.is_suggested("obj", "duration"));
  CHECK_FALSE(f.reader.is_suggested("obj", "title"));
}

TEST_CASE("json fields: a key suggested for a typo is not also missing") {
  Fields f(R"({"obj": {"duraton": 1}})");
  const Json& obj = f.root()["obj"];
  f.reader.check_keys(obj, "obj", {"title", "duration"});
  CHECK_FALSE(f.reader.require(obj, "obj", {"title", "duration"}));
  CHECK(f.lines() ==
        "f.json:1:10: obj: unknown key \"duraton\"; did you mean \"duration\"?\n"
        "f.json:1:9: obj: missing required key \"title\"\n");
}

TEST_CASE("json fields: a value the reader already reported is not reported again") {
  JsonReadResult parsed = read_json(R"({"a": 1e999})", "f.json");
  REQUIRE(parsed.document.reported.count("a") == 1);
  Diagnostics errors;
  const std::string source = "f.json";
  FieldReader reader(parsed.document, source, errors);
  reader.read_string(parsed.document.value["a"], "a");
  CHECK(errors.empty());
}
