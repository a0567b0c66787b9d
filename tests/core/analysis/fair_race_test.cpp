// The fair race: each optimizer's lr is the one with the best median over the same tuning
// seeds; it then races on held-out seeds, and its bands are the spread of those runs' losses.
#include "core/analysis/fair_race.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <memory>

#include "analysis_test_support.h"
#include "core/analysis/function_problem.h"
#include "core/util/spec_error.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

const long long kSteps = 200;

std::shared_ptr<FunctionProblem> noisyRosenbrock() {
  return std::make_shared<FunctionProblem>(parseObjectiveSpec("rosenbrock"), Eigen::Vector2d(-1, 1),
                                           0.5, kSteps);
}

RunConfig configAt(const std::string& optimizer, double lr, std::uint64_t seed) {
  OptimizerConfig o = withChanges(parseOptimizerSpec(optimizer), {{"lr", formatDouble(lr)}});
  return objectiveRunConfig(parseObjectiveSpec("rosenbrock"), o, {}, Eigen::Vector2d(-1, 1), 0.5,
                            seed);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  REQUIRE(n % 2 == 1);
  return v[n / 2];
}

}  // namespace

TEST_CASE("a fair race tunes every optimizer on the same seeds and races on held-out ones") {
  FairRacePlan plan;
  plan.optimizers = {parseOptimizerSpec("sgd:momentum=0.9"), parseOptimizerSpec("adam")};
  plan.learningRates = logSpaced(1e-4, 1e-1, 4);
  plan.tuningSeeds = 3;
  plan.raceSeeds = 5;  // odd counts: the median is one run's loss, bit for bit
  ThreadPool pool(2);
  // The callback runs on the pool's threads: it only records, the checks come after.
  const std::size_t total = 2 * (4 * 3 + 5);
  std::atomic<std::size_t> calls{0}, highest{0};
  std::atomic<bool> totalsRight{true};
  const FairRaceResult result =
      runFairRace(plan, noisyRosenbrock(), pool, {}, [&](std::size_t done, std::size_t all) {
        calls.fetch_add(1);
        if (all != total) totalsRight = false;
        std::size_t seen = highest.load();
        while (seen < done && !highest.compare_exchange_weak(seen, done)) continue;
      });
  REQUIRE(result.complete);
  CHECK(calls.load() == total);
  CHECK(highest.load() == total);
  CHECK(totalsRight.load());
  REQUIRE(result.entries.size() == 2);
  const char* specs[] = {"sgd:momentum=0.9", "adam"};
  for (const FairRaceEntry& entry : result.entries) {
    const std::string spec = specs[entry.optimizer];
    INFO(spec);
    // The tuned lr: the best median final loss over seeds 0..2, worked out from single runs
    // (a diverged run counts as +inf).
    double bestMedian = INFINITY, bestLr = 0.0;
    for (double lr : plan.learningRates) {
      std::vector<double> finals;
      for (std::uint64_t seed = 0; seed < 3; ++seed) {
        const ReferenceRun r = referenceRun(configAt(spec, lr, seed), kSteps);
        finals.push_back(r.divergedAt >= 0 ? INFINITY : r.finalLoss);
      }
      if (median(finals) < bestMedian) {
        bestMedian = median(finals);
        bestLr = lr;
      }
    }
    CHECK(entry.tunedLr == bestLr);
    CHECK(entry.tunedScore == bestMedian);
    // The race: seeds 3..7 at the tuned lr; row 0 is the common start, the last row the median
    // of the final losses.
    REQUIRE(entry.lossBands.size() == kSteps + 1);
    CHECK(entry.lossBands[0].min == entry.lossBands[0].max);
    CHECK(entry.lossBands[0].count == 5);
    std::vector<double> finals;
    for (std::uint64_t seed = 3; seed < 8; ++seed)
      finals.push_back(referenceRun(configAt(spec, bestLr, seed), kSteps).finalLoss);
    CHECK(entry.lossBands.back().median == median(finals));
    CHECK(entry.lossBands.back().min == *std::min_element(finals.begin(), finals.end()));
    CHECK(entry.lossBands.back().max == *std::max_element(finals.begin(), finals.end()));
    CHECK(entry.diverged == 0);
  }
}

TEST_CASE("a race seed offset of 0 races on the tuning seeds themselves") {
  FairRacePlan plan;
  plan.optimizers = {parseOptimizerSpec("adam")};
  plan.learningRates = {0.01, 0.05};
  plan.tuningSeeds = 2;
  plan.raceSeeds = 2;
  plan.raceSeedOffset = 0;
  ThreadPool pool(1);
  const FairRaceResult result = runFairRace(plan, noisyRosenbrock(), pool);
  REQUIRE(result.complete);
  // Racing on the tuning seeds reproduces the tuning runs: the median final loss is the score.
  CHECK(result.entries[0].lossBands.back().median == result.entries[0].tunedScore);
}

TEST_CASE("runs that diverge count as lost from their divergence on") {
  FairRacePlan plan;
  plan.optimizers = {parseOptimizerSpec("sgd")};
  plan.learningRates = {1.0, 2.0};  // plain SGD blows up on Rosenbrock at both
  plan.tuningSeeds = 1;
  plan.raceSeeds = 3;
  ThreadPool pool(2);
  const FairRaceResult result = runFairRace(plan, noisyRosenbrock(), pool);
  REQUIRE(result.complete);
  const FairRaceEntry& entry = result.entries[0];
  CHECK(std::isinf(entry.tunedScore));
  CHECK(entry.tunedLr == 1.0);  // no lr is better: the first
  CHECK(entry.diverged == 3);
  CHECK(std::isinf(entry.lossBands.back().min));
}

TEST_CASE("a stopped fair race has no entries and says incomplete") {
  FairRacePlan plan;
  plan.optimizers = {parseOptimizerSpec("adam")};
  plan.learningRates = {0.01, 0.05};
  std::stop_source source;
  source.request_stop();
  ThreadPool pool(2);
  const FairRaceResult result = runFairRace(plan, noisyRosenbrock(), pool, source.get_token());
  CHECK_FALSE(result.complete);
  CHECK(result.entries.empty());
  CHECK_FALSE(result.tuning.complete);
}

TEST_CASE("a bad fair race plan is refused") {
  ThreadPool pool(1);
  FairRacePlan plan;
  plan.optimizers = {parseOptimizerSpec("adam")};
  plan.learningRates = {0.01};
  plan.raceSeeds = 0;
  CHECK_THROWS_AS(runFairRace(plan, noisyRosenbrock(), pool), SpecError);
  plan.raceSeeds = 2;
  plan.tuningSeeds = 0;
  CHECK_THROWS_AS(runFairRace(plan, noisyRosenbrock(), pool), SpecError);
  plan.tuningSeeds = 2;
  plan.raceSeedOffset = -2;
  CHECK_THROWS_AS(runFairRace(plan, noisyRosenbrock(), pool), SpecError);
}
