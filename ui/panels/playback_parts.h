#pragma once

#include <QObject>
#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QSlider;

namespace optiscope::ui {

// What the playback actions say; the landscape and the Network page differ only
// in words.
struct PlaybackWording {
  QString step;      // the step action's text
  QString stepTip;   // its tooltip
  QString resetTip;  // the Reset action's tooltip
  QString play;      // Play/Pause's text while paused
  QString playTip;   // Play/Pause's tooltip while paused
  QString pauseTip;  // Play/Pause's tooltip while playing
};

// Play/Pause (Space), a step (Right arrow) and Reset (R) for a toolbar or menu.
// The icons are drawn in the palette's button text color, so they are redrawn
// when the palette changes. Subclasses wire the actions to their controller and
// call showPlaying when it starts or stops.
class PlaybackActions : public QObject {
  Q_OBJECT
 public:
  QAction* playPause() const { return m_playPause; }
  QAction* stepAction() const { return m_step; }
  QAction* reset() const { return m_reset; }

 protected:
  PlaybackActions(PlaybackWording wording, QObject* parent);
  virtual bool isPlaying() const = 0;
  void showPlaying(bool playing);
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  PlaybackWording m_wording;
  QAction* m_playPause;
  QAction* m_step;
  QAction* m_reset;
};

// The speed slider: logarithmic from 1 step/s, its rightmost notch unlimited
// (SpeedScale), with a label of the speed in effect. Subclasses put a speed
// into effect and show it.
class SpeedSlider : public QWidget {
  Q_OBJECT
 public:
  QSlider* slider() const { return m_slider; }
  // Moves the slider to the notch nearest `stepsPerSecond` and applies that
  // notch's speed.
  void setSpeed(double stepsPerSecond);

 protected:
  // `widestLabel` sizes the label so the toolbar does not jump while dragging.
  SpeedSlider(const QString& toolTip, const QString& widestLabel, QWidget* parent);
  virtual void applySpeed(double stepsPerSecond) = 0;
  QLabel* label() const { return m_label; }

 private:
  QSlider* m_slider;
  QLabel* m_label;
};

}  // namespace optiscope::ui
