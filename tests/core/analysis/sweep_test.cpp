// Sensitivity sweeps: every row is the run `optiscope-cli run` makes for that lr and seed,
// summarized as race summarizes it; rows stream out as they finish; a stop ends the sweep
// quickly and the result then says incomplete.
#include "core/analysis/sweep.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "analysis_test_support.h"
#include "core/analysis/function_problem.h"
#include "core/analysis/result_queue.h"
#include "core/util/spec_error.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

std::shared_ptr<FunctionProblem> rosenbrockProblem(long long steps, double noise) {
  return std::make_shared<FunctionProblem>(parseObjectiveSpec("rosenbrock"), Eigen::Vector2d(-1, 1),
                                           noise, steps);
}

}  // namespace

TEST_CASE("logSpaced spans LO..HI in equal ratios with both ends exact") {
  const auto lrs = logSpaced(1e-4, 1.0, 5);
  REQUIRE(lrs.size() == 5);
  CHECK(lrs[0] == 1e-4);
  CHECK(lrs[1] == 1e-3);
  CHECK(lrs[2] == 1e-2);
  CHECK(lrs[3] == 1e-1);
  CHECK(lrs[4] == 1.0);
  const auto odd = logSpaced(0.003, 0.7, 7);
  CHECK(odd.front() == 0.003);
  CHECK(odd.back() == 0.7);
  for (std::size_t i = 1; i + 1 < odd.size(); ++i)
    CHECK(odd[i + 1] / odd[i] == Approx(odd[i] / odd[i - 1]).epsilon(1e-12));
  CHECK_THROWS_AS(logSpaced(0.1, 0.01, 5), SpecError);
  CHECK_THROWS_AS(logSpaced(0.1, 0.1, 5), SpecError);
  CHECK_THROWS_AS(logSpaced(0.0, 1.0, 5), SpecError);
  CHECK_THROWS_AS(logSpaced(-1.0, 1.0, 5), SpecError);
  CHECK_THROWS_AS(logSpaced(1e-3, 1.0, 1), SpecError);
  CHECK_THROWS_AS(logSpaced(1e-3, INFINITY, 3), SpecError);
}

TEST_CASE("every sweep row is the run for that optimizer, lr and seed, bit for bit") {
  const auto problem = rosenbrockProblem(300, 0.5);
  SweepPlan plan;
  for (const char* spec : {"sgd:momentum=0.9", "adam:amsgrad=true", "rmsprop"})
    plan.optimizers.push_back(parseOptimizerSpec(spec));
  plan.learningRates = logSpaced(1e-4, 3.0, 6);  // the largest diverge for every optimizer
  plan.seeds = 3;
  const Sweep sweep(plan, problem);
  REQUIRE(sweep.size() == 3 * 6 * 3);
  ThreadPool pool(2);
  const SweepResult result = sweep.run(pool);
  REQUIRE(result.complete);
  REQUIRE(result.rows.size() == sweep.size());
  int diverged = 0, reachedTolerance = 0;
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const SweepRow& row = result.rows[i];
    const SweepPoint expected = sweep.point(i);
    REQUIRE(row.point.optimizer == expected.optimizer);
    REQUIRE(row.point.lrIndex == expected.lrIndex);
    REQUIRE(row.point.seed == expected.seed);
    const OptimizerConfig& config = sweep.config(row.point);
    CHECK(config.values.real("lr") == plan.learningRates[row.point.lrIndex]);
    CHECK(config.values.real("lr") == row.point.lr);
    // The spec's own options stay: only lr is replaced.
    if (config.name == "adam") CHECK(config.values.flag("amsgrad"));
    INFO(config.spec() << " seed " << row.point.seed);
    const ReferenceRun reference =
        referenceRun(objectiveRunConfig(parseObjectiveSpec("rosenbrock"), config, {},
                                        Eigen::Vector2d(-1, 1), 0.5, row.point.seed),
                     300);
    CHECK(sameSummary(row.summary, reference));
    diverged += row.summary.divergedAt >= 0 ? 1 : 0;
    reachedTolerance += row.summary.stepsToTolerance >= 0 ? 1 : 0;
  }
  CHECK(diverged >= 3);  // the range covers divergence ...
  CHECK(diverged < 40);  // ... and ordinary runs
}

TEST_CASE("seeds change the gradient noise, and seed k is the run with noise seed k") {
  const auto problem = rosenbrockProblem(50, 1.0);
  SweepPlan plan{{parseOptimizerSpec("adam")}, {0.01, 0.02}, std::nullopt, 4};
  const Sweep sweep(plan, problem);
  ThreadPool pool(2);
  const SweepResult result = sweep.run(pool);
  REQUIRE(result.rows.size() == 8);
  CHECK(result.rows[0].summary.finalLoss != result.rows[1].summary.finalLoss);
  const auto noiseFree = std::make_shared<FunctionProblem>(parseObjectiveSpec("rosenbrock"),
                                                           Eigen::Vector2d(-1, 1), 0.0, 50);
  const auto quiet = Sweep(plan, noiseFree).run(pool);
  CHECK(quiet.rows[0].summary.finalLoss == quiet.rows[3].summary.finalLoss);
}

TEST_CASE("a second axis sweeps lr x beta1 with both values in each configuration") {
  const auto problem = rosenbrockProblem(20, 0.0);
  SweepPlan plan{{parseOptimizerSpec("adam"), parseOptimizerSpec("nadam")},
                 {0.001, 0.01},
                 SweepAxis{"beta1", {0.5, 0.8, 0.95}},
                 2};
  const Sweep sweep(plan, problem);
  REQUIRE(sweep.size() == 2 * 2 * 3 * 2);
  for (std::size_t i = 0; i < sweep.size(); ++i) {
    const SweepPoint p = sweep.point(i);
    CHECK(sweep.config(p).values.real("lr") == plan.learningRates[p.lrIndex]);
    CHECK(sweep.config(p).values.real("beta1") == plan.second->values[p.secondIndex]);
    CHECK(p.secondValue == plan.second->values[p.secondIndex]);
    CHECK(sweep.config(p).name == plan.optimizers[p.optimizer].name);
  }
  // Seed is the fastest index, then the second axis, then lr, then the optimizer.
  CHECK(sweep.point(1).seed == 1);
  CHECK(sweep.point(2).secondIndex == 1);
  CHECK(sweep.point(6).lrIndex == 1);
  CHECK(sweep.point(12).optimizer == 1);
}

TEST_CASE("a bad plan is refused before anything runs") {
  const auto problem = rosenbrockProblem(10, 0.0);
  const auto adam = parseOptimizerSpec("adam");
  CHECK_THROWS_AS(Sweep(SweepPlan{{}, {0.1}, std::nullopt, 1}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {}, std::nullopt, 1}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1}, std::nullopt, 0}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1, 0.01}, std::nullopt, 1}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {-0.1}, std::nullopt, 1}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1}, SweepAxis{"momentum", {0.9}}, 1}, problem),
                  SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1}, SweepAxis{"beta1", {1.5}}, 1}, problem),
                  SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1}, SweepAxis{"beta1", {}}, 1}, problem), SpecError);
  CHECK_THROWS_AS(Sweep(SweepPlan{{adam}, {0.1}, SweepAxis{"amsgrad", {1}}, 1}, problem),
                  SpecError);
  CHECK_THROWS_AS(
      FunctionProblem(parseObjectiveSpec("rosenbrock"), Eigen::Vector3d(1, 2, 3), 0.0, 10),
      SpecError);
  CHECK_THROWS_AS(FunctionProblem(parseObjectiveSpec("rosenbrock"), std::nullopt, -1.0, 10),
                  SpecError);
  CHECK_THROWS_AS(FunctionProblem(parseObjectiveSpec("rosenbrock"), std::nullopt, 0.0, -1),
                  SpecError);
  // A schedule that needs a momentum the optimizer lacks is refused by check().
  const auto cyclic =
      std::make_shared<FunctionProblem>(parseObjectiveSpec("rosenbrock"), std::nullopt, 0.0, 10,
                                        parseScheduleSpec("cyclic:base_lr=0.001,max_lr=0.01"));
  CHECK_THROWS_AS(Sweep(SweepPlan{{parseOptimizerSpec("yogi")}, {0.1}, std::nullopt, 1}, cyclic),
                  SpecError);
}

TEST_CASE("rows stream out while the sweep runs, one per run") {
  const auto problem = rosenbrockProblem(200, 0.1);
  SweepPlan plan{{parseOptimizerSpec("adam"), parseOptimizerSpec("sgd")},
                 logSpaced(1e-4, 1e-2, 5),
                 std::nullopt,
                 4};
  const Sweep sweep(plan, problem);
  ResultQueue<SweepRow> queue;
  ThreadPool pool(2);
  const SweepResult result = sweep.run(pool, {}, [&](const SweepRow& row) { queue.push(row); });
  CHECK(result.complete);
  CHECK(queue.pushed() == sweep.size());
  std::vector<SweepRow> streamed = queue.take();
  CHECK(streamed.size() == sweep.size());
  CHECK(queue.take().empty());
  for (const SweepRow& row : streamed) {
    const std::size_t index =
        ((row.point.optimizer * 5 + row.point.lrIndex) * 1 + row.point.secondIndex) * 4 +
        row.point.seed;
    CHECK(row.summary.finalLoss == result.rows[index].summary.finalLoss);
  }
}

// Counts the runs that have started, so a test can wait until runs are under way.
class CountingProblem final : public SweepProblem {
 public:
  explicit CountingProblem(std::shared_ptr<const SweepProblem> inner) : m_inner(std::move(inner)) {}
  void check(const OptimizerConfig& optimizer) const override { m_inner->check(optimizer); }
  std::optional<RunSummary> run(const OptimizerConfig& optimizer, std::uint64_t seed,
                                std::stop_token stop,
                                std::vector<double>* lossCurve) const override {
    started.fetch_add(1);
    return m_inner->run(optimizer, seed, stop, lossCurve);
  }
  long long length() const override { return m_inner->length(); }
  double referenceValue() const override { return m_inner->referenceValue(); }

  mutable std::atomic<int> started{0};

 private:
  std::shared_ptr<const SweepProblem> m_inner;
};

TEST_CASE("a stop ends a sweep within 100 ms, and the result says incomplete") {
  // Runs of 2e7 steps (about a second each): the stop comes while both threads are inside one.
  const auto problem = std::make_shared<CountingProblem>(rosenbrockProblem(20'000'000, 0.1));
  SweepPlan plan{{parseOptimizerSpec("adam"), parseOptimizerSpec("sgd:momentum=0.9")},
                 logSpaced(1e-5, 1e-4, 3),
                 std::nullopt,
                 2};
  const Sweep sweep(plan, problem);
  ThreadPool pool(2);
  std::stop_source source;
  std::atomic<int> rows{0};
  SweepResult result;
  std::thread worker([&] {
    result = sweep.run(pool, source.get_token(), [&](const SweepRow&) { rows.fetch_add(1); });
  });
  while (problem->started.load() < 2) std::this_thread::yield();
  const auto stopAt = std::chrono::steady_clock::now();
  source.request_stop();
  worker.join();
  const auto latency = std::chrono::steady_clock::now() - stopAt;
  CHECK(latency < std::chrono::milliseconds(100));
  CHECK_FALSE(result.complete);
  CHECK(result.rows.empty());
  CHECK(rows.load() == 0);
  CHECK(problem->started.load() == 2);  // no run started after the stop
}

TEST_CASE("a sweep stopped half-way keeps the finished rows and says incomplete") {
  const auto problem = rosenbrockProblem(100, 0.1);
  SweepPlan plan{{parseOptimizerSpec("adam")}, logSpaced(1e-4, 1e-1, 10), std::nullopt, 10};
  const Sweep sweep(plan, problem);
  ThreadPool pool(2);
  std::stop_source source;
  std::atomic<int> delivered{0};
  const SweepResult result = sweep.run(pool, source.get_token(), [&](const SweepRow&) {
    if (delivered.fetch_add(1) + 1 == 5) source.request_stop();
  });
  CHECK_FALSE(result.complete);
  CHECK(result.total == 100);
  CHECK(result.rows.size() >= 5);
  CHECK(result.rows.size() < 100);
  CHECK(result.rows.size() == static_cast<std::size_t>(delivered.load()));
}
