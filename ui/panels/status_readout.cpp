#include "ui/panels/status_readout.h"

#include <algorithm>

#include "ui/controllers/engine_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kShowEveryMs = 250;

QString compactRate(double perSecond) {
  if (perSecond >= 1e6) return QStringLiteral("%1 M").arg(perSecond / 1e6, 0, 'f', 2);
  if (perSecond >= 1e4) return QStringLiteral("%1 k").arg(perSecond / 1e3, 0, 'f', 1);
  return QStringLiteral("%1 ").arg(perSecond, 0, 'f', 0);
}

}  // namespace

StatusReadout::StatusReadout(EngineController* controller, QWidget* parent)
    : QLabel(parent), m_controller(controller) {
  setToolTip(QStringLiteral("the furthest run's step, and steps per second per run"));
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kShowEveryMs);
  connect(&m_throttle, &QTimer::timeout, this, [this] {
    if (m_stale) refresh();
  });
  connect(m_controller, &EngineController::updated, this, [this] {
    const auto snapshot = m_controller->snapshot();
    // An idle engine's state is final: show it now rather than after the throttle.
    if (m_throttle.isActive() && !(snapshot && snapshot->idle))
      m_stale = true;  // shown when the throttle expires, so the last state is never missed
    else
      refresh();
  });
  connect(m_controller, &EngineController::playingChanged, this, &StatusReadout::refresh);
  refresh();
}

void StatusReadout::refresh() {
  m_stale = false;
  m_throttle.start();
  const auto snapshot = m_controller->snapshot();
  long long step = 0;
  double rate = 0.0;
  int diverged = 0;
  if (snapshot) {
    for (const RunSnapshot& run : snapshot->runs) {
      step = std::max(step, run.step);
      rate = std::max(rate, run.stepsPerSecond);
      diverged += run.diverged ? 1 : 0;
    }
  }
  QString text = QStringLiteral("step %L1   ·   %2steps/s").arg(step).arg(compactRate(rate));
  if (diverged) text += QStringLiteral("   ·   %1 diverged").arg(diverged);
  text += m_controller->isPlaying() ? QStringLiteral("   ·   playing")
                                    : QStringLiteral("   ·   paused");
  setText(text);
}

}  // namespace optiscope::ui
