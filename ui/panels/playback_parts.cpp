#include "ui/panels/playback_parts.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <utility>

#include "ui/panels/speed_scale.h"
#include "ui/views/drawn_icons.h"

namespace optiscope::ui {

PlaybackActions::PlaybackActions(PlaybackWording wording, QObject* parent)
    : QObject(parent),
      m_wording(std::move(wording)),
      m_playPause(new QAction(this)),
      m_step(new QAction(m_wording.step, this)),
      m_reset(new QAction(QStringLiteral("&Reset"), this)) {
  m_playPause->setShortcut(Qt::Key_Space);
  m_step->setShortcut(Qt::Key_Right);
  m_step->setToolTip(m_wording.stepTip);
  m_reset->setShortcut(Qt::Key_R);
  m_reset->setToolTip(m_wording.resetTip);
  qApp->installEventFilter(this);  // icons are drawn in the palette's text color
}

bool PlaybackActions::eventFilter(QObject* watched, QEvent* event) {
  if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
    showPlaying(isPlaying());
  return QObject::eventFilter(watched, event);
}

void PlaybackActions::showPlaying(bool playing) {
  const QColor ink = QApplication::palette().color(QPalette::ButtonText);
  m_step->setIcon(stepIcon(ink));
  m_reset->setIcon(resetIcon(ink));
  m_playPause->setText(playing ? QStringLiteral("&Pause") : m_wording.play);
  m_playPause->setIcon(playing ? pauseIcon(ink) : playIcon(ink));
  m_playPause->setToolTip(playing ? m_wording.pauseTip : m_wording.playTip);
}

SpeedSlider::SpeedSlider(const QString& toolTip, const QString& widestLabel, QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_label(new QLabel(this)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(6, 0, 6, 0);
  row->addWidget(new QLabel(QStringLiteral("Speed"), this));
  m_slider->setRange(0, SpeedScale::kUnlimitedNotch);
  m_slider->setPageStep(SpeedScale::kNotchesPerDecade);
  m_slider->setTickPosition(QSlider::TicksBelow);
  m_slider->setTickInterval(SpeedScale::kNotchesPerDecade);
  m_slider->setMinimumWidth(160);
  m_slider->setMaximumWidth(320);
  m_slider->setToolTip(toolTip);
  m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(widestLabel));
  row->addWidget(m_slider);
  row->addWidget(m_label);
  row->addStretch(1);
  connect(m_slider, &QSlider::valueChanged, this,
          [this](int notch) { applySpeed(SpeedScale::speedAt(notch)); });
}

void SpeedSlider::setSpeed(double stepsPerSecond) {
  const int notch = SpeedScale::notchFor(stepsPerSecond);
  const QSignalBlocker block(m_slider);
  m_slider->setValue(notch);
  applySpeed(SpeedScale::speedAt(notch));
}

}  // namespace optiscope::ui
