#include "core/nn/csv_dataset.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

Dataset parse(const std::string& text, TaskKind kind = TaskKind::Classification) {
  std::istringstream in(text);
  return parseCsvDataset(in, "data.csv", kind);
}

std::string errorOf(const std::string& text, TaskKind kind = TaskKind::Classification) {
  try {
    parse(text, kind);
  } catch (const SpecError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a CSV file with or without header reads into a dataset") {
  const Dataset a = parse("x1,x2,label\n1.5,-2,0\n0,3e-1,1\n-4, 5 ,2\r\n\n");
  REQUIRE(a.size() == 3);
  CHECK(a.kind == TaskKind::Classification);
  CHECK(a.classes == 3);
  CHECK(a.points(0, 0) == 1.5);
  CHECK(a.points(1, 1) == 0.3);
  CHECK(a.points(1, 2) == 5.0);
  CHECK(a.targets[2] == 2.0);
  CHECK(parse("1.5,-2,0\n0,3e-1,1\n-4,5,2\n") == a);

  // Playground's -1/1 labels are classes 0/1.
  const Dataset playground = parse("1,1,1\n2,2,-1\n3,3,-1\n");
  CHECK(playground.classes == 2);
  CHECK(playground.targets == Eigen::Vector3d(1.0, 0.0, 0.0));

  const Dataset regression = parse("x1,x2,label\n1,2,0.25\n3,4,-7.5\n", TaskKind::Regression);
  CHECK(regression.kind == TaskKind::Regression);
  CHECK(regression.classes == 0);
  CHECK(regression.targets[1] == -7.5);
}

TEST_CASE("a bad CSV file names the line and the problem") {
  struct Case {
    const char* text;
    TaskKind kind;
    const char* expected;
  };
  const auto C = TaskKind::Classification;
  const auto R = TaskKind::Regression;
  const Case cases[] = {
      {"x1,x2,label\n1,2,0\n3,4\n", C, "data.csv line 3: 2 columns; expected 3"},
      {"1,2,0,9\n", C, "data.csv line 1: 4 columns"},
      {"x1,x2\n1,2,0\n", C, "data.csv line 1: the header has 2 columns"},
      {"1,2,0\n1,abc,1\n", C, "data.csv line 2: x2 'abc' is not a number"},
      {"1,2,0\n1,,1\n", C, "data.csv line 2: x2 '' is not a number"},
      {"1,2,0\n\n\ninf,2,1\n", C, "data.csv line 4: x1 'inf' is not finite"},
      {"1,2,0\n1,2,nan\n", R, "data.csv line 2: label 'nan' is not finite"},
      {"1,2,0\n1,2,0.5\n", C, "data.csv line 2: label '0.5' is not an integer class"},
      {"1,2,0\n1,2,16\n", C, "data.csv line 2: label '16' is not an integer class"},
      {"1,2,0\n1,2,-2\n", C, "data.csv line 2: label '-2'"},
      {"1,2,0\n1,2,1\n1,2,-1\n", C, "data.csv line 3: label -1 mixed with label 0"},
      {"1,2,-1\n1,2,1\n1,2,2\n", C, "data.csv line 3: label '2' mixed with label -1 (line 1)"},
      {"", C, "data.csv: no data rows"},
      {"x1,x2,label\n\n", C, "data.csv: no data rows"},
      {"1,2,1\n3,4,1\n", C, "data.csv: classification needs at least two classes"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THAT(errorOf(c.text, c.kind), Catch::StartsWith(c.expected));
  }
}

TEST_CASE("a missing CSV file is a SpecError naming the path") {
  CHECK_THROWS_WITH(readCsvDataset("/nonexistent/points.csv", TaskKind::Classification),
                    Catch::Contains("/nonexistent/points.csv"));
}
