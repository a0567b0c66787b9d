#pragma once

#include <Eigen/Core>
#include <QObject>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

#include "core/engine/run.h"
#include "core/engine/run_replayer.h"
#include "core/engine/snapshot.h"
#include "ui/background/gui_job.h"

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
  ReplayKey key;
  // The replay reproduced the trace's θ and f at that step bit for bit, so its state is the
  // run's state there. False when the run's settings were changed after the run started (the
  // replay follows the first settings) or the replay diverged early.
  bool exact = false;
  std::vector<NamedVector> state;
};

// The optimizer state at an old step is not kept by the trace; it is recomputed by
// deterministic replay (core/engine's RunReplayer, with its checkpoints) as a background job:
// the latest request wins, outcomes are cached by (run, generation, step) and announced on the
// GUI thread.
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
  // For tests: blocks until no replay is waiting or running.
  bool waitUntilIdle(int timeoutMs) const;

 signals:
  void replayed(optiscope::ui::ReplayKey key);  // cached(key) is now available

 private:
  void store(const std::shared_ptr<const ReplayOutcome>& outcome);

  std::map<ReplayKey, ReplayOutcome> m_cache;  // GUI thread only
  // Used by the job's worker thread only (one replay at a time).
  std::unique_ptr<RunReplayer> m_replayer;
  std::unique_ptr<GuiJob<ReplayOutcome>> m_job;  // last: joined before the replayer goes
};

}  // namespace optiscope::ui
