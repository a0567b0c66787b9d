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
#include "core/engine/network_run_config.h"
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
  // when another thread removed it); they change nothing then.
  RunId addRun(const RunConfig& config, const RunOptions& options = {});
  // A network run: one engine tick is one minibatch update (an epoch is batchesPerEpoch
  // ticks); step limits count minibatch steps. Throws SpecError on a bad config.
  RunId addNetworkRun(const NetworkRunConfig& config, const RunOptions& options = {});
  bool removeRun(RunId id);
  bool reset(RunId id);
  void resetAll();
  // Effective from the next update; the optimizer state is kept. A different optimizer
  // name starts the run afresh.
  bool setOptimizer(RunId id, const OptimizerConfig& optimizer);
  bool setSchedule(RunId id, const ScheduleConfig& schedule);
  // Restarts the run from `start`; false for a network run.
  bool setStart(RunId id, const Eigen::VectorXd& start);
  bool setStepLimit(RunId id, long long stepLimit);  // -1: none
  // Restarts every run on the new objective, from `start` or the objective's default start;
  // each run keeps its optimizer, schedule and noise settings.
  // Network runs are left alone.
  void setObjective(const ObjectiveConfig& objective,
                    std::optional<Eigen::VectorXd> start = std::nullopt);
  // Restarts EVERY network run on a new task (data and/or settings), each from the new
  // task's seeded initial parameters, keeping its optimizer and schedule. 2D runs are left
  // alone. Throws SpecError (nothing changes) when the settings do not fit the data.
  void setNetworkTask(std::shared_ptr<const DataSplit> data, const NetworkSettings& settings);

  std::vector<RunId> runIds() const;
  // As of the last change made. For a network run: its optimizer and schedule, objective empty.
  std::optional<RunConfig> runConfig(RunId id) const;
  std::optional<NetworkRunConfig> networkRunConfig(RunId id) const;  // nullopt: no such run

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
  bool contains(RunId id) const;  // under m_runsMutex

  EngineOptions m_options;
  EngineChannel m_channel;
  std::unique_ptr<EngineWorker> m_worker;
  // The caller-side copy of every run's configuration: changes are validated against it
  // and it is updated in the same critical section that queues them, so it always equals
  // what the worker will have once the queue is applied.
  mutable std::mutex m_runsMutex;
  std::map<RunId, RunConfig> m_runs;
  std::map<RunId, NetworkRunConfig> m_networkRuns;
  RunId m_nextId = 1;
  std::thread m_thread;
};

}  // namespace optiscope
