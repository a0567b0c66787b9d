#include "ui/network/network_playback.h"

#include <QAction>
#include <QLabel>
#include <cmath>

#include "ui/controllers/network_controller.h"
#include "ui/panels/speed_scale.h"

namespace optiscope::ui {

NetworkPlayback::NetworkPlayback(NetworkController* controller, QObject* parent)
    : PlaybackActions({.step = QStringLiteral("&Epoch"),
                       .stepTip = QStringLiteral("train every run for one epoch (Right arrow)"),
                       .resetTip = QStringLiteral("every run back to the initial network (R)"),
                       .play = QStringLiteral("&Train"),
                       .playTip = QStringLiteral("train every run (Space)"),
                       .pauseTip = QStringLiteral("pause training (Space)")},
                      parent),
      m_controller(controller) {
  connect(playPause(), &QAction::triggered, controller, &NetworkController::togglePlay);
  connect(stepEpoch(), &QAction::triggered, controller, &NetworkController::stepEpoch);
  connect(reset(), &QAction::triggered, controller, &NetworkController::resetAll);
  connect(controller, &NetworkController::playingChanged, this, &NetworkPlayback::showPlaying);
  showPlaying(controller->isPlaying());
}

void NetworkPlayback::setEnabled(bool enabled) {
  for (QAction* action : actions()) action->setEnabled(enabled);
}

bool NetworkPlayback::isPlaying() const { return m_controller->isPlaying(); }

NetworkSpeedControl::NetworkSpeedControl(NetworkController* controller, QWidget* parent)
    : SpeedSlider(QStringLiteral("minibatch steps per second per run, 1 to 100 000 on a log "
                                 "scale; rightmost: unlimited"),
                  QStringLiteral("99,999 steps/s ≈ 9,999 epochs/s"), parent),
      m_controller(controller) {
  connect(controller, &NetworkController::taskChanged, this, &NetworkSpeedControl::refreshLabel);
  setSpeed(controller->speed());
}

void NetworkSpeedControl::applySpeed(double stepsPerSecond) {
  m_controller->setSpeed(stepsPerSecond);
  refreshLabel();
}

void NetworkSpeedControl::refreshLabel() {
  const double speed = m_controller->speed();
  QString text = SpeedScale::label(speed);
  if (std::isfinite(speed))
    text += QStringLiteral(" ≈ %1 epochs/s")
                .arg(QString::number(speed / double(m_controller->batchesPerEpoch()), 'g', 3));
  label()->setText(text);
}

}  // namespace optiscope::ui
