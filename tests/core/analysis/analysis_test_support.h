#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/run_summary.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run.h"

namespace optiscope::testing {

// Bit for bit, except that any NaN equals any NaN (IEEE 754 leaves a NaN's sign to the
// order of operands, which two compiled copies of one formula may choose differently).
inline bool sameBits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// A run stepped the way `optiscope-cli run` steps it, its rows summarized the way race's
// summary.csv summarizes them, written out here independently of RunSummary.
struct ReferenceRun {
  double finalLoss, bestLoss, finalX, finalY;
  long long stepsToTolerance = -1, divergedAt = -1;
};

inline ReferenceRun referenceRun(const RunConfig& config, long long steps) {
  Run run(config);
  const double minimum = objectiveProblemOf(&run.problem())->objective().minimumValue();
  ReferenceRun r{run.loss(), run.loss(), 0.0, 0.0};
  if (!(r.bestLoss < INFINITY)) r.bestLoss = INFINITY;
  if (std::abs(run.loss() - minimum) <= 1e-6) r.stepsToTolerance = 0;
  while (run.step() < steps && !run.diverged()) {
    run.advance();
    r.finalLoss = run.loss();
    if (run.loss() < r.bestLoss) r.bestLoss = run.loss();
    if (r.stepsToTolerance < 0 && std::abs(run.loss() - minimum) <= 1e-6)
      r.stepsToTolerance = run.step();
  }
  if (run.diverged()) r.divergedAt = run.step();
  r.finalX = run.params()[0];
  r.finalY = run.params().size() > 1 ? run.params()[1] : 0.0;
  return r;
}

inline bool sameSummary(const RunSummary& s, const ReferenceRun& r) {
  return sameBits(s.finalLoss, r.finalLoss) && sameBits(s.bestLoss, r.bestLoss) &&
         s.stepsToTolerance == r.stepsToTolerance && s.divergedAt == r.divergedAt;
}

// Every optimizer of the catalog, most with options switched on: the cases of the batching
// and sweep tests. catalogCoverage() checks that no catalog entry is missing.
inline const std::vector<std::string>& optimizerCases() {
  static const std::vector<std::string> cases = {
      "sgd:lr=0.002",
      "sgd:lr=0.001,momentum=0.9,nesterov=true",
      "sgd:lr=0.001,momentum=0.8,dampening=0.3,weight_decay=0.1",
      "adagrad:lr=0.3,lr_decay=0.01,initial_accumulator_value=0.1",
      "rmsprop:lr=0.01,momentum=0.5,centered=true",
      "adadelta:lr=1,rho=0.9",
      "adam:lr=0.05",
      "adam:lr=0.05,amsgrad=true,weight_decay=0.01",
      "adamw:lr=0.05,weight_decay=0.1",
      "adamax:lr=0.05",
      "nadam:lr=0.05,momentum_decay=0.01",
      "nadam:lr=0.05,fixed=true",
      "radam:lr=0.01",
      "asgd:lr=0.001,t0=10",
      "rprop:lr=0.01",
      "lion:lr=0.01",
      "adabelief:lr=0.05",
      "yogi:lr=0.05",
      "adabound:lr=0.05",
      "chain:blocks=[trace(decay=0.9),scale_by_rms(decay=0.9),scale_by_learning_rate(lr=0.01)]",
  };
  return cases;
}

}  // namespace optiscope::testing
