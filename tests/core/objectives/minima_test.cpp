// Every listed global minimum: its value, a vanishing gradient, a local minimum in fact, and
// agreement with the minima published in the literature (to the digits published there).
#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numbers>
#include <random>

#include "core/objectives/objective.h"
#include "objective_test_support.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

struct PublishedMinimum {
  std::vector<double> point;  // one value repeated in every coordinate for N-d functions
  double pointTolerance;      // one unit in the last published digit (some sources truncate)
  double valuePerCoordinate;  // N-d: the value is this times dim
  double valueTolerance;
};

// Global minima as published by Surjanovic & Bingham (sfu.ca/~ssurjano) or, where marked,
// Wikipedia's "Test functions for optimization"; the tolerances are one unit in the last
// published digit, since the sources truncate as often as they round.
const std::map<std::string, std::vector<PublishedMinimum>>& published() {
  constexpr double pi = std::numbers::pi;
  static const std::map<std::string, std::vector<PublishedMinimum>> table = {
      {"sphere", {{{0.0}, 0.0, 0.0, 0.0}}},
      {"quadratic", {{{0.0, 0.0}, 0.0, 0.0, 0.0}}},  // 0.5 x'Ax with A positive definite
      {"saddle", {}},                                // x^2 - y^2 is unbounded below
      {"rosenbrock", {{{1.0}, 0.0, 0.0, 0.0}}},
      {"beale", {{{3.0, 0.5}, 0.0, 0.0, 0.0}}},
      {"booth", {{{1.0, 3.0}, 0.0, 0.0, 0.0}}},
      // Wikipedia: six decimals.
      {"himmelblau",
       {{{3.0, 2.0}, 0.0, 0.0, 0.0},
        {{-2.805118, 3.131312}, 1e-6, 0.0, 0.0},
        {{-3.779310, -3.283186}, 1e-6, 0.0, 0.0},
        {{3.584428, -1.848126}, 1e-6, 0.0, 0.0}}},
      {"rastrigin", {{{0.0}, 0.0, 0.0, 0.0}}},
      {"ackley", {{{0.0, 0.0}, 0.0, 0.0, 0.0}}},
      {"goldstein_price", {{{0.0, -1.0}, 0.0, 3.0, 0.0}}},
      {"matyas", {{{0.0, 0.0}, 0.0, 0.0, 0.0}}},
      {"levy13", {{{1.0, 1.0}, 0.0, 0.0, 0.0}}},
      {"three_hump_camel", {{{0.0, 0.0}, 0.0, 0.0, 0.0}}},
      {"six_hump_camel",
       {{{0.0898, -0.7126}, 1e-4, -1.0316, 1e-4}, {{-0.0898, 0.7126}, 1e-4, -1.0316, 1e-4}}},
      // Wikipedia: -39.16617 d < f < -39.16616 d at x_i = -2.903534.
      {"styblinski_tang", {{{-2.903534}, 1e-6, -39.166165, 5e-6}}},
      {"mccormick", {{{-0.54719, -1.54719}, 1e-5, -1.9133, 1e-4}}},
      {"easom", {{{pi, pi}, 0.0, -1.0, 0.0}}},
  };
  return table;
}

Eigen::VectorXd publishedPoint(const PublishedMinimum& m, Eigen::Index dim) {
  if (m.point.size() == 1) return Eigen::VectorXd::Constant(dim, m.point[0]);
  return Eigen::Map<const Eigen::VectorXd>(m.point.data(),
                                           static_cast<Eigen::Index>(m.point.size()));
}

}  // namespace

TEST_CASE("every catalog function's minima match the published ones") {
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    INFO(c.spec);
    const auto entry = published().find(std::string(f.name()));
    REQUIRE(entry != published().end());  // a new function needs its literature minima here
    const auto minima = f.globalMinima();
    REQUIRE(minima.size() == entry->second.size());
    for (const PublishedMinimum& expected : entry->second) {
      const Eigen::VectorXd point = publishedPoint(expected, f.dim());
      const double perCoordinate = expected.point.size() == 1 ? static_cast<double>(f.dim()) : 1.0;
      const double value = expected.valuePerCoordinate * perCoordinate;
      int matches = 0;
      for (const Minimum& m : minima) {
        if ((m.point - point).cwiseAbs().maxCoeff() > expected.pointTolerance + 1e-15) continue;
        ++matches;
        CHECK(std::abs(m.value - value) <= expected.valueTolerance * perCoordinate + 1e-15);
      }
      INFO("published minimum at " << point.transpose());
      CHECK(matches == 1);
    }
  }
}

TEST_CASE("each listed minimum has its listed value and a vanishing gradient") {
  // Values to 1e-9 relative (absolute below 1); the listed values carry up to 17 digits.
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    for (const Minimum& m : f.globalMinima()) {
      INFO(c.spec << " minimum at " << m.point.transpose());
      REQUIRE(m.point.size() == f.dim());
      CHECK(std::abs(f.value(m.point) - m.value) <= 1e-9 * std::max(1.0, std::abs(m.value)));
      CHECK(gradientAt(f, m.point).cwiseAbs().maxCoeff() < 1e-9);
      CHECK(f.minimumValue() == m.value);
    }
  }
}

TEST_CASE("each listed minimum is a local minimum") {
  std::mt19937_64 bits(7);
  std::normal_distribution<double> normal;
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    for (const Minimum& m : f.globalMinima()) {
      const double atMinimum = f.value(m.point);
      const double slack = 1e-13 * std::max(1.0, std::abs(atMinimum));
      INFO(c.spec << " minimum at " << m.point.transpose());
      for (double radius : {1e-2, 1e-4}) {
        for (int k = 0; k < 100; ++k) {
          Eigen::VectorXd direction(f.dim());
          for (Eigen::Index i = 0; i < f.dim(); ++i) direction[i] = normal(bits);
          const Eigen::VectorXd nearby = m.point + radius * direction.normalized();
          REQUIRE(f.value(nearby) >= atMinimum - slack);
        }
      }
      const Eigen::VectorXd curvatures =
          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(f.hessian(m.point)).eigenvalues();
      CHECK(curvatures.minCoeff() > 0.0);
    }
  }
}

TEST_CASE("the saddle has no minimum, and says so") {
  const auto saddle = makeObjective("saddle");
  CHECK(saddle->globalMinima().empty());
  CHECK(std::isnan(saddle->minimumValue()));
  const Eigen::VectorXd origin = Eigen::VectorXd::Zero(2);
  const Eigen::VectorXd curvatures =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(saddle->hessian(origin)).eigenvalues();
  CHECK(curvatures[0] == Approx(-2.0));
  CHECK(curvatures[1] == Approx(2.0));
}
