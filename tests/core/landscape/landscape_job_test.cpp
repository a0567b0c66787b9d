#include "core/landscape/landscape_job.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "core/objectives/rosenbrock.h"
#include "support/gate.h"
#include "test_functions.h"

using namespace optiscope;
using optiscope::testing::Gate;
using namespace optiscope::testing;
using namespace std::chrono_literals;

namespace {

using ResultPtr = std::shared_ptr<const LandscapeResult>;

// Records what the job delivers, from the worker thread.
class Deliveries {
 public:
  void add(ResultPtr result) {
    {
      std::lock_guard lock(m_mutex);
      m_results.push_back(std::move(result));
    }
    m_changed.notify_all();
  }

  // Waits (at most a minute, to fail instead of hang) until the fine result of `generation`.
  bool waitForFine(std::uint64_t generation) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, 60s, [&] {
      for (const ResultPtr& r : m_results) {
        if (r->generation == generation && r->resolution == Resolution::kFine) return true;
      }
      return false;
    });
  }

  std::vector<ResultPtr> all() {
    std::lock_guard lock(m_mutex);
    return m_results;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<ResultPtr> m_results;
};

LandscapeRequest bowlRequest(double halfWidth, GridSize fine = {100, 100}) {
  LandscapeRequest request;
  request.objective = std::make_shared<FormulaFunction>(bowl, 0.0);
  request.xMin = request.yMin = -halfWidth;
  request.xMax = request.yMax = halfWidth;
  request.coarse = {16, 16};
  request.fine = fine;
  request.levelCount = 6;
  return request;
}

}  // namespace

TEST_CASE("one request delivers its coarse result, then its fine one") {
  Deliveries deliveries;
  LandscapeJob job([&](ResultPtr result) { deliveries.add(std::move(result)); });
  LandscapeRequest request = bowlRequest(2.0);
  request.objective = std::make_shared<Rosenbrock>();
  const std::uint64_t generation = job.request(request);
  CHECK(generation == 1);
  REQUIRE(deliveries.waitForFine(generation));

  const std::vector<ResultPtr> results = deliveries.all();
  REQUIRE(results.size() == 2);
  CHECK(results[0]->resolution == Resolution::kCoarse);
  CHECK(results[0]->grid.spec.nx == 16);
  CHECK(results[1]->resolution == Resolution::kFine);
  CHECK(results[1]->grid.spec.nx == 100);
  for (const ResultPtr& result : results) CHECK(result->generation == generation);
  // The fine result is exactly what the same computation gives on this thread.
  const GridSpec fine{-2.0, 2.0, -2.0, 2.0, 100, 100};
  CHECK(results[1]->grid.values == evaluateGrid(Rosenbrock(), fine).values);
  CHECK(results[1]->contours.size() == 6);
}

TEST_CASE("a request superseded mid-grid is abandoned within a row and never delivered") {
  Deliveries deliveries;
  LandscapeJob job([&](ResultPtr result) { deliveries.add(std::move(result)); });
  Gate gate;
  std::atomic<int> blockedEvaluations{0};
  LandscapeRequest blocked = bowlRequest(1.0);
  blocked.objective = std::make_shared<FormulaFunction>([&](double x, double y) {
    gate.pass();
    ++blockedEvaluations;
    return bowl(x, y);
  });
  const std::uint64_t first = job.request(blocked);
  gate.waitUntilEntered();  // the worker is inside the first point of the coarse grid
  const std::uint64_t second = job.request(bowlRequest(3.0));
  gate.open();
  REQUIRE(deliveries.waitForFine(second));

  CHECK(blockedEvaluations <= blocked.coarse.nx);
  const std::vector<ResultPtr> results = deliveries.all();
  REQUIRE(results.size() == 2);
  CHECK(results[0]->generation == second);
  CHECK(results[0]->resolution == Resolution::kCoarse);
  CHECK(results[1]->generation == second);
  CHECK(results[1]->grid.spec.xMax == 3.0);
  CHECK(first < second);
}

TEST_CASE("rapid requests: nothing older than the last issued request arrives after it") {
  std::atomic<std::uint64_t> lastIssued{0};
  std::atomic<int> staleDeliveries{0};
  Deliveries deliveries;
  LandscapeJob job([&](ResultPtr result) {
    if (result->generation < lastIssued.load()) ++staleDeliveries;
    deliveries.add(std::move(result));
  });

  const int requestCount = 40;
  std::uint64_t last = 0;
  for (int k = 0; k < requestCount; ++k) {
    last = job.request(bowlRequest(1.0 + 0.1 * k, {200, 200}));
    lastIssued = last;
    // Vary the spacing so requests land in every phase: waiting, coarse, fine, contours.
    if (k % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200 * (k % 7)));
  }
  REQUIRE(deliveries.waitForFine(last));
  // Idle: nothing waits or runs any more, so every delivery there will be has been made.
  REQUIRE(job.waitUntilIdle(10000ms));

  CHECK(staleDeliveries == 0);
  const std::vector<ResultPtr> results = deliveries.all();
  REQUIRE_FALSE(results.empty());
  const ResultPtr& final = results.back();
  CHECK(final->generation == last);
  CHECK(final->resolution == Resolution::kFine);
  CHECK(final->grid.spec.xMax == Approx(1.0 + 0.1 * (requestCount - 1)));
  for (std::size_t k = 1; k < results.size(); ++k) {
    CHECK(results[k]->generation >= results[k - 1]->generation);
    // Per generation, coarse strictly before fine.
    if (results[k]->generation == results[k - 1]->generation) {
      CHECK(results[k - 1]->resolution == Resolution::kCoarse);
      CHECK(results[k]->resolution == Resolution::kFine);
    }
  }
}

TEST_CASE("takeLatest polls the newest result once, and a new request drops a stale one") {
  Deliveries deliveries;
  LandscapeJob job([&](ResultPtr result) { deliveries.add(std::move(result)); });
  const std::uint64_t first = job.request(bowlRequest(1.0));
  REQUIRE(deliveries.waitForFine(first));

  const ResultPtr latest = job.takeLatest();
  REQUIRE(latest);
  CHECK(latest->generation == first);
  CHECK(latest->resolution == Resolution::kFine);
  CHECK_FALSE(job.takeLatest());

  // Leave a result in the mailbox, then supersede it with a request that cannot finish yet.
  const std::uint64_t second = job.request(bowlRequest(2.0));
  REQUIRE(deliveries.waitForFine(second));
  Gate gate;
  LandscapeRequest held = bowlRequest(1.0);
  held.objective = std::make_shared<FormulaFunction>([&](double x, double y) {
    gate.pass();
    return bowl(x, y);
  });
  job.request(held);
  CHECK_FALSE(job.takeLatest());
  gate.open();
}

TEST_CASE("destroying the job mid-work cancels the grid and joins") {
  std::atomic<long> evaluations{0};
  std::atomic<int> fineDeliveries{0};
  const int side = 3000;
  {
    LandscapeJob job([&](ResultPtr result) {
      if (result->resolution == Resolution::kFine) ++fineDeliveries;
    });
    LandscapeRequest request = bowlRequest(1.0, {side, side});
    request.objective = std::make_shared<FormulaFunction>([&](double x, double y) {
      ++evaluations;
      return bowl(x, y);
    });
    job.request(request);
    // Past the 16x16 coarse pass: inside the fine grid.
    while (evaluations < 16 * 16 + side) std::this_thread::yield();
  }
  const long atDestruction = evaluations;
  CHECK(atDestruction < static_cast<long>(side) * side / 2);
  CHECK(fineDeliveries == 0);
  // The destructor joined the worker: nothing evaluates any more. (A short look, not a wait:
  // a slower machine could only make a lingering worker harder to catch, never fail this.)
  std::this_thread::sleep_for(10ms);
  CHECK(evaluations == atDestruction);
}

TEST_CASE("invalid requests are refused on the caller's thread") {
  LandscapeJob job;
  LandscapeRequest missing = bowlRequest(1.0);
  missing.objective.reset();
  CHECK_THROWS_AS(job.request(missing), std::invalid_argument);
  LandscapeRequest tooManyDims = bowlRequest(1.0);
  tooManyDims.objective = std::make_shared<Rosenbrock>(3);
  CHECK_THROWS_AS(job.request(tooManyDims), std::invalid_argument);
  LandscapeRequest empty = bowlRequest(1.0);
  empty.xMax = empty.xMin;
  CHECK_THROWS_AS(job.request(empty), std::invalid_argument);
  LandscapeRequest tiny = bowlRequest(1.0, {1, 50});
  CHECK_THROWS_AS(job.request(tiny), std::invalid_argument);
  LandscapeRequest negative = bowlRequest(1.0);
  negative.levelCount = -1;
  CHECK_THROWS_AS(job.request(negative), std::invalid_argument);
}
