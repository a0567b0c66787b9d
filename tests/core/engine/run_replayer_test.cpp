// Replay from checkpoints (what the hover tooltip and a rewind need): a run's state at any
// earlier step, recomputed bit for bit, and as a background job under the one job pattern.
#include "core/engine/run_replayer.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/engine/engine.h"
#include "core/engine/run_traces.h"
#include "core/jobs/latest_job.h"
#include "engine_test_support.h"
#include "network_test_support.h"

using namespace optiscope;
using namespace std::chrono_literals;
using testing::sameBits;

namespace {

constexpr long long kSteps = 40'000;  // past the first checkpoint at 2^15

std::shared_ptr<const RunConfig> noisyConfig() {
  return std::make_shared<const RunConfig>(
      makeRunConfig("himmelblau", "adam:lr=0.01", "cosine:t_max=30000", std::nullopt, 0.5, 3));
}

// The engine's full-resolution trace of a run of `config`.
RunTraces engineTrace(const RunConfig& config, long long steps, RunId& id) {
  Engine engine;
  RunTraces traces;
  id = engine.addRun(config, RunOptions{steps, true});
  engine.play();
  testing::settle(engine, traces);
  return traces;
}

}  // namespace

TEST_CASE("a replay reproduces the engine's trace at any step, forwards and backwards") {
  const auto config = noisyConfig();
  RunId id = 0;
  const RunTraces traces = engineTrace(*config, kSteps, id);
  const Trace& trace = *traces.find(id);
  REQUIRE(trace.size() == static_cast<std::size_t>(kSteps + 1));

  RunReplayer replayer;
  for (long long step : {0LL, 17LL, kSteps, 40LL, 32'769LL, 5LL}) {
    const std::optional<Run> run = replayer.replay({id, 0}, config, step);
    REQUIRE(run);
    INFO("step " << step);
    REQUIRE(run->step() == step);
    const TracePoint point = trace[static_cast<std::size_t>(step)];
    CHECK(RunReplayer::reproduces(*run, point.params, point.loss));
    CHECK(sameBits(run->gradient(), Eigen::VectorXd(point.gradient)));
  }
  // The replay to kSteps left checkpoints behind it (every 2^15 steps and where it stopped).
  CHECK(replayer.checkpointCount() >= 3);
}

TEST_CASE("a network run replays through the same replayer") {
  const auto config = std::make_shared<const RunConfig>(testing::networkConfig("adam:lr=0.03"));
  Run reference(*config);
  for (int k = 0; k < 23; ++k) reference.advance();
  RunReplayer replayer;
  const std::optional<Run> run = replayer.replay({1, 0}, config, 23);
  REQUIRE(run);
  CHECK(RunReplayer::reproduces(*run, reference.params(), reference.loss()));
  CHECK(sameBits(run->gradient(), reference.gradient()));
}

TEST_CASE("a replay of changed settings does not reproduce the trace") {
  const auto config = noisyConfig();
  Run changed(*config);
  for (int k = 0; k < 10; ++k) changed.advance();
  changed.setOptimizerConfig(parseOptimizerSpec("adam:lr=0.02"));
  for (int k = 0; k < 10; ++k) changed.advance();
  RunReplayer replayer;
  const std::optional<Run> run = replayer.replay({1, 0}, config, 20);
  REQUIRE(run);
  CHECK_FALSE(RunReplayer::reproduces(*run, changed.params(), changed.loss()));
}

TEST_CASE("a cancelled replay returns nothing but keeps its progress as a checkpoint") {
  const auto config = noisyConfig();
  RunReplayer replayer;
  std::atomic<bool> cancel{true};
  CHECK_FALSE(replayer.replay({1, 0}, config, kSteps, &cancel));
  CHECK(replayer.checkpointCount() == 1);  // where it stopped: step kCancelPollEvery
  const std::optional<Run> run = replayer.replay({1, 0}, config, kSteps);
  REQUIRE(run);
  Run reference(*config);
  for (long long k = 0; k < kSteps; ++k) reference.advance();
  CHECK(RunReplayer::reproduces(*run, reference.params(), reference.loss()));
}

TEST_CASE("replays as a latest-request-wins job: the last hover is answered exactly") {
  const auto config = noisyConfig();
  RunId id = 0;
  const RunTraces traces = engineTrace(*config, 6'000, id);
  const Trace& trace = *traces.find(id);

  struct Answer {
    long long step;
    bool exact;
  };
  std::mutex mutex;
  std::vector<Answer> answers;
  RunReplayer replayer;  // used by the job's worker only
  LatestJob<Answer> job([&](std::shared_ptr<const Answer> answer, std::uint64_t) {
    std::lock_guard lock(mutex);
    answers.push_back(*answer);
  });
  // A mouse sweeping along the path: requests far faster than replays finish.
  for (long long step = 0; step <= 6'000; step += 97) {
    const TracePoint point = trace[static_cast<std::size_t>(step)];
    job.request([&replayer, &config, id, step, params = Eigen::VectorXd(point.params),
                 loss = point.loss](const LatestJob<Answer>::Outlet& outlet) {
      const auto run = replayer.replay({id, 0}, config, step, outlet.cancelFlag());
      if (!run) return;
      outlet.deliver(std::make_shared<const Answer>(
          Answer{step, RunReplayer::reproduces(*run, params, loss)}));
    });
  }
  REQUIRE(job.waitUntilIdle(60s));
  std::lock_guard lock(mutex);
  REQUIRE_FALSE(answers.empty());
  CHECK(answers.back().step == 5'917);  // the last step requested (61 * 97)
  for (const Answer& answer : answers) CHECK(answer.exact);
}
