#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <memory>

#include "core/landscape/landscape_job.h"
#include "ui/background/gui_job.h"

namespace optiscope::ui {

// The GUI side of the landscape job: debounces view changes (a wheel turn or a drag produces a
// burst of them), hands the newest one to the job, and delivers results on the GUI thread,
// dropping any that a newer request made stale. Coarse results come first, fine ones after.
class LandscapeEvaluator : public QObject {
  Q_OBJECT
 public:
  static constexpr int kDebounceMs = 30;

  explicit LandscapeEvaluator(QObject* parent = nullptr);
  ~LandscapeEvaluator() override;

  // Replaces any request still waiting for the debounce timer; sent when it fires.
  void schedule(LandscapeRequest request);
  // Sends now, cancelling the debounce (a new function should not wait).
  void requestNow(LandscapeRequest request);
  // Forgets the waiting request and drops every result still on its way (the function they
  // were computed for is gone).
  void cancel();

  // ---- the debounce, driven deterministically by tests
  bool hasPending() const { return m_pending != nullptr; }
  // Sends the waiting request now, as the debounce timer would when it fires.
  void flushPending();
  void setDebounceInterval(std::chrono::milliseconds interval);

  // For tests and diagnostics: requests handed to the job, results delivered.
  int requestCount() const { return m_requestCount; }
  int resultCount() const { return m_resultCount; }
  std::uint64_t lastGeneration() const { return m_lastGeneration; }
  // Nothing waiting for the debounce, and the job has finished with the last request (its
  // results may still be on their way to the GUI thread).
  bool settled() const { return !m_pending && m_job->idle(); }
  // Milliseconds from handing the last request to the job until its coarse / fine result
  // arrived on the GUI thread; -1 until it has.
  double lastCoarseLatencyMs() const { return m_coarseLatencyMs; }
  double lastFineLatencyMs() const { return m_fineLatencyMs; }

 signals:
  void resultReady(std::shared_ptr<const optiscope::LandscapeResult> result);

 private:
  void deliver(const std::shared_ptr<const LandscapeResult>& result);

  QTimer m_debounce;
  std::unique_ptr<LandscapeRequest> m_pending;
  std::uint64_t m_lastGeneration = 0;
  int m_requestCount = 0;
  int m_resultCount = 0;
  QElapsedTimer m_sinceRequest;
  double m_coarseLatencyMs = -1.0;
  double m_fineLatencyMs = -1.0;
  std::unique_ptr<GuiJob<LandscapeResult>> m_job;  // last: joined before the rest goes
};

}  // namespace optiscope::ui
