#pragma once

#include <Eigen/Core>
#include <QObject>
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <vector>

#include "core/engine/run.h"
#include "core/engine/snapshot.h"

namespace optiscope::ui {

struct ReplayKey {
  RunId run = 0;
  long long generation = 0;
  long long step = 0;
  bool operator<(const ReplayKey& other) const {
    return std::tie(run, generation, step) < std::tie(other.run, other.generation, other.step);
  }
  bool operator==(const ReplayKey& other) const = default;
};

struct ReplayOutcome {
  // The replay reproduced the trace's θ and f at that step bit for bit, so its state is the
  // run's state there. False when the run's settings were changed after the run started (the
  // replay follows the first settings) or the replay diverged early.
  bool exact = false;
  std::vector<NamedVector> state;
};

// The optimizer state at an old step is not kept by the trace; it is recomputed by
// deterministic replay (a Run from the same config gives bit-identical numbers) on a worker
// thread. The latest request wins; the worker keeps checkpoints (copies of the Run) so that
// moving along a path replays only the steps in between; outcomes are cached by
// (run, generation, step) and announced on the GUI thread.
class HoverStateReplay : public QObject {
  Q_OBJECT
 public:
  explicit HoverStateReplay(QObject* parent = nullptr);
  ~HoverStateReplay() override;  // cancels the replay in progress and joins the worker

  const ReplayOutcome* cached(const ReplayKey& key) const;
  // `config` is the config the run had when this generation started; `expectedParams` and
  // `expectedLoss` are the trace's numbers at key.step, which an exact replay reproduces.
  void request(const ReplayKey& key, std::shared_ptr<const RunConfig> config,
               Eigen::VectorXd expectedParams, double expectedLoss);

 signals:
  void replayed(optiscope::ui::ReplayKey key);  // cached(key) is now available

 private:
  struct Job {
    ReplayKey key;
    std::shared_ptr<const RunConfig> config;
    Eigen::VectorXd expectedParams;
    double expectedLoss = 0.0;
  };
  // Checkpoints of one run generation, by step; used by the worker thread only.
  struct Checkpoints {
    std::shared_ptr<const RunConfig> config;
    std::map<long long, Run> runs;
  };

  void workerLoop();
  void replay(const Job& job);
  void remember(Checkpoints& checkpoints, const Run& run);
  void store(const ReplayKey& key, ReplayOutcome outcome);

  std::map<ReplayKey, ReplayOutcome> m_cache;  // GUI thread only

  std::map<std::pair<RunId, long long>, Checkpoints> m_checkpoints;  // worker only
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::optional<Job> m_pending;
  std::atomic<bool> m_cancel{false};
  bool m_stopping = false;
  std::thread m_worker;  // last: starts once everything above exists
};

}  // namespace optiscope::ui
