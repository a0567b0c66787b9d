// Sweep curves and the good learning-rate window, on a problem whose runs end with a known
// loss for each lr and seed, so every expected number can be worked out by hand.
#include "core/analysis/lr_window.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "core/analysis/seed_statistics.h"

using namespace optiscope;

namespace {

// Final loss above f* = 1 is 10^|log10(lr) + 2| - 1 + 0.001·seed: best at lr = 1e-2 (0 for
// seed 0), growing tenfold per decade away from it. lr >= 10 diverges; a run reaches the
// tolerance when its loss above f* is within 1e-6.
class KnownProblem final : public SweepProblem {
 public:
  void check(const OptimizerConfig&) const override {}
  std::optional<RunSummary> run(const OptimizerConfig& optimizer, std::uint64_t seed,
                                std::stop_token, std::vector<double>*) const override {
    const double lr = optimizer.values.real("lr");
    RunSummary s;
    if (lr >= 10.0) {
      s.finalLoss = std::nan("");
      s.bestLoss = 5.0;
      s.divergedAt = 7;
      return s;
    }
    const double above = std::pow(10.0, std::abs(std::log10(lr) + 2.0)) - 1.0 + 0.001 * seed;
    s.finalLoss = 1.0 + above;
    s.bestLoss = s.finalLoss;
    s.stepsToTolerance = above <= 1e-6 ? 40 + static_cast<long long>(seed) : -1;
    return s;
  }
  long long length() const override { return 100; }
  double referenceValue() const override { return 1.0; }
};

Sweep knownSweep(int seeds) {
  SweepPlan plan{{parseOptimizerSpec("sgd:lr=0.1")},
                 logSpaced(1e-5, 100.0, 8),  // one decade apart: 1e-5 ... 1e2
                 std::nullopt,
                 seeds};
  return Sweep(plan, std::make_shared<KnownProblem>());
}

}  // namespace

TEST_CASE("seed statistics: quantiles interpolate, non-finite samples count as +inf") {
  const SeedStatistics s = seedStatistics({5.0, 1.0, 3.0, 2.0, 4.0});
  CHECK(s.count == 5);
  CHECK(s.min == 1.0);
  CHECK(s.max == 5.0);
  CHECK(s.median == 3.0);
  CHECK(s.q25 == 2.0);
  CHECK(s.q75 == 4.0);
  CHECK(s.q10 == Approx(1.4));
  CHECK(s.q90 == Approx(4.6));
  const SeedStatistics withNan = seedStatistics({1.0, std::nan(""), 2.0, 3.0});
  CHECK(std::isinf(withNan.max));
  CHECK(withNan.median == 2.5);
  CHECK(std::isinf(withNan.q90));
  CHECK(seedStatistics({-INFINITY, 1.0}).min == -INFINITY);
  CHECK_THROWS_AS(seedStatistics({}), std::invalid_argument);
  CHECK_THROWS_AS(sortedQuantile({1.0}, 1.5), std::invalid_argument);
}

TEST_CASE("a sweep curve holds the spread over seeds for each learning rate") {
  const Sweep sweep = knownSweep(3);
  ThreadPool pool(2);
  const SweepResult result = sweep.run(pool);
  const auto curve = sweepCurve(sweep, result, 0, 0, SweepMetric::FinalLoss);
  REQUIRE(curve.size() == 8);
  CHECK(curve[3].lr == 1e-2);
  CHECK(curve[3].stats.min == 1.0);
  CHECK(curve[3].stats.max == Approx(1.002));
  CHECK(curve[3].stats.median == Approx(1.001));
  CHECK(curve[3].reached == 1);
  CHECK(curve[2].stats.median == Approx(10.001));
  CHECK(curve[7].diverged == 3);
  CHECK(std::isinf(curve[7].stats.median));
  const auto steps = sweepCurve(sweep, result, 0, 0, SweepMetric::StepsToTolerance);
  CHECK(steps[3].stats.min == 40.0);
  CHECK(std::isinf(steps[3].stats.median));
  const auto best = sweepCurve(sweep, result, 0, 0, SweepMetric::BestLoss);
  CHECK(best[7].stats.median == 5.0);
}

TEST_CASE("the good window is the contiguous lr range within a factor of the best") {
  const Sweep sweep = knownSweep(1);
  ThreadPool pool(1);
  const SweepResult result = sweep.run(pool);
  // Seed 0: above f* = 0 at 1e-2, 9 one decade away, 99 two decades away. The best is 0, so
  // "within a factor" means within the tolerance: only 1e-2.
  LrWindow w = goodLrWindow(sweep, result, 0, 0, {WindowCriterion::Kind::WithinFactorOfBest, 10});
  REQUIRE(w.found);
  CHECK(w.bestLr == 1e-2);
  CHECK(w.bestMedian == 0.0);
  CHECK(w.low == 1e-2);
  CHECK(w.high == 1e-2);
  CHECK(w.decades == 0.0);
  CHECK(w.goodCount == 1);

  // Three seeds: medians above f* are 0.001 at 1e-2 and 9.001 a decade away; factor 10^4
  // keeps 1e-3..1e-1 (9.001 <= 10), factor 10^5 also 1e-4 and 1 (99.001 <= 100).
  const Sweep three = knownSweep(3);
  const SweepResult r3 = three.run(pool);
  w = goodLrWindow(three, r3, 0, 0, {WindowCriterion::Kind::WithinFactorOfBest, 1e4});
  CHECK(w.low == 1e-3);
  CHECK(w.high == Approx(1e-1).epsilon(1e-15));
  CHECK(w.decades == Approx(2.0));
  CHECK(w.bestMedian == Approx(0.001));
  w = goodLrWindow(three, r3, 0, 0, {WindowCriterion::Kind::WithinFactorOfBest, 1e5});
  CHECK(w.low == Approx(1e-4).epsilon(1e-15));
  CHECK(w.high == 1.0);
  CHECK(w.goodCount == 5);
}

TEST_CASE("the tolerance window needs every seed to reach the tolerance") {
  ThreadPool pool(1);
  const Sweep one = knownSweep(1);
  LrWindow w = goodLrWindow(one, one.run(pool), 0, 0, {WindowCriterion::Kind::ReachesTolerance});
  REQUIRE(w.found);
  CHECK(w.low == 1e-2);
  CHECK(w.high == 1e-2);
  const Sweep three = knownSweep(3);  // seeds 1 and 2 end 0.001 and 0.002 above f*
  w = goodLrWindow(three, three.run(pool), 0, 0, {WindowCriterion::Kind::ReachesTolerance});
  CHECK_FALSE(w.found);
  CHECK(w.goodCount == 0);
}

TEST_CASE("a window of an incomplete sweep uses only the finished runs") {
  const Sweep sweep = knownSweep(1);
  ThreadPool pool(1);
  SweepResult result = sweep.run(pool);
  // Drop the run at the best lr: the best is then a decade away, on either side.
  std::erase_if(result.rows, [](const SweepRow& row) { return row.point.lrIndex == 3; });
  result.complete = false;
  const LrWindow w =
      goodLrWindow(sweep, result, 0, 0, {WindowCriterion::Kind::WithinFactorOfBest, 2});
  REQUIRE(w.found);
  CHECK(w.bestMedian == Approx(9.0));
  CHECK(w.low == w.high);
  CHECK(sweepCurve(sweep, result, 0, 0, SweepMetric::FinalLoss).size() == 7);
}
