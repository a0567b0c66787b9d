#include "ui/common/playback_controls.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <cmath>

#include "ui/common/drawn_icons.h"
#include "ui/common/run_controller.h"
#include "ui/common/speed_scale.h"

namespace optiscope::ui {

PlaybackControls::PlaybackControls(QObject* parent)
    : QObject(parent),
      m_playPause(new QAction(this)),
      m_step(new QAction(this)),
      m_reset(new QAction(QStringLiteral("&Reset"), this)) {
  m_playPause->setShortcut(Qt::Key_Space);
  m_step->setShortcut(Qt::Key_Right);
  m_reset->setShortcut(Qt::Key_R);
  connect(m_playPause, &QAction::triggered, this, [this] {
    if (m_controller) m_controller->togglePlay();
  });
  connect(m_step, &QAction::triggered, this, [this] {
    if (m_controller) m_controller->stepOnce();
  });
  connect(m_reset, &QAction::triggered, this, [this] {
    if (m_controller) m_controller->resetAll();
  });
  qApp->installEventFilter(this);  // icons are drawn in the palette's text color
  setController(nullptr);
}

void PlaybackControls::setController(RunController* controller) {
  for (const QMetaObject::Connection& connection : m_connections) disconnect(connection);
  m_connections.clear();
  m_controller = controller;
  for (QAction* action : actions()) action->setEnabled(controller != nullptr);
  if (controller) {
    m_connections << connect(controller, &RunController::playingChanged, this,
                             &PlaybackControls::showPlaying)
                  << connect(controller, &RunController::problemChanged, this,
                             &PlaybackControls::showPlaying);
  }
  showPlaying();
}

bool PlaybackControls::eventFilter(QObject* watched, QEvent* event) {
  if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) showPlaying();
  return QObject::eventFilter(watched, event);
}

void PlaybackControls::showPlaying() {
  const bool playing = m_controller && m_controller->isPlaying();
  const bool epochs = m_controller && m_controller->stepsPerEpoch() > 0;
  const QColor ink = QApplication::palette().color(QPalette::ButtonText);
  m_step->setIcon(stepIcon(ink));
  m_step->setText(epochs ? tr("&Epoch") : tr("&Step"));
  m_step->setToolTip(epochs ? tr("train every run for one epoch (Right arrow)")
                            : tr("one step of every run (Right arrow)"));
  m_reset->setIcon(resetIcon(ink));
  m_reset->setToolTip(tr("every run back to its start, step 0 (R)"));
  m_playPause->setText(playing ? tr("&Pause") : tr("&Play"));
  m_playPause->setIcon(playing ? pauseIcon(ink) : playIcon(ink));
  m_playPause->setToolTip(playing ? tr("pause every run (Space)")
                                  : tr("run every optimizer (Space)"));
}

SpeedControl::SpeedControl(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_label(new QLabel(this)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(6, 0, 6, 0);
  row->addWidget(new QLabel(tr("Speed"), this));
  m_slider->setRange(0, SpeedScale::kUnlimitedNotch);
  m_slider->setPageStep(SpeedScale::kNotchesPerDecade);
  m_slider->setTickPosition(QSlider::TicksBelow);
  m_slider->setTickInterval(SpeedScale::kNotchesPerDecade);
  m_slider->setMinimumWidth(160);
  m_slider->setMaximumWidth(320);
  m_slider->setToolTip(
      tr("steps per second per run, 1 to 100 000 on a log scale; rightmost: unlimited"));
  m_slider->setAccessibleName(tr("Speed"));
  // Sized for the widest label, so that the toolbar does not jump while dragging.
  m_label->setMinimumWidth(
      m_label->fontMetrics().horizontalAdvance(QStringLiteral("99,999 steps/s ≈ 9,999 epochs/s")));
  row->addWidget(m_slider);
  row->addWidget(m_label);
  row->addStretch(1);
  connect(m_slider, &QSlider::valueChanged, this,
          [this](int notch) { applySpeed(SpeedScale::speedAt(notch)); });
  setController(nullptr);
}

void SpeedControl::setController(RunController* controller) {
  for (const QMetaObject::Connection& connection : m_connections) disconnect(connection);
  m_connections.clear();
  m_controller = controller;
  setEnabled(controller != nullptr);
  if (!controller) return;
  m_connections << connect(controller, &RunController::problemChanged, this,
                           &SpeedControl::showSpeed)
                << connect(controller, &RunController::speedChanged, this,
                           &SpeedControl::showSpeed);
  showSpeed();
}

void SpeedControl::setSpeed(double stepsPerSecond) {
  const int notch = SpeedScale::notchFor(stepsPerSecond);
  const QSignalBlocker block(m_slider);
  m_slider->setValue(notch);
  applySpeed(SpeedScale::speedAt(notch));
}

void SpeedControl::applySpeed(double stepsPerSecond) {
  if (!m_controller) return;
  m_controller->setSpeed(stepsPerSecond);
  showSpeed();
}

void SpeedControl::showSpeed() {
  if (!m_controller) return;
  const double speed = m_controller->speed();
  {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(SpeedScale::notchFor(speed));
  }
  QString text = SpeedScale::label(speed);
  const long long perEpoch = m_controller->stepsPerEpoch();
  if (std::isfinite(speed) && perEpoch > 0)
    text += tr(" ≈ %1 epochs/s").arg(QString::number(speed / double(perEpoch), 'g', 3));
  m_label->setText(text);
}

}  // namespace optiscope::ui
