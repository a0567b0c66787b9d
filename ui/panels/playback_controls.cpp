#include "ui/panels/playback_controls.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include "ui/controllers/engine_controller.h"
#include "ui/panels/speed_scale.h"
#include "ui/views/drawn_icons.h"

namespace optiscope::ui {

PlaybackControls::PlaybackControls(EngineController* controller, QObject* parent)
    : QObject(parent),
      m_controller(controller),
      m_playPause(new QAction(this)),
      m_step(new QAction(QStringLiteral("&Step"), this)),
      m_reset(new QAction(QStringLiteral("&Reset"), this)) {
  m_playPause->setShortcut(Qt::Key_Space);
  m_step->setShortcut(Qt::Key_Right);
  m_step->setToolTip(QStringLiteral("one step of every run (Right arrow)"));
  m_reset->setShortcut(Qt::Key_R);
  m_reset->setToolTip(QStringLiteral("every run back to the start, step 0 (R)"));
  connect(m_playPause, &QAction::triggered, m_controller, &EngineController::togglePlay);
  connect(m_step, &QAction::triggered, m_controller, [this] { m_controller->step(1); });
  connect(m_reset, &QAction::triggered, m_controller, &EngineController::resetAll);
  connect(m_controller, &EngineController::playingChanged, this, &PlaybackControls::showPlaying);
  qApp->installEventFilter(this);  // icons are drawn in the palette's text color
  showPlaying(m_controller->isPlaying());
}

bool PlaybackControls::eventFilter(QObject* watched, QEvent* event) {
  if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
    showPlaying(m_controller->isPlaying());
  return QObject::eventFilter(watched, event);
}

void PlaybackControls::showPlaying(bool playing) {
  const QColor ink = QApplication::palette().color(QPalette::ButtonText);
  m_step->setIcon(stepIcon(ink));
  m_reset->setIcon(resetIcon(ink));
  m_playPause->setText(playing ? QStringLiteral("&Pause") : QStringLiteral("&Play"));
  m_playPause->setIcon(playing ? pauseIcon(ink) : playIcon(ink));
  m_playPause->setToolTip(playing ? QStringLiteral("pause every run (Space)")
                                  : QStringLiteral("run every optimizer (Space)"));
}

SpeedControl::SpeedControl(EngineController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_label(new QLabel(this)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(6, 0, 6, 0);
  row->addWidget(new QLabel(QStringLiteral("Speed"), this));
  m_slider->setRange(0, SpeedScale::kUnlimitedNotch);
  m_slider->setPageStep(SpeedScale::kNotchesPerDecade);
  m_slider->setTickPosition(QSlider::TicksBelow);
  m_slider->setTickInterval(SpeedScale::kNotchesPerDecade);
  m_slider->setMinimumWidth(160);
  m_slider->setMaximumWidth(320);
  m_slider->setToolTip(
      QStringLiteral("steps per second, 1 to 100 000 on a log scale; rightmost: unlimited"));
  // Wide enough for the longest label so the toolbar does not jump while dragging.
  m_label->setMinimumWidth(
      m_label->fontMetrics().horizontalAdvance(QStringLiteral("99,999 steps/s")));
  row->addWidget(m_slider);
  row->addWidget(m_label);
  row->addStretch(1);
  connect(m_slider, &QSlider::valueChanged, this, &SpeedControl::apply);
  setSpeed(m_controller->speed());
}

void SpeedControl::setSpeed(double stepsPerSecond) {
  const int notch = SpeedScale::notchFor(stepsPerSecond);
  const QSignalBlocker block(m_slider);
  m_slider->setValue(notch);
  apply(notch);
}

void SpeedControl::apply(int notch) {
  const double speed = SpeedScale::speedAt(notch);
  m_controller->setSpeed(speed);
  m_label->setText(SpeedScale::label(speed));
}

}  // namespace optiscope::ui
