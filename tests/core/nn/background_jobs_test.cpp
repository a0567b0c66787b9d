// The network page's background work through the one job pattern (core/jobs), as the GUI runs
// it: loss slices (latest request wins, coarse then fine) and decision grids (running work
// finishes, the newest waiting request follows). Threaded: these run under ThreadSanitizer.
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "core/jobs/latest_job.h"
#include "core/nn/decision_grid.h"
#include "core/nn/loss_slice.h"
#include "core/nn/network_task.h"

using namespace optiscope;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const NetworkTask> circleTask() {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("circle", {200, 0.1, 5}), 0.5, 5));
  NetworkSettings settings;
  settings.seed = 3;
  return std::make_shared<const NetworkTask>(data, settings);
}

struct SliceResult {
  std::uint64_t generation;
  SlicePass pass;
  Grid grid;
};

}  // namespace

TEST_CASE("job: a newer slice request wins; every delivered grid is exactly the direct one") {
  const auto task = circleTask();
  const Eigen::VectorXd center = task->initialParameters();
  std::mutex mutex;
  std::vector<SliceResult> results;
  LatestJob<SliceResult> job([&](std::shared_ptr<const SliceResult> result, std::uint64_t) {
    std::lock_guard lock(mutex);
    results.push_back(*result);
  });
  const auto request = [&](double scale) {
    LossSliceRequest slice{makeSlicePlane(task->mlp().layers(), center * scale, 7), 1.0, 11, 41};
    return job.request([task, slice](const LatestJob<SliceResult>::Outlet& outlet) {
      NetworkTask local(*task);  // its own scratch space
      computeLossSlice(local, slice, outlet.cancelFlag(), [&](Grid grid, SlicePass pass) {
        outlet.deliver(
            std::make_shared<const SliceResult>(SliceResult{outlet.generation(), pass, grid}));
      });
    });
  };
  std::uint64_t last = 0;
  for (int k = 1; k <= 8; ++k) last = request(1.0 + 0.1 * k);
  REQUIRE(job.waitUntilIdle(120s));

  std::lock_guard lock(mutex);
  REQUIRE(results.size() >= 2);
  CHECK(results.back().generation == last);
  CHECK(results.back().pass == SlicePass::kFine);
  for (std::size_t k = 1; k < results.size(); ++k)
    CHECK(results[k].generation >= results[k - 1].generation);
  NetworkTask direct(*task);
  const SlicePlane plane = makeSlicePlane(task->mlp().layers(), center * 1.8, 7);
  const auto expected = evaluateSlice(direct, plane, sliceGridSpec(1.0, 41));
  REQUIRE(expected);
  CHECK(results.back().grid.values == expected->values);
}

TEST_CASE("job: decision grids of a training stream: running work completes, the newest follows") {
  const auto task = circleTask();
  std::mutex mutex;
  std::vector<std::uint64_t> delivered;
  std::shared_ptr<const DecisionGrid> last;
  LatestJob<DecisionGrid> job(
      [&](std::shared_ptr<const DecisionGrid> grid, std::uint64_t generation) {
        std::lock_guard lock(mutex);
        delivered.push_back(generation);
        last = std::move(grid);
      },
      Supersede::kFinishRunning);
  DecisionGridEvaluator evaluator;  // the worker's own
  Eigen::VectorXd params = task->initialParameters();
  std::uint64_t newest = 0;
  for (int k = 0; k < 30; ++k) {
    params *= 1.01;  // the network moves on while the pictures are drawn
    newest = job.request([&evaluator, task, params](const LatestJob<DecisionGrid>::Outlet& outlet) {
      auto grid = std::make_shared<DecisionGrid>();
      evaluator.evaluate(task->mlp(), task->settings().features, params, GridBox{}, 48, *grid);
      outlet.deliver(std::move(grid));
    });
  }
  REQUIRE(job.waitUntilIdle(120s));
  std::lock_guard lock(mutex);
  REQUIRE_FALSE(delivered.empty());
  CHECK(delivered.back() == newest);
  for (std::size_t k = 1; k < delivered.size(); ++k) CHECK(delivered[k] > delivered[k - 1]);
  DecisionGrid expected;
  DecisionGridEvaluator direct;
  direct.evaluate(task->mlp(), task->settings().features, params, GridBox{}, 48, expected);
  CHECK(last->outputs == expected.outputs);
}
