#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSlider;

#include "ui/common/run_controller.h"

namespace optiscope::ui {

// Play/Pause (Space), Step (Right arrow) and Reset (R) for the toolbar and the Run menu, acting
// on the page on screen: Step advances every run one step, or one epoch on a page whose
// problem has epochs. The icons are drawn in the palette's button text color, so they are
// redrawn when the palette changes.
class PlaybackControls : public QObject {
  Q_OBJECT
 public:
  explicit PlaybackControls(QObject* parent = nullptr);

  // The controller the actions drive (the visible page's); null disables them.
  void setController(RunController* controller);
  RunController* controller() const { return m_controller; }

  QAction* playPause() const { return m_playPause; }
  QAction* step() const { return m_step; }
  QAction* reset() const { return m_reset; }
  QList<QAction*> actions() const { return {m_playPause, m_step, m_reset}; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showPlaying();

  QPointer<RunController> m_controller;
  QList<QMetaObject::Connection> m_connections;
  QAction* m_playPause;
  QAction* m_step;
  QAction* m_reset;
};

// The speed slider of the page on screen: logarithmic from 1 step/s, its rightmost notch
// unlimited (SpeedScale), with the speed in effect beside it (and the epochs per second it
// makes where the problem has epochs).
class SpeedControl : public QWidget {
  Q_OBJECT
 public:
  explicit SpeedControl(QWidget* parent = nullptr);

  void setController(RunController* controller);
  QSlider* slider() const { return m_slider; }
  QLabel* label() const { return m_label; }
  // Moves the slider to the notch nearest `stepsPerSecond` and applies that notch's speed.
  void setSpeed(double stepsPerSecond);

 private:
  void applySpeed(double stepsPerSecond);
  void showSpeed();

  QPointer<RunController> m_controller;
  QList<QMetaObject::Connection> m_connections;
  QSlider* m_slider;
  QLabel* m_label;
};

}  // namespace optiscope::ui
