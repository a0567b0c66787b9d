// The first steps of a run stay at full resolution however long it runs (issue 12, item 4):
// the early spiral of momentum and Adam's bias correction are what students need to see.
#include <catch2/catch.hpp>

#include "core/engine/engine.h"
#include "core/engine/run_traces.h"
#include "core/engine/trace.h"
#include "engine_test_support.h"

namespace optiscope {
namespace {

constexpr long long kHead = 4096;

void appendStep(Trace& trace, long long step) {
  const double s = static_cast<double>(step);
  Eigen::VectorXd params(2), gradient(2), eta(2);
  params << s, -s;
  gradient << s + 0.25, s + 0.5;
  eta << 1.0 / (s + 1.0), 2.0 / (s + 1.0);
  trace.append(step, s * 0.5, params, gradient, eta);
}

bool pointHoldsItsStep(const TracePoint& p) {
  const double s = static_cast<double>(p.step);
  return p.loss == s * 0.5 && p.params[0] == s && p.params[1] == -s && p.gradient[0] == s + 0.25 &&
         p.effectiveLr[1] == 2.0 / (s + 1.0);
}

// Steps 0..4095 are the trace's first 4096 points, each holding its own values.
void requireWholeHead(const Trace& trace) {
  REQUIRE(trace.size() > static_cast<std::size_t>(kHead));
  for (long long k = 0; k < kHead; ++k) {
    const TracePoint point = trace[static_cast<std::size_t>(k)];
    REQUIRE(point.step == k);
    REQUIRE(pointHoldsItsStep(point));
  }
}

}  // namespace

TEST_CASE(
    "after 10^6 steps a display's trace keeps steps 0..4095, a thinned middle and the newest") {
  Trace trace(2);  // the default limits: what the GUI keeps
  const long long n = 1'000'000;
  for (long long k = 0; k < n; ++k) appendStep(trace, k);

  requireWholeHead(trace);
  REQUIRE(trace.back().step == n - 1);
  REQUIRE(pointHoldsItsStep(trace.back()));
  // The middle is thinned: far fewer points than steps, all in order.
  REQUIRE(trace.size() < 40'000);
  for (std::size_t i = 1; i < trace.size(); ++i) REQUIRE(trace[i].step > trace[i - 1].step);
  // After the head, thinned history: the levels' oldest point (step 4096), then gaps.
  REQUIRE(trace[static_cast<std::size_t>(kHead)].step == kHead);
  REQUIRE(trace[static_cast<std::size_t>(kHead) + 1].step > kHead + 1);
  // The newest `recent` points are consecutive steps.
  const std::size_t recent = TraceLimits{}.recent;
  for (std::size_t i = trace.size() - recent; i < trace.size(); ++i)
    REQUIRE(trace[i].step == n - static_cast<long long>(trace.size() - i));
}

TEST_CASE("a head survives copies, moves and clear, and explicit quotas keep none") {
  Trace trace(2);
  for (long long k = 0; k < 50'000; ++k) appendStep(trace, k);
  const Trace copy = trace;
  requireWholeHead(copy);
  Trace moved = std::move(trace);
  requireWholeHead(moved);
  appendStep(moved, 50'000);
  REQUIRE(moved.back().step == 50'000);

  moved.clear();
  REQUIRE(moved.empty());
  for (long long k = 0; k < 50'000; ++k) appendStep(moved, k);  // a restarted run
  requireWholeHead(moved);

  Trace noHead(2, TraceLimits{16, 8});
  for (long long k = 0; k < 50'000; ++k) appendStep(noHead, k);
  REQUIRE(noHead.front().step == 0);
  REQUIRE(noHead[1].step > 1);
}

TEST_CASE("a trace whose points start after the head keeps no head") {
  Trace trace(2);
  for (long long k = 10'000; k < 200'000; ++k) appendStep(trace, k);
  REQUIRE(trace.front().step == 10'000);
  REQUIRE(trace[1].step > 10'001);  // thinned: none of it was a first step
  REQUIRE(trace.back().step == 199'999);
}

TEST_CASE("the engine hands a run's first steps over whole even when nobody polls") {
  // One delta holds all 10^6 steps (taken only when the run is done), so it has thinned: the
  // consumer's trace can keep the first steps only if the delta kept them.
  Engine engine;
  RunTraces traces;
  const RunConfig config = makeRunConfig("rosenbrock", "sgd:lr=0.0005,momentum=0.9");
  const RunId id = engine.addRun(config, RunOptions{1'000'000, false});
  engine.play();
  testing::settle(engine, traces);
  const Trace& trace = *traces.find(id);
  REQUIRE(trace.back().step == 1'000'000);
  REQUIRE(trace.size() < 40'000);
  const std::vector<testing::StepRecord> expected = testing::referenceRecords(config, kHead - 1);
  std::vector<testing::StepRecord> head = testing::recordsOf(trace);
  head.resize(static_cast<std::size_t>(kHead));
  REQUIRE(testing::firstDifference(head, expected).empty());
}

}  // namespace optiscope
