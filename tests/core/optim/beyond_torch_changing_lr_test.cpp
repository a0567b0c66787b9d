// Torch reference cases whose lr changes every step (tests/reference/optimizers.ref), run by
// setting the recorded lr directly instead of through a schedule: this checks how ASGD and
// Rprop read lr (OPTIMIZERS.md §2.5) independently of the schedule library.
#include <catch2/catch.hpp>

#include "core/objectives/objective.h"
#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"
#include "parity_cases.h"
#include "support/reference_data.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

// The largest relative difference to torch over all steps of the case with this id.
double maxDifferenceOnCase(const std::string& id) {
  const auto cases = readParityCases(referencePath("optimizers.ref"));
  const ParityCase* found = nullptr;
  for (const ParityCase& c : cases)
    if (c.id == id) found = &c;
  INFO("case " << id);
  REQUIRE(found != nullptr);
  const ParityCase& c = *found;
  auto optimizer = makeOptimizer(c.optimizer);
  auto objective = makeObjective(c.function);
  Eigen::VectorXd p = c.start, g(p.size());
  optimizer->init(p.size());
  double worst = 0.0;
  for (int k = 1; k <= c.steps; ++k) {
    objective->valueAndGradient(p, g);
    if (c.negateGradient) g = -g;
    optimizer->setLr(c.lr[k - 1]);
    optimizer->step(p, g);
    worst = std::max(worst, maxRelativeError(p, c.points[k - 1]));
  }
  return worst;
}

}  // namespace

TEST_CASE("asgd matches torch under an exponentially decaying lr") {
  const double worst = maxDifferenceOnCase("asgd_exponential/rosenbrock");
  CHECK(worst <= 1e-12);
  if (worst != 0.0) WARN("asgd_exponential is not bitwise: " << worst);
}

TEST_CASE("rprop matches torch under a step-decayed lr that it ignores after step 1") {
  const double worst = maxDifferenceOnCase("rprop_step/rosenbrock");
  CHECK(worst <= 1e-12);
  if (worst != 0.0) WARN("rprop_step is not bitwise: " << worst);
}
