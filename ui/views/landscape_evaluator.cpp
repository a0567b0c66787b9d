#include "ui/views/landscape_evaluator.h"

#include <QMetaObject>
#include <QPointer>
#include <stdexcept>
#include <utility>

namespace optiscope::ui {

LandscapeEvaluator::LandscapeEvaluator(QObject* parent) : QObject(parent) {
  m_debounce.setSingleShot(true);
  m_debounce.setInterval(kDebounceMs);
  connect(&m_debounce, &QTimer::timeout, this, &LandscapeEvaluator::sendPending);
  // Runs on the job's worker thread: only queue the hand-over. A queued call to a destroyed
  // receiver is discarded by Qt, and the job (destroyed first) joins its worker anyway.
  m_job = std::make_unique<LandscapeJob>([this](std::shared_ptr<const LandscapeResult> result) {
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)] { deliver(result); }, Qt::QueuedConnection);
  });
}

LandscapeEvaluator::~LandscapeEvaluator() { m_job.reset(); }

void LandscapeEvaluator::schedule(LandscapeRequest request) {
  m_pending = std::make_unique<LandscapeRequest>(std::move(request));
  m_debounce.start();
}

void LandscapeEvaluator::requestNow(LandscapeRequest request) {
  m_pending = std::make_unique<LandscapeRequest>(std::move(request));
  m_debounce.stop();
  sendPending();
}

void LandscapeEvaluator::cancel() {
  m_pending.reset();
  m_debounce.stop();
  m_lastGeneration = 0;  // the job numbers requests from 1: no result matches
}

void LandscapeEvaluator::sendPending() {
  if (!m_pending) return;
  const std::unique_ptr<LandscapeRequest> request = std::move(m_pending);
  try {
    m_lastGeneration = m_job->request(*request);
    ++m_requestCount;
    m_sinceRequest.start();
    m_coarseLatencyMs = m_fineLatencyMs = -1.0;
  } catch (const std::invalid_argument&) {
    // A view QCustomPlot allows but a grid cannot resolve (zoomed below rounding): keep
    // showing the last landscape.
  }
}

void LandscapeEvaluator::deliver(const std::shared_ptr<const LandscapeResult>& result) {
  // The job never delivers a stale result, but one already queued here can be overtaken.
  if (result->generation != m_lastGeneration) return;
  ++m_resultCount;
  const double latency = static_cast<double>(m_sinceRequest.nsecsElapsed()) * 1e-6;
  (result->resolution == Resolution::kFine ? m_fineLatencyMs : m_coarseLatencyMs) = latency;
  emit resultReady(result);
}

}  // namespace optiscope::ui
