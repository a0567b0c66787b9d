#include "core/experiment/json_paths.h"

#include <catch2/catch.hpp>

using namespace optiscope;

TEST_CASE("paths name members and elements, odd keys are quoted") {
  CHECK(memberPath("", "landscape") == "landscape");
  CHECK(memberPath("landscape", "runs") == "landscape.runs");
  CHECK(elementPath("landscape.runs", 2) == "landscape.runs[2]");
  CHECK(memberPath("a", "odd key") == "a[\"odd key\"]");
  CHECK(memberPath("a", "x.y") == "a[\"x.y\"]");
  CHECK(memberPath("a", "line\nbreak") == "a[\"line\\nbreak\"]");
  CHECK(memberPath("a", "") == "a[\"\"]");
}

TEST_CASE("every value's line is found by its path") {
  const JsonKeyLines lines(
      "{\n"
      "  \"a\": {\"b\": [10,\n"
      "              {\"c\": \"x,]}\\\"\"},\n"
      "              [1, 2]],\n"
      "        \"d\\u0065\": null},\n"
      "  \"e\": true\n"
      "}");
  CHECK(lines.lineOf("") == 1);
  CHECK(lines.lineOf("a") == 2);
  CHECK(lines.lineOf("a.b") == 2);
  CHECK(lines.lineOf("a.b[0]") == 2);
  CHECK(lines.lineOf("a.b[1]") == 3);
  CHECK(lines.lineOf("a.b[1].c") == 3);
  CHECK(lines.lineOf("a.b[2]") == 4);
  CHECK(lines.lineOf("a.b[2][1]") == 4);
  CHECK(lines.lineOf("a.de") == 5);  // escapes in keys are decoded
  CHECK(lines.lineOf("e") == 6);
  CHECK(lines.lineOf("a.b[1].missing") == 3);  // the nearest ancestor
  CHECK(lines.lineOf("nowhere") == 1);
  CHECK_FALSE(lines.duplicateKey());
}

TEST_CASE("a key given twice in one object is found") {
  const JsonKeyLines lines("{\"a\": {\"x\": 1,\n\"y\": 2},\n \"b\": {\"x\": 1,\n \"x\": 2}}");
  REQUIRE(lines.duplicateKey());
  CHECK(lines.duplicateKey()->path == "b.x");
  CHECK(lines.duplicateKey()->line == 4);
}

TEST_CASE("deep nesting is scanned without recording paths beyond the limit") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "[";
  for (int i = 0; i < 5000; ++i) text += "]";
  const JsonKeyLines lines(text);
  CHECK(lines.lineOf("[0][0][0][0][0]") == 1);
  CHECK_FALSE(lines.duplicateKey());
}
