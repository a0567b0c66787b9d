// Minima of typed surfaces are found numerically: they must be the known minima of formulas
// whose minima the literature gives, have a vanishing gradient, and be flagged as numerical.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>
#include <vector>

#include "core/objectives/objective.h"
#include "core/objectives/objective_test_support.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

// Every expected point is found (to 1e-8) and nothing else is reported.
void checkMinima(const Objective& f, const std::vector<Eigen::VectorXd>& expected, double value) {
  const std::vector<Minimum> minima = f.globalMinima();
  CHECK(minima.size() == expected.size());
  for (const Eigen::VectorXd& point : expected) {
    INFO("expected minimum at " << point.transpose());
    const bool found = std::any_of(minima.begin(), minima.end(), [&](const Minimum& m) {
      return (m.point - point).lpNorm<Eigen::Infinity>() < 1e-8;
    });
    CHECK(found);
  }
  for (const Minimum& m : minima) {
    INFO("reported minimum at " << m.point.transpose());
    CHECK(m.value == Approx(value).margin(1e-12));
    CHECK(m.value == f.value(m.point));
    CHECK(gradientAt(f, m.point).lpNorm<Eigen::Infinity>() < 1e-8);
  }
}

}  // namespace

TEST_CASE("typed surfaces say their minima are numerical; built-in ones do not") {
  CHECK(makeObjective("expr:f=x^2+y^2")->minimaAreNumerical());
  CHECK_FALSE(makeObjective("rosenbrock")->minimaAreNumerical());
}

TEST_CASE("the typed Rosenbrock and Himmelblau have the literature's minima") {
  checkMinima(*makeObjective("expr:f=(1-x)^2+100*(y-x^2)^2"), {Eigen::Vector2d(1.0, 1.0)}, 0.0);
  const auto himmelblau =
      makeObjective("expr:f=(x^2+y-11)^2+(x+y^2-7)^2,xmin=-5,xmax=5,ymin=-5,ymax=5");
  checkMinima(*himmelblau,
              {Eigen::Vector2d(3.0, 2.0), Eigen::Vector2d(-2.805118086952745, 3.131312518250573),
               Eigen::Vector2d(-3.779310253377747, -3.283185991286170),
               Eigen::Vector2d(3.584428340330492, -1.848126526964404)},
              0.0);
}

TEST_CASE("numerical minima: shifted bowls, a minimum outside the view, several dimensions") {
  checkMinima(*makeObjective("expr:f=(x-0.3)^2+10*(y+0.7)^2+5"), {Eigen::Vector2d(0.3, -0.7)}, 5.0);
  // Outside [-2, 2]² but within the widened search region.
  checkMinima(*makeObjective("expr:f=(x-3)^2+y^2"), {Eigen::Vector2d(3.0, 0.0)}, 0.0);
  // Only the global one of two local minima (f = -1 at x = -1 vs f ≈ -0.5 at x ≈ 1).
  const auto tilted = makeObjective("expr:f=(x^2-1)^2-0.25*(1-x)+y^2");
  const auto minima = tilted->globalMinima();
  REQUIRE(minima.size() == 1);
  CHECK(minima.front().point[0] < 0.0);
  Eigen::VectorXd ones = Eigen::VectorXd::Ones(4);
  checkMinima(*makeObjective("expr:f=(x1-1)^2+(x2-1)^2+(x3-1)^2+(x4-1)^2"), {ones}, 0.0);
}

TEST_CASE("surfaces without a minimum near the view report none") {
  CHECK(makeObjective("expr:f=x+y")->globalMinima().empty());
  CHECK(makeObjective("expr:f=-x^2-y^2")->globalMinima().empty());
  CHECK(std::isnan(makeObjective("expr:f=x+y")->minimumValue()));
  CHECK(makeObjective("expr:f=x^2-y^2")->globalMinima().empty());  // a saddle only
}

TEST_CASE("a valley floor of equal minima is reported as bounded samples") {
  const auto valley = makeObjective("expr:f=(x-y)^2");
  const auto minima = valley->globalMinima();
  CHECK(minima.size() >= 2);
  CHECK(minima.size() <= 25);
  for (const Minimum& m : minima) CHECK(std::abs(m.point[0] - m.point[1]) < 1e-8);
}

TEST_CASE("minima are searched once and shared by clones and threads") {
  // Several threads ask the same objective (and a clone) at once: one search, one answer.
  const auto f = makeObjective("expr:f=(x^2+y-11)^2+(x+y^2-7)^2,xmin=-5,xmax=5,ymin=-5,ymax=5");
  const auto copy = f->clone();
  std::vector<std::vector<Minimum>> answers(4);
  std::vector<Eigen::VectorXd> rows(4, Eigen::VectorXd(300));
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        const Objective& target = t % 2 == 0 ? *f : *copy;
        answers[static_cast<size_t>(t)] = target.globalMinima();
        target.values(Eigen::VectorXd::LinSpaced(300, -5.0, 5.0), 0.5 * t, rows[t]);
      });
  }
  for (const auto& answer : answers) {
    REQUIRE(answer.size() == 4);
    for (size_t k = 0; k < 4; ++k) CHECK(answer[k].point == answers[0][k].point);
  }
  for (int t = 0; t < 4; ++t)
    CHECK(rows[static_cast<size_t>(t)][10] ==
          f->value(Eigen::Vector2d(Eigen::VectorXd::LinSpaced(300, -5.0, 5.0)[10], 0.5 * t)));
}
