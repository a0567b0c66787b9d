#pragma once

#include <cstdint>
#include <optional>
#include <stop_token>
#include <vector>

#include "core/analysis/run_summary.h"
#include "core/optim/registry.h"

namespace optiscope {

// What a sweep or a fair race needs of a problem: "make a run for (optimizer, seed) and run
// it to the end". A 2-D function with gradient noise is one implementation
// (FunctionProblem); a network task (train E epochs, report the test loss) is meant to be
// another, added without touching the sweep, the learning-rate window or the fair race.
// Every method is const and called from several threads at once.
class SweepProblem {
 public:
  virtual ~SweepProblem() = default;

  // Throws SpecError if `optimizer` cannot run on this problem (e.g. a schedule that needs a
  // momentum the optimizer lacks), so that a sweep rejects a bad plan before it starts.
  virtual void check(const OptimizerConfig& optimizer) const = 0;

  // Runs `optimizer` (its lr already set) with noise seed `seed` to the end and summarizes
  // it. Returns nullopt if `stop` was requested before the end: an unfinished run is never
  // summarized. The run polls `stop` often enough to return within a few milliseconds.
  // `lossCurve`, if given, receives the loss of every row in order (row 0 = the start); a
  // diverged run's curve ends with its first non-finite row.
  virtual std::optional<RunSummary> run(const OptimizerConfig& optimizer, std::uint64_t seed,
                                        std::stop_token stop,
                                        std::vector<double>* lossCurve = nullptr) const = 0;

  // Rows of a complete run that did not diverge, minus one (steps for a function).
  virtual long long length() const = 0;

  // The loss of a perfect run (a function's global minimum value, 0 for a network's loss),
  // NaN when unknown: the learning-rate window measures losses above it.
  virtual double referenceValue() const = 0;
};

}  // namespace optiscope
