#include "core/util/spec.h"

#include <catch2/catch.hpp>

#include "core/util/params.h"
#include "core/util/spec_error.h"

using namespace optiscope;

TEST_CASE("parseSpec splits name and key=value pairs") {
  const Spec s = parseSpec("adam:lr=0.05, amsgrad=true", "optimizer");
  CHECK(s.name == "adam");
  REQUIRE(s.args.size() == 2);
  CHECK(s.args[0] == std::pair<std::string, std::string>{"lr", "0.05"});
  CHECK(s.args[1] == std::pair<std::string, std::string>{"amsgrad", "true"});
}

TEST_CASE("parseSpec keeps nested commas inside brackets") {
  const Spec s = parseSpec(
      "sequence:first=linear(start_factor=0.1,total_iters=10),then=cosine(t_max=90),"
      "milestone=10",
      "schedule");
  REQUIRE(s.args.size() == 3);
  CHECK(s.args[0].second == "linear(start_factor=0.1,total_iters=10)");
  CHECK(nestedSpecText(s.args[0].second) == "linear:start_factor=0.1,total_iters=10");
  CHECK(splitList("[30,60]", "x") == std::vector<std::string>{"30", "60"});
}

TEST_CASE("parseSpec rejects malformed specs with a message naming the piece") {
  CHECK_THROWS_WITH(parseSpec("", "optimizer"), Catch::Contains("empty"));
  CHECK_THROWS_WITH(parseSpec("adam:lr", "optimizer"), Catch::Contains("'lr' is not key=value"));
  CHECK_THROWS_WITH(parseSpec("adam:lr=1,lr=2", "optimizer"), Catch::Contains("given twice"));
  CHECK_THROWS_WITH(parseSpec("seq:a=f(x=1", "schedule"), Catch::Contains("missing ')'"));
  CHECK_THROWS_AS(parseSpec("adam:", "optimizer"), SpecError);
}

TEST_CASE("number parsing is strict and finite") {
  CHECK(parseFiniteDouble("1e-3", "lr") == 1e-3);
  CHECK_THROWS_WITH(parseFiniteDouble("0.1x", "lr"), Catch::Contains("'0.1x' is not a number"));
  CHECK_THROWS_WITH(parseFiniteDouble("nan", "lr"), Catch::Contains("finite"));
  CHECK_THROWS_WITH(parseFiniteDouble("1e999", "lr"), Catch::Contains("finite"));
  CHECK(parseBool("true", "b"));
  CHECK_THROWS_WITH(parseBool("yes", "b"), Catch::Contains("true or false"));
  CHECK(formatDouble(0.1) == "0.10000000000000001");
}

TEST_CASE("parseSpecByKeys splits at keys, whatever the brackets of a formula") {
  const Spec spec = parseSpecByKeys("expr: f=min(x,y)*(x+1 , a = 2,b=3", "function");
  CHECK(spec.name == "expr");
  REQUIRE(spec.args.size() == 3);
  CHECK(spec.args[0] == std::pair<std::string, std::string>{"f", "min(x,y)*(x+1"});
  CHECK(spec.args[1] == std::pair<std::string, std::string>{"a", "2"});
  CHECK(spec.args[2] == std::pair<std::string, std::string>{"b", "3"});
  CHECK(parseSpecByKeys("expr", "function").args.empty());
  CHECK_THROWS_WITH(parseSpecByKeys("expr:f=x,f=y", "function"), Catch::Contains("given twice"));
  CHECK_THROWS_WITH(parseSpecByKeys("expr:f=", "function"), Catch::Contains("has no value"));
  CHECK_THROWS_WITH(parseSpecByKeys("ex pr:f=x", "function"), Catch::Contains("invalid name"));
}

TEST_CASE("text parameters keep their value exactly as written") {
  const std::vector<ParamInfo> table = {textParam("f", "x^2", "a formula")};
  CHECK(defaultValues(table).text("f") == "x^2");
  const ParamValues values = applyArgs(table, defaultValues(table), {{"f", "sin(x)+cos(y)"}}, "t");
  CHECK(values.text("f") == "sin(x)+cos(y)");  // a Spec parameter would become "sin:x)+cos(y"
  CHECK(canonicalSpec("t", table, values) == "t:f=sin(x)+cos(y)");
  CHECK(table[0].kind == ParamKind::Text);
}
