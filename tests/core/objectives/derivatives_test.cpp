// Exact derivatives of every catalog function, checked against finite differences at seeded
// random points of its view box. Iterating the catalog covers functions added later.
#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/objectives/objective.h"
#include "objective_test_support.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {
constexpr int kPoints = 50;
constexpr unsigned long long kSeed = 20240611;
}  // namespace

TEST_CASE("gradients agree with central finite differences at 50 random points") {
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    double worst = 0.0;
    for (const Eigen::VectorXd& x : randomPointsIn(f.viewBox(), kPoints, kSeed)) {
      const double difference =
          scaledMaxDifference(gradientAt(f, x), finiteDifferenceGradient(f, x));
      worst = std::max(worst, difference);
      INFO(c.spec << " at " << x.transpose());
      REQUIRE(difference < 1e-6);
    }
    INFO(c.spec << ": worst scaled difference " << worst);
    CHECK(worst < 1e-6);
  }
}

TEST_CASE("Hessians agree with finite differences of the gradient and are symmetric") {
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    for (const Eigen::VectorXd& x : randomPointsIn(f.viewBox(), kPoints, kSeed + 1)) {
      const Eigen::MatrixXd h = f.hessian(x);
      INFO(c.spec << " at " << x.transpose());
      REQUIRE(h.rows() == f.dim());
      REQUIRE(h.cols() == f.dim());
      CHECK(scaledMaxDifference(h, finiteDifferenceHessian(f, x)) < 1e-6);
      CHECK(scaledMaxDifference(h, h.transpose()) < 1e-12);
    }
  }
}

TEST_CASE("valueAndGradient returns exactly value()") {
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    Eigen::VectorXd g(f.dim());
    for (const Eigen::VectorXd& x : randomPointsIn(f.viewBox(), kPoints, kSeed + 2)) {
      INFO(c.spec << " at " << x.transpose());
      CHECK(f.valueAndGradient(x, g) == f.value(x));
    }
  }
}

TEST_CASE("valueAndGradient writes into a block of a larger vector") {
  // Optimizers may hand in a segment of a flat parameter vector: Ref must not copy.
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    const Eigen::VectorXd x = randomPointsIn(f.viewBox(), 1, kSeed + 3).front();
    Eigen::VectorXd storage = Eigen::VectorXd::Constant(f.dim() + 2, 7.0);
    f.valueAndGradient(x, storage.segment(1, f.dim()));
    INFO(c.spec);
    CHECK(storage[0] == 7.0);
    CHECK(storage[f.dim() + 1] == 7.0);
    CHECK(storage.segment(1, f.dim()) == gradientAt(f, x));
  }
}

TEST_CASE("value and valueAndGradient allocate nothing") {
  if (!HeapAllocationProbe::probeWorks()) {
    // Sanitizer builds own malloc: nothing can be counted there (the normal build checks).
    WARN("malloc is not probed in a sanitizer build");
    return;
  }
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    const Eigen::VectorXd x = randomPointsIn(f.viewBox(), 1, kSeed + 4).front();
    Eigen::VectorXd g(f.dim());
    double sink = 0.0;
    std::size_t allocations = 0;
    {
      Eigen::internal::set_is_malloc_allowed(false);
      HeapAllocationProbe probe;
      sink += f.valueAndGradient(x, g);
      sink += f.value(x);
      allocations = probe.allocations();
      Eigen::internal::set_is_malloc_allowed(true);
    }
    INFO(c.spec);
    CHECK(allocations == 0);
    CHECK(std::isfinite(sink));
  }
}

TEST_CASE("the probe does see an Eigen allocation") {
  // Guards the test above against a probe that silently counts nothing.
  if (!HeapAllocationProbe::probeWorks()) {
    // Sanitizer builds own malloc: nothing can be counted there (the normal build checks).
    WARN("malloc is not probed in a sanitizer build");
    return;
  }
  std::size_t allocations = 0;
  {
    HeapAllocationProbe probe;
    Eigen::VectorXd v = Eigen::VectorXd::Ones(100);
    allocations = probe.allocations();
    CHECK(v.sum() == 100.0);
  }
  CHECK(allocations > 0);
}

TEST_CASE("default starts are inside the view box and not stationary") {
  for (const CatalogCase& c : catalogCases()) {
    const Objective& f = *c.objective;
    const Eigen::VectorXd start = f.defaultStart();
    const Box box = f.viewBox();
    INFO(c.spec << " start " << start.transpose());
    REQUIRE(start.size() == f.dim());
    REQUIRE(box.lower.size() == f.dim());
    CHECK((box.lower.array() < box.upper.array()).all());
    CHECK((start.array() > box.lower.array()).all());
    CHECK((start.array() < box.upper.array()).all());
    CHECK(std::isfinite(f.value(start)));
    CHECK(gradientAt(f, start).norm() > 1e-3);
    for (const Minimum& m : f.globalMinima()) CHECK((start - m.point).norm() > 0.5);
  }
}

TEST_CASE("clone is an independent copy with the same numbers") {
  for (const CatalogCase& c : catalogCases()) {
    const auto copy = c.objective->clone();
    const Eigen::VectorXd x = randomPointsIn(c.objective->viewBox(), 1, kSeed + 5).front();
    INFO(c.spec);
    CHECK(copy->name() == c.objective->name());
    CHECK(copy->dim() == c.objective->dim());
    CHECK(copy->value(x) == c.objective->value(x));
    CHECK(gradientAt(*copy, x) == gradientAt(*c.objective, x));
  }
}
