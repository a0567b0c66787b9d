#include <catch2/catch.hpp>

#include "core/engine/engine.h"
#include "core/engine/epoch_record.h"
#include "core/engine/run_traces.h"
#include "core/util/spec_error.h"
#include "engine_test_support.h"
#include "network_test_support.h"

// Epoch records stay bounded for consumers (EpochHistory) and in untaken hand-overs: the older
// half thins by two when full, the first and the newest record always kept.

namespace optiscope {
namespace {

using namespace std::chrono_literals;

EpochRecord recordAt(long long epoch) {
  EpochRecord record;
  record.epoch = epoch;
  record.step = 10 * epoch;
  return record;
}

std::vector<long long> epochsOf(const EpochHistory& history) {
  std::vector<long long> epochs;
  for (std::size_t i = 0; i < history.size(); ++i) epochs.push_back(history[i].epoch);
  return epochs;
}

// Increasing, first record 0, last `newest`, at most `bound` records.
void requireThinned(const std::vector<EpochRecord>& records, long long newest, std::size_t bound) {
  REQUIRE(!records.empty());
  REQUIRE(records.size() <= bound);
  REQUIRE(records.front().epoch == 0);
  REQUIRE(records.back().epoch == newest);
  for (std::size_t i = 1; i < records.size(); ++i) REQUIRE(records[i].epoch > records[i - 1].epoch);
}

std::vector<EpochRecord> recordsOf(const EpochHistory& history) {
  std::vector<EpochRecord> records;
  for (std::size_t i = 0; i < history.size(); ++i) records.push_back(history[i]);
  return records;
}

// One minibatch per epoch, so that every step is an epoch boundary.
RunConfig wholeBatchConfig() {
  const auto data = testing::smallSplit();
  NetworkSettings settings = testing::smallSettings();
  settings.batchSize = static_cast<int>(data->train.size());
  return testing::networkConfig(data, settings, "sgd:lr=0.05");
}

}  // namespace

TEST_CASE("an epoch history thins its older half when full") {
  EpochHistory history(8);
  for (long long e = 0; e < 8; ++e) history.append(recordAt(e));
  REQUIRE(epochsOf(history) == std::vector<long long>{0, 1, 2, 3, 4, 5, 6, 7});
  history.append(recordAt(8));  // full: the older half 0..3 keeps 0 and 2
  REQUIRE(epochsOf(history) == std::vector<long long>{0, 2, 4, 5, 6, 7, 8});
  history.append(recordAt(9));
  history.append(recordAt(10));  // full again: 0, 2, 4, 5 keep 0 and 4
  REQUIRE(epochsOf(history) == std::vector<long long>{0, 4, 6, 7, 8, 9, 10});
  REQUIRE(history.back().step == 100);

  for (long long e = 11; e <= 10'000; ++e) {
    history.append(recordAt(e));
    REQUIRE(history.size() <= 8);
  }
  requireThinned(recordsOf(history), 10'000, 8);
  history.clear();
  REQUIRE(history.empty());
  REQUIRE_THROWS_AS(EpochHistory(3), SpecError);
}

TEST_CASE("untaken epoch records stay bounded; consumers keep a bounded history") {
  const RunConfig config = wholeBatchConfig();
  constexpr long long kSteps = 10'000;
  Engine engine;
  // Nobody takes: first one stretch longer than the bound (the slot's own records thin),
  // then two more stretches, each merged into the untaken hand-over when the engine idles.
  const RunId id = engine.addRun(config, RunOptions{6'000, false});
  engine.play();
  REQUIRE(engine.waitUntilIdle(120s));
  REQUIRE(engine.setStepLimit(id, kSteps));
  for (int stretch = 0; stretch < 2; ++stretch) {
    engine.step(2'000);
    REQUIRE(engine.waitUntilIdle(120s));
  }
  const auto deltas = engine.takeTraceDeltas();
  REQUIRE(deltas.size() == 1);
  REQUIRE(deltas[0].run == id);
  requireThinned(deltas[0].epochs, kSteps, TraceDelta::kMaxPendingEpochs);
  REQUIRE(engine.snapshot()->find(id)->epochs->last->epoch == kSteps);

  RunTraces traces;
  traces.absorb(deltas);
  const EpochHistory* history = traces.epochs(id);
  REQUIRE(history != nullptr);
  requireThinned(recordsOf(*history), kSteps, 2048);
}

TEST_CASE("full-resolution network runs hand over every epoch record") {
  const RunConfig config = wholeBatchConfig();
  constexpr long long kSteps = 5'000;  // more than an untaken delta keeps when bounded
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{kSteps, true});
  engine.play();
  testing::settle(engine, traces, 120s);
  const EpochHistory* history = traces.epochs(id);
  REQUIRE(history->size() == static_cast<std::size_t>(kSteps + 1));
  for (std::size_t i = 0; i < history->size(); ++i)
    REQUIRE((*history)[i].epoch == static_cast<long long>(i));
}

TEST_CASE("run traces keep epoch histories for runs with epochs only") {
  TraceDelta planar{1, 0, true, false, Trace(2), {}};
  planar.points.append(0, 1.0, Eigen::Vector2d(0, 0), Eigen::Vector2d(0, 0), Eigen::Vector2d(0, 0));
  TraceDelta network{2, 0, true, true, Trace(0), {recordAt(0)}};
  network.points.append(0, 1.0, Eigen::VectorXd(), Eigen::VectorXd(), Eigen::VectorXd());
  RunTraces traces;
  traces.absorb({planar, network});
  REQUIRE(traces.epochs(1) == nullptr);
  REQUIRE(traces.epochs(3) == nullptr);
  REQUIRE(traces.epochs(2)->size() == 1);

  TraceDelta more{2, 0, false, true, Trace(0), {recordAt(1), recordAt(2)}};
  more.points.append(10, 0.5, Eigen::VectorXd(), Eigen::VectorXd(), Eigen::VectorXd());
  traces.absorb({more});
  REQUIRE(epochsOf(*traces.epochs(2)) == std::vector<long long>{0, 1, 2});

  TraceDelta restart{2, 1, true, true, Trace(0), {recordAt(0)}};
  restart.points.append(0, 1.0, Eigen::VectorXd(), Eigen::VectorXd(), Eigen::VectorXd());
  traces.absorb({restart});
  REQUIRE(epochsOf(*traces.epochs(2)) == std::vector<long long>{0});
  REQUIRE(traces.generation(2) == 1);
}

}  // namespace optiscope
