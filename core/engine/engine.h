#pragma once

#include <Eigen/Core>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/engine/engine_channel.h"
#include "core/engine/engine_types.h"
#include "core/engine/pacer.h"
#include "core/engine/run.h"
#include "core/engine/snapshot.h"

namespace optiscope {

class EngineWorker;

// Steps any number of runs on one background thread. Every method may be called from any
// thread and returns at once: changes are validated here (SpecError, nothing queued) and
// take effect at the worker's next step boundary, in the order they were made. Results
// come back as snapshots (the latest state, at most publishRateHz times a second) and trace
// deltas (the points produced since they were last taken).
//
// Numbers are those of a plain Run stepped in a loop, bit for bit, whatever the speed,
// batching, pausing or the other runs. The engine starts paused at unlimited speed.
//
// A headless race that needs every step (the CLI):
//   RunOptions options{.stepLimit = n, .fullResolution = true};
//   for each config: ids.push_back(engine.addRun(config, options));
//   engine.play();
//   RunTraces traces;
//   while (!engine.waitUntilIdle(100ms)) traces.absorb(engine.takeTraceDeltas());
//   traces.absorb(engine.takeTraceDeltas());
// Then (*traces.find(id))[k] is step k for k = 0..n, or up to the step the run diverged at
// (engine.snapshot()->find(id)->divergedAt).
class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  ~Engine();  // stops the worker and joins it
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // ---- runs. Functions taking a RunId return false when there is no such run (for example
  // when another thread removed it); they change nothing then. Every run descends its own
  // Problem (a test function, a network task): one engine tick is one update of every run
  // (for a network, one minibatch), and step limits count those updates.
  RunId addRun(const RunConfig& config, const RunOptions& options = {});
  bool removeRun(RunId id);
  bool reset(RunId id);
  void resetAll();
  // Effective from the next update; the optimizer state is kept. A different optimizer
  // name starts the run afresh.
  bool setOptimizer(RunId id, const OptimizerConfig& optimizer);
  bool setSchedule(RunId id, const ScheduleConfig& schedule);
  // Restarts the run from `start` (of the problem's dimension).
  bool setStart(RunId id, const Eigen::VectorXd& start);
  bool setStepLimit(RunId id, long long stepLimit);  // -1: none
  // Restarts several runs at once on new configurations (a new function for every run, a
  // new network task, another noise seed), keeping their ids and options. Every config is
  // validated first: on SpecError nothing changes. Ids of runs that no longer exist are
  // skipped.
  void restartRuns(const std::vector<std::pair<RunId, RunConfig>>& configs);

  std::vector<RunId> runIds() const;
  // As of the last change made; nullopt: no such run.
  std::optional<RunConfig> runConfig(RunId id) const;

  // ---- playback
  void play();
  void pause();
  // Pauses, then advances every run by `count` steps as fast as possible.
  void step(long long count = 1);
  // Steps per second for every run, >= 1, or Pacer::kUnlimited (+inf).
  void setSpeed(double stepsPerSecond);

  // ---- results. Neither waits for the worker.
  std::shared_ptr<const Snapshot> snapshot() const;
  // Points produced since the last call, one entry per run that produced any. New points
  // are handed over at the next publication after a take, so they may lag the latest
  // snapshot by one publication period; once the engine is idle, all of them are. Passing
  // back the deltas of the previous call, once absorbed, lets the worker reuse their memory
  // (a double-buffer swap) instead of allocating afresh at every hand-over.
  std::vector<TraceDelta> takeTraceDeltas(std::vector<TraceDelta> recycled = {});
  // Waits until every change made so far was applied and the engine has nothing left to
  // step (paused, or every run finished or diverged), with a snapshot and the trace deltas
  // published for that state. False on timeout.
  bool waitUntilIdle(std::chrono::milliseconds timeout);

 private:
  // Validates a change of one run's config, records it and posts the command made for it.
  template <class Change, class MakeCommand>
  bool change(RunId id, Change&& change, MakeCommand&& makeCommand);

  EngineOptions m_options;
  EngineChannel m_channel;
  std::unique_ptr<EngineWorker> m_worker;
  // The caller-side copy of every run's configuration: changes are validated against it
  // and it is updated in the same critical section that queues them, so it always equals
  // what the worker will have once the queue is applied.
  mutable std::mutex m_runsMutex;
  std::map<RunId, RunConfig> m_runs;
  RunId m_nextId = 1;
  std::thread m_thread;
};

}  // namespace optiscope
