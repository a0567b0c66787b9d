#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/analysis/run_summary.h"
#include "core/analysis/sweep_problem.h"
#include "core/analysis/thread_pool.h"
#include "core/optim/registry.h"

namespace optiscope {

// A second hyperparameter swept against the learning rate (lr × beta1, lr × momentum): a
// heatmap instead of a curve. `name` is a real-valued hyperparameter of every optimizer.
struct SweepAxis {
  std::string name;
  std::vector<double> values;
};

// Every optimizer × learning rate (× second-axis value) × seed 0..seeds-1. Each optimizer's own
// lr (and second-axis value) is replaced; its other hyperparameters stay.
struct SweepPlan {
  std::vector<OptimizerConfig> optimizers;
  std::vector<double> learningRates;
  std::optional<SweepAxis> second;
  int seeds = 1;
};

// n values from lo to hi, equally spaced in log(lr), with lo and hi themselves exactly at the
// ends. Throws SpecError unless 0 < lo < hi (both finite) and n >= 2.
std::vector<double> logSpaced(double lo, double hi, int n);

// One run of a sweep. Indices point into the plan; secondValue is NaN without a second axis.
struct SweepPoint {
  std::size_t optimizer = 0;
  std::size_t lrIndex = 0;
  std::size_t secondIndex = 0;
  std::uint64_t seed = 0;
  double lr = 0.0;
  double secondValue = 0.0;
};

struct SweepRow {
  SweepPoint point;
  RunSummary summary;
};

// What a sweep produced. `complete` is false when it was stopped: `rows` then holds only the
// runs that finished and must not be presented as the whole sweep.
struct SweepResult {
  std::vector<SweepRow> rows;  // in point order (optimizer, lr, second value, seed)
  std::size_t total = 0;       // points in the plan
  bool complete = false;
};

// A validated plan over a problem. Construction builds the configuration of every point
// (throws SpecError naming the problem: no optimizer, no learning rate, a bad lr or
// second-axis value, an optimizer without that hyperparameter, seeds < 1, or a configuration
// the problem rejects), so run() never fails on bad input.
class Sweep {
 public:
  Sweep(SweepPlan plan, std::shared_ptr<const SweepProblem> problem);

  const SweepPlan& plan() const { return m_plan; }
  const SweepProblem& problem() const { return *m_problem; }
  std::size_t size() const;
  SweepPoint point(std::size_t index) const;
  // The configuration point(index) runs: its optimizer with lr and second value set.
  const OptimizerConfig& config(const SweepPoint& point) const;

  // Runs every point on `pool` (one run per task). `onRow`, if given, receives each row as
  // soon as its run finished, from the pool's threads and possibly concurrently (a
  // ResultQueue is one thread-safe receiver a GUI can poll); the number received so far is the
  // progress. A stop request ends the sweep within a few milliseconds: no new run starts, runs
  // in progress return unfinished and deliver nothing, and the result says incomplete.
  SweepResult run(ThreadPool& pool, std::stop_token stop = {},
                  const std::function<void(const SweepRow&)>& onRow = {}) const;

 private:
  std::size_t secondCount() const;

  SweepPlan m_plan;
  std::shared_ptr<const SweepProblem> m_problem;
  // [optimizer][lr][second]: built once, read by every task.
  std::vector<OptimizerConfig> m_configs;
};

}  // namespace optiscope
