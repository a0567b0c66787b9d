#pragma once

#include <QObject>
#include <QWidget>

class QAction;
class QLabel;
class QSlider;

namespace optiscope::ui {

class EngineController;

// The playback actions shared by the toolbar and the Run menu: Play/Pause (Space), Step (Right
// arrow) and Reset (R), kept in step with the controller's playing state.
class PlaybackControls : public QObject {
  Q_OBJECT
 public:
  explicit PlaybackControls(EngineController* controller, QObject* parent = nullptr);

  QAction* playPause() const { return m_playPause; }
  QAction* step() const { return m_step; }
  QAction* reset() const { return m_reset; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showPlaying(bool playing);

  EngineController* m_controller;
  QAction* m_playPause;
  QAction* m_step;
  QAction* m_reset;
};

// The speed slider: logarithmic from 1 step/s, its rightmost notch unlimited (SpeedScale).
class SpeedControl : public QWidget {
  Q_OBJECT
 public:
  explicit SpeedControl(EngineController* controller, QWidget* parent = nullptr);

  QSlider* slider() const { return m_slider; }
  // Moves the slider to the notch nearest `stepsPerSecond` and applies that notch's speed.
  void setSpeed(double stepsPerSecond);

 private:
  void apply(int notch);

  EngineController* m_controller;
  QSlider* m_slider;
  QLabel* m_label;
};

}  // namespace optiscope::ui
