#include "ui/common/status_readout.h"

#include <algorithm>

#include "ui/common/run_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kShowEveryMs = 250;

QString compactRate(double perSecond) {
  if (perSecond >= 1e6) return QStringLiteral("%1 M").arg(perSecond / 1e6, 0, 'f', 2);
  if (perSecond >= 1e4) return QStringLiteral("%1 k").arg(perSecond / 1e3, 0, 'f', 1);
  return QStringLiteral("%1 ").arg(perSecond, 0, 'f', 0);
}

}  // namespace

StatusReadout::StatusReadout(QWidget* parent) : QLabel(parent) {
  setToolTip(tr("the furthest run's step, and steps per second per run"));
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kShowEveryMs);
  connect(&m_throttle, &QTimer::timeout, this, [this] {
    if (m_stale) refresh();
  });
}

void StatusReadout::setController(RunController* controller) {
  for (const QMetaObject::Connection& connection : m_connections) disconnect(connection);
  m_connections.clear();
  m_controller = controller;
  if (controller)
    m_connections << connect(controller, &RunController::updated, this, &StatusReadout::onUpdated)
                  << connect(controller, &RunController::playingChanged, this,
                             &StatusReadout::refresh);
  refresh();
}

void StatusReadout::onUpdated() {
  const auto snapshot = m_controller->snapshot();
  // An idle engine's state is final: show it now rather than after the throttle.
  if (m_throttle.isActive() && !(snapshot && snapshot->idle))
    m_stale = true;  // shown when the throttle expires, so the last state is never missed
  else
    refresh();
}

void StatusReadout::refresh() {
  m_stale = false;
  m_throttle.start();
  if (!m_controller) return setText({});
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
  QString text = tr("step %L1").arg(step);
  if (const long long perEpoch = m_controller->stepsPerEpoch(); perEpoch > 0)
    text += tr(" (epoch %L1)").arg(step / perEpoch);
  text += tr("   ·   %1steps/s").arg(compactRate(rate));
  if (diverged) text += tr("   ·   %1 diverged").arg(diverged);
  text += m_controller->isPlaying() ? tr("   ·   playing") : tr("   ·   paused");
  setText(text);
}

}  // namespace optiscope::ui
