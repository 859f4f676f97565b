#include "json/json_reader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <iterator>
#include <string>
#include <vector>

using backcare::Json;
using backcare::json_path_index;
using backcare::json_path_member;
using backcare::k_max_json_values;
using backcare::read_json;
using backcare::read_json_string;
using backcare::TextPosition;

namespace {

// Every diagnostic of reading `text` as "t.json", one formatted line each.
std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& error : read_json(text, "t.json").errors) {
    out.push_back(error.format());
  }
  return out;
}

// The only diagnostic (or a note that there were none or several).
std::string error_of(const std::string& text) {
  const auto errors = errors_of(text);
  if (errors.size() != 1) {
    return "<" + std::to_string(errors.size()) + " errors>";
  }
  return errors.front();
}

std::string where(TextPosition p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("json_reader::valid") {
  SUBCASE("values of every type") {
    const auto result = read_json(
        R"({"a": 1, "b": -2.5, "c": "x\n\u00e9\ud83d\ude00", "d": [true, false, null], "e": {}})",
        "t.json");
    REQUIRE(result.ok());
    CHECK(result.complete);
    CHECK(result.document.value["a"].is_number_integer());
    CHECK(result.document.value["a"].get<std::int64_t>() == 1);
    CHECK(result.document.value["b"].get<double>() == -2.5);
    CHECK(result.document.value["c"].get<std::string>() == "x\n\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(result.document.value["d"].dump() == "[true,false,null]");
    CHECK(result.document.value["e"].dump() == "{}");
  }
  SUBCASE("keys stay in file order") {
    const auto result = read_json(R"({"z": 1, "a": 2, "m": 3})", "t.json");
    REQUIRE(result.ok());
    CHECK(result.document.value.dump() == R"({"z":1,"a":2,"m":3})");
  }
  SUBCASE("a UTF-8 byte order mark is accepted") {
    const auto result = read_json("\xEF\xBB\xBF{\"a\": 1}", "t.json");
    CHECK(result.ok());
    CHECK(result.complete);
    CHECK(result.document.value["a"].get<int>() == 1);
  }
  SUBCASE("the largest and smallest 64-bit integers") {
    const auto result = read_json("[9223372036854775807, -9223372036854775808]", "t.json");
    REQUIRE(result.ok());
    CHECK(result.document.value[0].get<std::int64_t>() == INT64_MAX);
    CHECK(result.document.value[1].get<std::int64_t>() == INT64_MIN);
  }
  SUBCASE("1e40 is a finite double, left for the loader to judge") {
    const auto result = read_json("[1e40]", "t.json");
    REQUIRE(result.ok());
    CHECK(result.document.value[0].is_number_float());
  }
}

TEST_CASE("json_reader::positions") {
  const std::string text =
      "{\n"
      "  \"name\": \"x\",\n"
      "  \"steps\": [\n"
      "    {\"kind\": \"rest\",\n"
      "     \"pattern\": {\"inhale\":   4}},\n"
      "    7\n"
      "  ],\n"
      "  \"odd key\": null\n"
      "}\n";
  const auto result = read_json(text, "t.json");
  REQUIRE(result.ok());
  const auto& doc = result.document;
  CHECK(where(doc.value_at("")) == "1:1");
  CHECK(where(doc.key_at("name")) == "2:3");
  CHECK(where(doc.value_at("name")) == "2:11");
  CHECK(where(doc.value_at("steps")) == "3:12");
  CHECK(where(doc.value_at("steps[0]")) == "4:5");
  CHECK(where(doc.key_at("steps[0].kind")) == "4:6");
  CHECK(where(doc.value_at("steps[0].kind")) == "4:14");
  CHECK(where(doc.key_at("steps[0].pattern.inhale")) == "5:18");
  CHECK(where(doc.value_at("steps[0].pattern.inhale")) == "5:30");
  CHECK(where(doc.value_at("steps[1]")) == "6:5");
  CHECK(where(doc.key_at("[\"odd key\"]")) == "8:3");
  CHECK(where(doc.value_at("[\"odd key\"]")) == "8:14");
  SUBCASE("unknown paths have no position") {
    CHECK(where(doc.value_at("steps[2]")) == "0:0");
  }
  SUBCASE("key_at falls back to the value (array elements have no key)") {
    CHECK(where(doc.key_at("steps[1]")) == "6:5");
  }
  SUBCASE("asked many times (past the reads again, from the index), the same answers") {
    const std::vector<std::string> paths = {"",
                                            "name",
                                            "steps",
                                            "steps[0]",
                                            "steps[0].kind",
                                            "steps[0].pattern",
                                            "steps[1]",
                                            "[\"odd key\"]",
                                            "nope",
                                            "steps[9]",
                                            "steps[0].pattern.inhale"};
    std::vector<std::string> first;  // each asked of a fresh document: read again up to it
    for (const auto& path : paths) {
      const auto fresh = read_json(text, "t.json");
      first.push_back(where(fresh.document.value_at(path)) + " " +
                      where(fresh.document.key_at(path)));
    }
    for (int round = 0; round < 3; ++round) {
      for (std::size_t i = 0; i < paths.size(); ++i) {
        CHECK(where(doc.value_at(paths[i])) + " " + where(doc.key_at(paths[i])) == first[i]);
      }
    }
  }
}

TEST_CASE("json_reader::positions of duplicates and of a path beside a large array") {
  // The first of two duplicate keys is where the value is (it is the one kept).
  const auto dup = read_json("{\"a\": 1,\n \"a\": {\"b\": 2}}", "t.json");
  CHECK(where(dup.document.value_at("a")) == "1:7");
  CHECK(where(dup.document.value_at("a.b")) == "0:0");  // only in the duplicate: not kept
  // A path after 150,000 values is found without recording each of them.
  std::string text = "{\"big\": [";
  for (int i = 0; i < 150000; ++i) {
    text += i == 0 ? "0" : ",0";
  }
  text += "],\n\"tail\": [1, {\"k\": 2}]}";
  const auto result = read_json(text, "t.json");
  REQUIRE(result.ok());
  CHECK(where(result.document.value_at("big[149999]")) == "1:300008");
  CHECK(where(result.document.key_at("tail")) == "2:1");
  CHECK(where(result.document.value_at("tail[1].k")) == "2:19");
  CHECK(where(result.document.value_at("tail[2]")) == "0:0");
}

TEST_CASE("json_reader::a cap on the number of values") {
  std::string text = "[";
  for (std::size_t i = 0; i + 1 < k_max_json_values; ++i) {
    text += i == 0 ? "0" : ",0";
  }
  CHECK(read_json(text + "]", "t.json").ok());  // the array and its 199,999 zeros: at the cap
  CHECK(error_of(text + ",0]") ==
        "t.json:1:400000: more than 200000 JSON values (a routine needs far fewer)");
}

TEST_CASE("json_reader::a wide object keeps every member in file order") {
  // Members are appended without a lookup and repeats found with a set: 20,000 members, the
  // last a repeat of the one in the middle.
  std::string text = "{";
  for (int i = 0; i < 20000; ++i) {
    text += fmt::format("{}\"k{}\":{}", i == 0 ? "" : ",", 19999 - i, i);
  }
  text += ",\"k10000\":0}";
  const auto result = read_json(text, "t.json");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].format() ==
        fmt::format("t.json:1:{}: k10000: duplicate key (each key may appear only once)",
                    text.size() - 10));
  const Json& value = result.document.value;
  REQUIRE(value.size() == 20000);
  CHECK(value.begin().key() == "k19999");
  CHECK(std::prev(value.end()).key() == "k0");
  CHECK(value["k10000"].get<int>() == 9999);  // the first value is kept
}

TEST_CASE("json_reader::read_json_string reads one string without the document") {
  CHECK(read_json_string("{\"steps\": [1, 2], \"name\": \"ev\\u00e9\"}", "name") == "ev\u00e9");
  CHECK(read_json_string("{\"name\": \"a\", \"name\": \"b\"}", "name") == "a");  // the first
  CHECK_FALSE(read_json_string("{\"name\": 7}", "name").has_value());
  CHECK_FALSE(read_json_string("{\"title\": \"x\"}", "name").has_value());
  CHECK_FALSE(read_json_string("{\"name\": \"a\", }", "name").has_value());  // invalid JSON
  CHECK_FALSE(read_json_string("{\"name\": \"a\"} x", "name").has_value());
  CHECK(read_json_string("{\"o\": {\"name\": \"inner\"}, \"name\": \"top\"}", "name") == "top");
}

TEST_CASE("json_reader::syntax errors") {
  SUBCASE("line and column on multi-line input") {
    CHECK(error_of("{\n  \"a\": 1,\n  \"b\" 2\n}") ==
          "t.json:3:7: expected ':' after the member name, found '2'");
    CHECK(error_of("[\n1,\n2\n3]") ==
          "t.json:4:1: expected ',' or ']' after an array element, found '3'");
    CHECK(error_of("{\"a\": 1\n\"b\": 2}") ==
          "t.json:2:1: expected ',' or '}' after an object member, found '\"'");
  }
  SUBCASE("trailing commas") {
    CHECK(error_of("[1, 2,]") == "t.json:1:7: trailing comma is not allowed");
    CHECK(error_of("{\"a\": 1,\n}") == "t.json:2:1: trailing comma is not allowed");
  }
  SUBCASE("comments") {
    CHECK(error_of("{\n  // note\n  \"a\": 1\n}") ==
          "t.json:2:3: comments are not allowed in JSON");
    CHECK(error_of("[1 /* x */]") == "t.json:1:4: comments are not allowed in JSON");
  }
  SUBCASE("empty and truncated documents") {
    CHECK(error_of("") == "t.json:1:1: expected a value, found the end of the file");
    CHECK(error_of("  \n") == "t.json:2:1: expected a value, found the end of the file");
    CHECK(error_of("{\"a\": [1") == "t.json:1:9: expected ',' or ']', found the end of the file");
    CHECK(error_of("{\"a\": 1") == "t.json:1:8: expected ',' or '}', found the end of the file");
    CHECK(error_of("\"abc") == "t.json:1:5: unterminated string");
  }
  SUBCASE("bad tokens") {
    CHECK(error_of("[tru]") == "t.json:1:2: expected a value, found 't'");
    CHECK(error_of("{a: 1}") == "t.json:1:2: expected a member name in double quotes, found 'a'");
    CHECK(error_of("['x']") == "t.json:1:2: expected a value, found '''");
    CHECK(error_of("[01]") == "t.json:1:2: numbers may not have leading zeros");
    CHECK(error_of("[1.]") == "t.json:1:4: expected a digit after the decimal point");
    CHECK(error_of("[-]") == "t.json:1:3: expected a digit in a number");
    CHECK(error_of("[1e]") == "t.json:1:4: expected a digit in the exponent");
    CHECK(error_of("{} x") == "t.json:1:4: unexpected text after the end of the JSON document");
    CHECK(error_of("[\"a\\x\"]") == "t.json:1:5: invalid escape '\\x' in a string");
    CHECK(error_of("[\"\\u12\"]") == "t.json:1:7: expected four hex digits after \\u");
    CHECK(error_of("[\"\\ud800\"]") == "t.json:1:9: lone UTF-16 surrogate in a \\u escape");
    CHECK(error_of("[\"a\tb\"]") ==
          "t.json:1:4: control character in a string (write it as an escape such as \\n)");
  }
  SUBCASE("a syntax error marks the read incomplete") {
    const auto result = read_json("[1,", "t.json");
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.complete);
  }
}

TEST_CASE("json_reader::hostile input") {
  SUBCASE("NUL byte") {
    CHECK(error_of(std::string("{\n  \"a\": \0}", 11)) ==
          "t.json:2:8: NUL byte (a routine file is UTF-8 text)");
  }
  SUBCASE("invalid UTF-8") {
    CHECK(error_of("{\n  \"a\": \"\xff\"}") ==
          "t.json:2:9: invalid UTF-8 (byte 0xff); routine files must be UTF-8 text");
    CHECK(error_of("[\"\xc3\xa9\", \"\xc0\xaf\"]") ==
          "t.json:1:9: invalid UTF-8 (byte 0xc0); routine files must be UTF-8 text");
    CHECK(error_of("[\"\xe2\x82\"]") ==
          "t.json:1:3: invalid UTF-8 (byte 0xe2); routine files must be UTF-8 text");
  }
  SUBCASE("deep nesting is an error, not a crash") {
    CHECK(error_of(std::string(100'000, '[')) == "t.json:1:33: nesting deeper than 32 levels");
    CHECK(error_of(std::string(100'000, '{')) ==
          "t.json:1:2: expected a member name in double quotes, found '{'");
    std::string objects;
    for (int i = 0; i < 50'000; ++i) {
      objects += "{\"a\":";
    }
    CHECK(error_of(objects) == "t.json:1:161: nesting deeper than 32 levels");
  }
  SUBCASE("32 levels are fine") {
    const std::string text = std::string(32, '[') + std::string(32, ']');
    CHECK(read_json(text, "t.json").ok());
    CHECK(error_of(std::string(33, '[') + std::string(33, ']')) ==
          "t.json:1:33: nesting deeper than 32 levels");
  }
  SUBCASE("numbers out of range are reported where they are, reading goes on") {
    const auto result =
        read_json("{\n \"a\": 1e400,\n \"b\": 9223372036854775808,\n \"c\": -1e400}", "t.json");
    CHECK(result.complete);
    REQUIRE(result.errors.size() == 3);
    CHECK(result.errors[0].format() == "t.json:2:7: a: number 1e400 is out of range");
    CHECK(result.errors[1].format() == "t.json:3:7: b: number 9223372036854775808 is out of range");
    CHECK(result.errors[2].format() == "t.json:4:7: c: number -1e400 is out of range");
    CHECK(result.document.value["a"].is_null());
    CHECK(result.document.value["b"].is_null());
  }
  SUBCASE("duplicate keys, all of them, with the first value kept") {
    const auto result = read_json("{\"a\": 1,\n \"b\": 2,\n \"a\": 3,\n \"a\": [4]}", "t.json");
    CHECK(result.complete);
    REQUIRE(result.errors.size() == 2);
    CHECK(result.errors[0].format() ==
          "t.json:3:2: a: duplicate key (each key may appear only once)");
    CHECK(result.errors[1].format() ==
          "t.json:4:2: a: duplicate key (each key may appear only once)");
    CHECK(result.document.value["a"].get<int>() == 1);
    CHECK(where(result.document.key_at("a")) == "1:2");
    CHECK(where(result.document.value_at("a")) == "1:7");
  }
  SUBCASE("inside a duplicate's value: real paths, and the first value's positions kept") {
    const auto result = read_json("{\"a\": {\"x\": 1},\n \"a\": {\"x\": 1e400}}", "t.json");
    REQUIRE(result.errors.size() == 2);
    CHECK(result.errors[0].format() ==
          "t.json:2:2: a: duplicate key (each key may appear only once)");
    CHECK(result.errors[1].format() == "t.json:2:13: a.x: number 1e400 is out of range");
    CHECK(where(result.document.value_at("a.x")) == "1:13");
    CHECK(where(result.document.key_at("a.x")) == "1:8");
  }
  SUBCASE("a syntax error replaces earlier reports") {
    CHECK(errors_of("{\"a\": 1, \"a\": 2,]") ==
          std::vector<std::string>{
              "t.json:1:17: expected a member name in double quotes, found ']'"});
  }
}

TEST_CASE("json_reader::paths") {
  CHECK(json_path_member("", "steps") == "steps");
  CHECK(json_path_member("steps[2]", "pattern") == "steps[2].pattern");
  CHECK(json_path_member("", "$schema") == "$schema");
  CHECK(json_path_member("", "hold_empty") == "hold_empty");
  CHECK(json_path_member("steps[0]", "odd key") == "steps[0][\"odd key\"]");
  CHECK(json_path_member("", "") == "[\"\"]");
  CHECK(json_path_member("", "\x1b[2J") == "[\"\\\\x1b[2J\"]");
  CHECK(json_path_index("steps", 2) == "steps[2]");
  CHECK(json_path_index("", 0) == "[0]");
}
