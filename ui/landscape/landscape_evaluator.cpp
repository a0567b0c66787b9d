#include "ui/landscape/landscape_evaluator.h"

#include <stdexcept>
#include <utility>

namespace optiscope::ui {

LandscapeEvaluator::LandscapeEvaluator(QObject* parent)
    : QObject(parent),
      m_job(std::make_unique<GuiJob<LandscapeResult>>(
          [this](std::shared_ptr<const LandscapeResult> result) { deliver(result); })) {
  m_debounce.setSingleShot(true);
  m_debounce.setInterval(kDebounceMs);
  connect(&m_debounce, &QTimer::timeout, this, &LandscapeEvaluator::flushPending);
}

LandscapeEvaluator::~LandscapeEvaluator() { m_job.reset(); }

void LandscapeEvaluator::schedule(LandscapeRequest request) {
  m_pending = std::make_unique<LandscapeRequest>(std::move(request));
  m_debounce.start();
}

void LandscapeEvaluator::requestNow(LandscapeRequest request) {
  m_pending = std::make_unique<LandscapeRequest>(std::move(request));
  flushPending();
}

void LandscapeEvaluator::cancel() {
  m_pending.reset();
  m_debounce.stop();
  m_job->cancelAll();
  m_lastGeneration = 0;
}

void LandscapeEvaluator::setDebounceInterval(std::chrono::milliseconds interval) {
  m_debounce.setInterval(static_cast<int>(interval.count()));
}

void LandscapeEvaluator::flushPending() {
  m_debounce.stop();
  if (!m_pending) return;
  const std::unique_ptr<LandscapeRequest> request = std::move(m_pending);
  try {
    validateLandscapeRequest(*request);
  } catch (const std::invalid_argument&) {
    // A view QCustomPlot allows but a grid cannot resolve (zoomed below rounding): keep
    // showing the last landscape.
    return;
  }
  m_lastGeneration = m_job->request(landscapeWork(*request));
  ++m_requestCount;
  m_sinceRequest.start();
  m_coarseLatencyMs = m_fineLatencyMs = -1.0;
}

void LandscapeEvaluator::deliver(const std::shared_ptr<const LandscapeResult>& result) {
  // The job drops results of superseded requests; this is the last one asked for.
  if (result->generation != m_lastGeneration) return;
  ++m_resultCount;
  const double latency = static_cast<double>(m_sinceRequest.nsecsElapsed()) * 1e-6;
  (result->resolution == Resolution::kFine ? m_fineLatencyMs : m_coarseLatencyMs) = latency;
  emit resultReady(result);
}

}  // namespace optiscope::ui
