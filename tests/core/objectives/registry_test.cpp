#include <Eigen/Geometry>
#include <catch2/catch.hpp>
#include <set>

#include "core/objectives/objective.h"
#include "core/util/spec_error.h"

using namespace optiscope;

TEST_CASE("the catalog has every required function once, each creatable by name") {
  const std::set<std::string> required = {
      "sphere",    "quadratic",  "saddle",           "rosenbrock",     "beale",
      "booth",     "himmelblau", "rastrigin",        "ackley",         "goldstein_price",
      "matyas",    "levy13",     "three_hump_camel", "six_hump_camel", "styblinski_tang",
      "mccormick", "easom"};
  std::set<std::string> names;
  for (const ObjectiveInfo& info : objectiveCatalog()) {
    INFO(info.name);
    CHECK(names.insert(info.name).second);
    CHECK(!info.summary.empty());
    bool hasDim = false;
    for (const ParamInfo& p : info.params) hasDim = hasDim || p.name == "dim";
    CHECK(info.anyDimension == hasDim);
    const auto f = makeObjective(info.name);
    CHECK(f->name() == info.name);
    CHECK(f->dim() == 2);
  }
  CHECK(names == required);
}

TEST_CASE("N-d functions take a dim parameter") {
  const ObjectiveConfig config = parseObjectiveSpec("rosenbrock:dim=10");
  CHECK(config.name == "rosenbrock");
  CHECK(config.values.integer("dim") == 10);
  CHECK(config.spec() == "rosenbrock:dim=10");
  CHECK(makeObjective(config)->dim() == 10);
  CHECK(parseObjectiveSpec("rosenbrock").spec() == "rosenbrock:dim=2");
  for (const char* name : {"sphere", "rastrigin", "styblinski_tang"}) {
    INFO(name);
    CHECK(makeObjective(std::string(name) + ":dim=1")->dim() == 1);
    CHECK(makeObjective(std::string(name) + ":dim=7")->globalMinima().front().point.size() == 7);
  }
}

TEST_CASE("quadratic:condition=100,angle=30 is R(30°) diag(1, 100) R(30°)ᵀ") {
  const ObjectiveConfig config = parseObjectiveSpec("quadratic:condition=100,angle=30");
  CHECK(config.values.real("condition") == 100.0);
  CHECK(config.values.real("angle") == 30.0);
  CHECK(config.spec() == "quadratic:condition=100,angle=30");

  const Eigen::Matrix2d rotation = Eigen::Rotation2Dd(EIGEN_PI / 6.0).toRotationMatrix();
  const Eigen::Matrix2d expected =
      rotation * Eigen::Vector2d(1.0, 100.0).asDiagonal() * rotation.transpose();
  const auto f = makeObjective(config);
  const Eigen::Vector2d anywhere(0.4, -1.7);
  CHECK((f->hessian(anywhere) - expected).cwiseAbs().maxCoeff() < 1e-12);
  // The steep axis is the y axis turned by 30°: f = ½·100·t² along it.
  const Eigen::Vector2d steep = rotation.col(1);
  CHECK(f->value(2.0 * steep) == Approx(200.0).epsilon(1e-14));
  CHECK(f->value(2.0 * rotation.col(0)) == Approx(2.0).epsilon(1e-14));
}

TEST_CASE("quadratic defaults to condition 10, axis-aligned") {
  const auto f = makeObjective("quadratic");
  const Eigen::MatrixXd h = f->hessian(Eigen::Vector2d(1.0, 1.0));
  CHECK(h(0, 0) == Approx(1.0));
  CHECK(h(1, 1) == Approx(10.0));
  CHECK(std::abs(h(0, 1)) < 1e-15);
}

TEST_CASE("bad function specs throw SpecError naming the bad piece") {
  CHECK_THROWS_AS(parseObjectiveSpec("nosuch"), SpecError);
  CHECK_THROWS_WITH(parseObjectiveSpec("nosuch"),
                    Catch::Contains("unknown function 'nosuch'") && Catch::Contains("rosenbrock"));
  CHECK_THROWS_WITH(parseObjectiveSpec("rosenbrock:dim=0"), Catch::Contains("rosenbrock: dim") &&
                                                                Catch::Contains("[2, ") &&
                                                                Catch::Contains("got 0"));
  CHECK_THROWS_WITH(parseObjectiveSpec("rosenbrock:dim=1"), Catch::Contains("dim"));
  CHECK_THROWS_WITH(parseObjectiveSpec("sphere:dim=0"), Catch::Contains("sphere: dim") &&
                                                            Catch::Contains("[1, ") &&
                                                            Catch::Contains("got 0"));
  CHECK_THROWS_WITH(parseObjectiveSpec("sphere:dim=2.5"), Catch::Contains("'2.5'"));
  CHECK_THROWS_WITH(parseObjectiveSpec("quadratic:condition=0.5"),
                    Catch::Contains("condition") && Catch::Contains("0.5"));
  CHECK_THROWS_WITH(parseObjectiveSpec("quadratic:angle=abc"),
                    Catch::Contains("angle") && Catch::Contains("'abc'"));
  CHECK_THROWS_WITH(parseObjectiveSpec("beale:dim=3"), Catch::Contains("unknown key 'dim'"));
  CHECK_THROWS_AS(makeObjective("himmelblau:"), SpecError);
}
