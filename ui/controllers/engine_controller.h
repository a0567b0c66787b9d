#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/run_traces.h"

namespace optiscope::ui {

// How a run is shown; nothing here changes its numbers.
struct RunStyle {
  QString label;
  QColor color;
  bool visible = true;
};

// The GUI's single door to the engine. Widgets call these methods (which validate and throw
// SpecError on bad input, leaving everything as it was) and listen to the signals. A timer
// polls the engine's snapshot mailbox and trace deltas at 60 Hz on the GUI thread; the math
// runs on the engine's thread, never here.
class EngineController : public QObject {
  Q_OBJECT
 public:
  explicit EngineController(QObject* parent = nullptr);
  ~EngineController() override;

  // ---- the scene: one objective and one start point shared by every run
  const ObjectiveConfig& objective() const { return m_objective; }
  const Eigen::VectorXd& start() const { return m_start; }
  // Resets every run on the new objective, from `start` or the objective's default start.
  void setObjective(const ObjectiveConfig& objective,
                    std::optional<Eigen::VectorXd> start = std::nullopt);
  // Restarts every run from `start` (which must have the objective's dimension).
  void setStart(const Eigen::VectorXd& start);
  // Replaces all runs with the default scene (Rosenbrock, SGD … Adam).
  void loadDefaultScene();
  // Removes every run; the next run added gets the first palette color again.
  void clearRuns();

  // ---- runs, in the order they were added
  RunId addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule = {},
               double noiseSigma = 0.0, std::uint64_t noiseSeed = 0,
               std::optional<RunStyle> style = std::nullopt);
  RunId duplicateRun(RunId id);
  void removeRun(RunId id);
  void setOptimizer(RunId id, const OptimizerConfig& optimizer);
  void setSchedule(RunId id, const ScheduleConfig& schedule);
  // Gradient noise is part of a run's identity: changing it restarts that run under a new id
  // (announced by runReplaced before runsChanged). Returns the run's id from now on.
  RunId setNoise(RunId id, double sigma, std::uint64_t seed);
  void setStyle(RunId id, const RunStyle& style);
  const std::vector<RunId>& runIds() const { return m_order; }
  RunConfig runConfig(RunId id) const;
  const RunStyle& style(RunId id) const;

  // ---- playback
  void play();
  void pause();
  void togglePlay();
  void step(long long count = 1);
  void resetAll();
  void setSpeed(double stepsPerSecond);  // +inf: unlimited
  bool isPlaying() const { return m_playing; }
  double speed() const { return m_speed; }

  // ---- results, as of the last poll
  std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
  const RunTraces& traces() const { return m_traces; }
  Engine& engine() { return *m_engine; }

  // Polls now (tests and screenshots use it to wait for the engine).
  void pollNow();
  // Blocks until the engine is idle (or timeout), then polls; for tests and --screenshot.
  bool waitUntilIdle(int timeoutMs);

 signals:
  void updated();       // a poll brought a new snapshot or trace points
  void runsChanged();   // a run was added, removed, restyled or reconfigured
  void sceneChanged();  // the objective or the start point changed
  void playingChanged(bool playing);
  void runReplaced(RunId oldId, RunId newId);  // same run, same place, new id (see setNoise)

 private:
  void poll();
  void forgetRun(RunId id);

  std::unique_ptr<Engine> m_engine;
  QTimer m_timer;
  RunTraces m_traces;
  std::shared_ptr<const Snapshot> m_snapshot;
  std::vector<RunId> m_order;
  std::map<RunId, RunStyle> m_styles;
  ObjectiveConfig m_objective;
  Eigen::VectorXd m_start;
  bool m_playing = false;
  double m_speed;
  int m_colorsUsed = 0;
};

}  // namespace optiscope::ui
