#pragma once

#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/run_traces.h"
#include "ui/common/run_style.h"

namespace optiscope::ui {

// A page's single door to its own engine (each page has one, so pages play independently):
// the runs in their order with their styles and palette, the selected run, playback, and a
// timer that polls snapshots and trace deltas at 60 Hz on the GUI thread (the math runs on the
// engine's thread, never here). Setters validate first and throw SpecError on bad input,
// leaving everything as it was. The pages specialize what their runs descend (a test function,
// a network task) and how a new run is made.
class RunController : public QObject {
  Q_OBJECT
 public:
  ~RunController() override;

  // ---- runs, in the order they were added
  // A run of `optimizer` and `schedule` on the page's current problem.
  RunId addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule = {},
               std::optional<RunStyle> style = std::nullopt);
  // The same configuration under the next palette color, labelled "… (copy)".
  RunId duplicateRun(RunId id);
  void removeRun(RunId id);
  // Removes every run; the next run added gets the first palette color again.
  void clearRuns();
  void setOptimizer(RunId id, const OptimizerConfig& optimizer);
  void setSchedule(RunId id, const ScheduleConfig& schedule);
  void setStyle(RunId id, const RunStyle& style);
  const std::vector<RunId>& runIds() const { return m_order; }
  RunConfig runConfig(RunId id) const;  // SpecError for an unknown run
  const RunStyle& style(RunId id) const;
  // Which palette entry the next run gets (colors are handed out in turn).
  int colorsUsed() const { return m_colorsUsed; }

  // ---- the selected run (the Run menu's Duplicate and Remove and the insight views follow
  // it); 0 when there are no runs
  RunId selectedRun() const { return m_selected; }
  void selectRun(RunId id);

  // ---- playback
  void play();
  void pause();
  void togglePlay();
  void step(long long count = 1);
  // The page's unit of stepping by hand: one step, or one epoch on a problem with epochs.
  virtual void stepOnce();
  void resetAll();
  void setSpeed(double stepsPerSecond);  // per run; +inf: unlimited
  bool isPlaying() const { return m_playing; }
  double speed() const { return m_speed; }
  // Steps per epoch of the page's problem; 0 when it has no epochs.
  virtual long long stepsPerEpoch() const { return 0; }

  // ---- results, as of the last poll
  std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
  const RunSnapshot* runSnapshot(RunId id) const;
  const RunTraces& traces() const { return m_traces; }
  Engine& engine() { return *m_engine; }

  // Polls now (tests and screenshots use it to wait for the engine).
  void pollNow();
  // Blocks until the engine is idle (or timeout), then polls; for tests and headless renders.
  bool waitUntilIdle(int timeoutMs);

 signals:
  void updated();      // a poll brought a new snapshot or trace points
  void runsChanged();  // a run was added, removed, restyled or reconfigured
  // What every run descends changed (another function or start, other data or network):
  // every run restarted.
  void problemChanged();
  void selectedRunChanged(optiscope::RunId id);
  void playingChanged(bool playing);
  void speedChanged(double stepsPerSecond);

 protected:
  explicit RunController(QObject* parent = nullptr);

  // The config of a new run of `optimizer` and `schedule` on the page's current problem.
  virtual RunConfig newRunConfig(const OptimizerConfig& optimizer,
                                 const ScheduleConfig& schedule) const = 0;
  // Adds a run of exactly `config`.
  RunId addRunConfig(const RunConfig& config, std::optional<RunStyle> style);
  // Restarts runs on new configurations at once (Engine::restartRuns), then announces it.
  void restartRuns(const std::vector<std::pair<RunId, RunConfig>>& configs);

 private:
  void poll();
  void forgetRun(RunId id);

  std::unique_ptr<Engine> m_engine;
  QTimer m_timer;
  RunTraces m_traces;
  std::shared_ptr<const Snapshot> m_snapshot;
  std::vector<RunId> m_order;
  std::map<RunId, RunStyle> m_styles;
  RunId m_selected = 0;
  bool m_playing = false;
  double m_speed;
  int m_colorsUsed = 0;
};

}  // namespace optiscope::ui
