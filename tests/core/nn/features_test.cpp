#include "core/nn/features.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace optiscope;

TEST_CASE("features parse by name in the order written") {
  const auto all = parseFeatures("x1,x2,x1sq,x2sq,x1x2,sin_x1,sin_x2");
  REQUIRE(all.size() == 7);
  CHECK(featureListText(all) == "x1,x2,x1sq,x2sq,x1x2,sin_x1,sin_x2");
  CHECK(parseFeatures("sin_x2,x1") == std::vector<Feature>{Feature::SinX2, Feature::X1});
  CHECK_THROWS_WITH(parseFeatures("x1,x3"), Catch::Contains("unknown feature 'x3'"));
  CHECK_THROWS_WITH(parseFeatures("x1,x1"), Catch::Contains("twice"));
  CHECK_THROWS_WITH(parseFeatures(""), Catch::Contains("empty"));
  CHECK_THROWS_WITH(parseFeatures("x1,"), Catch::Contains("unknown feature ''"));
}

TEST_CASE("feature values are x1 and x2 with their squares product and sines") {
  Eigen::Matrix2Xd points(2, 2);
  points << 0.5, -2.0, 3.0, 0.25;
  const Eigen::MatrixXd f =
      featureMatrix(points, parseFeatures("x1,x2,x1sq,x2sq,x1x2,sin_x1,sin_x2"));
  REQUIRE(f.rows() == 7);
  REQUIRE(f.cols() == 2);
  CHECK(f(0, 1) == -2.0);
  CHECK(f(1, 0) == 3.0);
  CHECK(f(2, 1) == 4.0);
  CHECK(f(3, 0) == 9.0);
  CHECK(f(4, 1) == -0.5);
  CHECK(f(5, 0) == std::sin(0.5));
  CHECK(f(6, 1) == std::sin(0.25));
}
