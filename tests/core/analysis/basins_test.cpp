// Start-point maps: every cell is, bit for bit, the run `optiscope-cli run` makes from that
// start, whether the runs were stacked into one vector (every elementwise optimizer) or
// stepped one by one; diverging runs leave their neighbours alone; tiles stream out; a stop
// drops what is unfinished.
#include "core/analysis/basins.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "analysis_test_support.h"
#include "core/analysis/batched_runs.h"
#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

BasinsPlan plan(const std::string& function, const std::string& optimizer, int grid,
                long long steps) {
  BasinsPlan p;
  p.objective = parseObjectiveSpec(function);
  p.optimizer = parseOptimizerSpec(optimizer);
  p.grid = grid;
  p.steps = steps;
  return p;
}

// Compares every cell of a tile with the run from its start.
void checkTileAgainstRuns(const Basins& basins, const BasinTile& tile, int& diverged) {
  const BasinsPlan& p = basins.plan();
  for (const BasinCell& cell : tile.cells) {
    INFO(p.optimizer.spec() << " from " << cell.x << "," << cell.y);
    const ReferenceRun r =
        referenceRun(objectiveRunConfig(p.objective, p.optimizer, p.schedule,
                                        Eigen::Vector2d(cell.x, cell.y), p.noiseSigma, p.noiseSeed),
                     p.steps);
    CHECK(sameSummary(cell.summary, r));
    CHECK(sameBits(cell.finalX, r.finalX));
    CHECK(sameBits(cell.finalY, r.finalY));
    diverged += cell.summary.divergedAt >= 0 ? 1 : 0;
  }
}

}  // namespace

TEST_CASE("every catalog optimizer is elementwise and is batched") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO(info.name);
    bool covered = false;
    for (const std::string& spec : optimizerCases())
      covered = covered || parseOptimizerSpec(spec).name == info.name;
    CHECK(covered);  // a new optimizer joins optimizerCases() and so these tests
    CHECK(info.create()->elementwise());
  }
}

TEST_CASE("batched cells equal single runs bit for bit, for every optimizer, with divergence") {
  // A box much wider than Rosenbrock's view and a large lr factor: some starts diverge within
  // the 150 steps, their neighbours must not notice. Gradient noise is on.
  for (const std::string& spec : optimizerCases()) {
    BasinsPlan p = plan("rosenbrock", spec, 9, 150);
    p.box = Box{Eigen::Vector2d(-6, -5), Eigen::Vector2d(6, 7)};
    p.noiseSigma = 0.3;
    p.noiseSeed = 11;
    const Basins basins(p);
    REQUIRE(basins.batched());
    BasinTile tile;
    REQUIRE(basins.computeTile(2, 5, {}, tile));
    CHECK(tile.cells.size() == 45);
    int diverged = 0;
    checkTileAgainstRuns(basins, tile, diverged);
  }
}

TEST_CASE("batched cells diverge where single runs do, and the others carry on") {
  // SGD with lr 0.01 on Rosenbrock blows up from the outer starts and converges near the valley.
  BasinsPlan p = plan("rosenbrock", "sgd:lr=0.001", 12, 400);
  p.box = Box{Eigen::Vector2d(-4, -4), Eigen::Vector2d(4, 4)};
  const Basins basins(p);
  BasinTile tile;
  REQUIRE(basins.computeTile(0, 12, {}, tile));
  int diverged = 0;
  checkTileAgainstRuns(basins, tile, diverged);
  CHECK(diverged > 0);
  CHECK(diverged < 144);
}

TEST_CASE("batched cells equal single runs on formula and separable functions and a schedule") {
  for (const char* function : {"himmelblau", "beale", "ackley", "rastrigin", "easom"}) {
    BasinsPlan p = plan(function, "adam:lr=0.05", 6, 120);
    p.schedule = parseScheduleSpec("cosine:t_max=50");
    const Basins basins(p);
    REQUIRE(basins.batched());
    BasinTile tile;
    REQUIRE(basins.computeTile(0, 6, {}, tile));
    int diverged = 0;
    checkTileAgainstRuns(basins, tile, diverged);
  }
}

TEST_CASE("a schedule that reads the loss is stepped run by run, with the same numbers") {
  BasinsPlan p = plan("himmelblau", "sgd:lr=0.01,momentum=0.5", 5, 200);
  p.schedule = parseScheduleSpec("reduce_on_plateau:patience=3,factor=0.5");
  const Basins basins(p);
  CHECK_FALSE(basins.batched());
  ThreadPool pool(2);
  const BasinsResult result = basins.run(pool, {}, {}, 10);
  REQUIRE(result.complete);
  CHECK_FALSE(result.batched);
  BasinTile all{0, 5, result.cells};
  int diverged = 0;
  checkTileAgainstRuns(basins, all, diverged);
}

TEST_CASE("a chain that clips by the global norm is stepped run by run, with the same numbers") {
  // The norm of a stacked vector would mix the runs: such a chain is not elementwise.
  BasinsPlan p = plan("himmelblau",
                      "chain:blocks=[clip_by_global_norm(max_norm=1),scale_by_adam,"
                      "scale_by_learning_rate(lr=0.05)]",
                      5, 150);
  const Basins basins(p);
  CHECK_FALSE(basins.batched());
  ThreadPool pool(2);
  const BasinsResult result = basins.run(pool, {}, {}, 10);
  REQUIRE(result.complete);
  BasinTile all{0, 5, result.cells};
  int diverged = 0;
  checkTileAgainstRuns(basins, all, diverged);
}

TEST_CASE("the lattice spans the box corners, and cells name the minimum they ended at") {
  BasinsPlan p = plan("himmelblau", "adam:lr=0.1", 21, 1500);
  const Basins basins(p);  // default box: himmelblau's view, [-5, 5]^2
  CHECK(basins.x(0) == -5.0);
  CHECK(basins.x(20) == 5.0);
  CHECK(basins.y(10) == 0.0);
  ThreadPool pool(2);
  const BasinsResult result = basins.run(pool);
  REQUIRE(result.complete);
  REQUIRE(result.cells.size() == 441);
  CHECK(result.cells[21 * 3 + 7].x == basins.x(7));
  CHECK(result.cells[21 * 3 + 7].y == basins.y(3));
  const auto minima = makeObjective("himmelblau")->globalMinima();
  std::vector<int> perMinimum(4, 0);
  for (const BasinCell& cell : result.cells) {
    if (cell.minimumIndex < 0) continue;
    ++perMinimum[cell.minimumIndex];
    const Eigen::Vector2d end(cell.finalX, cell.finalY);
    CHECK((end - minima[cell.minimumIndex].point).norm() < 1e-2);
    CHECK(cell.summary.stepsToTolerance >= 0);
  }
  // Each of the four minima drains a quarter-ish of the box.
  for (int count : perMinimum) CHECK(count > 40);
  // The corner (5, 5) lies in the basin of (3, 2).
  CHECK(result.cells[441 - 1].minimumIndex == 0);
}

TEST_CASE("a run that does not end near a minimum has no minimum index") {
  const Basins basins(plan("rosenbrock", "sgd:lr=0.0001", 4, 20));
  BasinTile tile;
  REQUIRE(basins.computeTile(0, 4, {}, tile));
  for (const BasinCell& cell : tile.cells) CHECK(cell.minimumIndex == -1);
  const Basins saddle(plan("saddle", "adam:lr=0.1", 3, 10));  // no listed minimum at all
  REQUIRE(saddle.computeTile(0, 3, {}, tile));
  for (const BasinCell& cell : tile.cells) CHECK(cell.minimumIndex == -1);
}

TEST_CASE("tiles stream out as they finish and cover the map once") {
  const Basins basins(plan("rosenbrock", "adam:lr=0.01", 40, 100));
  ThreadPool pool(2);
  std::vector<std::atomic<int>> rowsSeen(40);
  std::atomic<std::size_t> cells{0};
  const BasinsResult result = basins.run(
      pool, {},
      [&](const BasinTile& tile) {
        cells.fetch_add(tile.cells.size());
        for (int r = 0; r < tile.rows; ++r) rowsSeen[tile.firstRow + r].fetch_add(1);
      },
      200);  // 5 rows per tile
  REQUIRE(result.complete);
  CHECK(cells.load() == 1600);
  for (auto& seen : rowsSeen) CHECK(seen.load() == 1);
}

TEST_CASE("a stopped map ends within 100 ms, drops the unfinished tile, says incomplete") {
  // One row per tile. Plain SGD from y far below the valley overshoots to infinity within a
  // few steps, so rows 0..48 finish at once; the last row, y = 1 beside the minimum, would run
  // its 1e9 steps for minutes. The stop comes when the 49 quick tiles are in.
  BasinsPlan p = plan("rosenbrock", "sgd:lr=0.001", 50, 1'000'000'000);
  p.box = Box{Eigen::Vector2d(0.9, -1e6), Eigen::Vector2d(1.1, 1.0)};
  const Basins basins(p);
  ThreadPool pool(2);
  std::stop_source source;
  std::atomic<int> tiles{0};
  BasinsResult result;
  std::thread worker([&] {
    result = basins.run(
        pool, source.get_token(), [&](const BasinTile&) { tiles.fetch_add(1); }, 50);
  });
  while (tiles.load() < 49) std::this_thread::yield();
  const auto stopAt = std::chrono::steady_clock::now();
  source.request_stop();
  worker.join();
  CHECK(std::chrono::steady_clock::now() - stopAt < std::chrono::milliseconds(100));
  CHECK_FALSE(result.complete);
  CHECK(result.cells.empty());
  CHECK(tiles.load() == 49);

  std::stop_source stopped;
  stopped.request_stop();
  BasinTile tile;
  CHECK_FALSE(basins.computeTile(49, 1, stopped.get_token(), tile));
}

TEST_CASE("a bad map is refused with a SpecError") {
  CHECK_THROWS_AS(Basins(plan("rosenbrock:dim=3", "adam", 10, 10)), SpecError);
  CHECK_THROWS_AS(Basins(plan("rosenbrock", "adam", 1, 10)), SpecError);
  CHECK_THROWS_AS(Basins(plan("rosenbrock", "adam", 401, 10)), SpecError);
  CHECK_THROWS_AS(Basins(plan("rosenbrock", "adam", 10, -1)), SpecError);
  BasinsPlan p = plan("rosenbrock", "adam", 10, 10);
  p.box = Box{Eigen::Vector2d(1, 0), Eigen::Vector2d(0, 1)};
  CHECK_THROWS_AS(Basins(p), SpecError);
  p.box = Box{Eigen::Vector2d(0, 0), Eigen::Vector2d(1, INFINITY)};
  CHECK_THROWS_AS(Basins(p), SpecError);
  p.box = Box{Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(1, 1, 1)};
  CHECK_THROWS_AS(Basins(p), SpecError);
  p = plan("rosenbrock", "adam", 10, 10);
  p.noiseSigma = -1.0;
  CHECK_THROWS_AS(Basins(p), SpecError);
}

TEST_CASE("a batched step allocates nothing") {
  Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(300, -2, 2), ys = xs.reverse();
  BatchedRuns runs(*makeObjective("rosenbrock"), parseOptimizerSpec("adam:lr=0.01,amsgrad=true"),
                   parseScheduleSpec("cosine:t_max=10"), 0.1, 3, xs, ys);
  runs.advance();
  AllocationCounter counter;
  for (int k = 0; k < 20; ++k) runs.advance();
  CHECK(counter.allocations() == 0);
  CHECK(runs.step() == 21);
}
