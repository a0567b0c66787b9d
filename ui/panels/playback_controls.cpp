#include "ui/panels/playback_controls.h"

#include <QAction>
#include <QLabel>

#include "ui/controllers/engine_controller.h"
#include "ui/panels/speed_scale.h"

namespace optiscope::ui {

PlaybackControls::PlaybackControls(EngineController* controller, QObject* parent)
    : PlaybackActions({.step = QStringLiteral("&Step"),
                       .stepTip = QStringLiteral("one step of every run (Right arrow)"),
                       .resetTip = QStringLiteral("every run back to the start, step 0 (R)"),
                       .play = QStringLiteral("&Play"),
                       .playTip = QStringLiteral("run every optimizer (Space)"),
                       .pauseTip = QStringLiteral("pause every run (Space)")},
                      parent),
      m_controller(controller) {
  connect(playPause(), &QAction::triggered, m_controller, &EngineController::togglePlay);
  connect(step(), &QAction::triggered, m_controller, [this] { m_controller->step(1); });
  connect(reset(), &QAction::triggered, m_controller, &EngineController::resetAll);
  connect(m_controller, &EngineController::playingChanged, this, &PlaybackControls::showPlaying);
  showPlaying(m_controller->isPlaying());
}

bool PlaybackControls::isPlaying() const { return m_controller->isPlaying(); }

SpeedControl::SpeedControl(EngineController* controller, QWidget* parent)
    : SpeedSlider(QStringLiteral("steps per second, 1 to 100 000 on a log "
                                 "scale; rightmost: unlimited"),
                  QStringLiteral("99,999 steps/s"), parent),
      m_controller(controller) {
  setSpeed(m_controller->speed());
}

void SpeedControl::applySpeed(double stepsPerSecond) {
  m_controller->setSpeed(stepsPerSecond);
  label()->setText(SpeedScale::label(stepsPerSecond));
}

}  // namespace optiscope::ui
