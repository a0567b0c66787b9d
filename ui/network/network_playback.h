#pragma once

#include <QList>

#include "ui/panels/playback_parts.h"

namespace optiscope::ui {

class NetworkController;

// The Network page's playback, as actions for a toolbar: Play/Pause (Space),
// one epoch (Right arrow), Reset (R); and its speed slider (minibatch steps per
// second per run, on the same logarithmic notches as the landscape's).
class NetworkPlayback : public PlaybackActions {
  Q_OBJECT
 public:
  explicit NetworkPlayback(NetworkController* controller, QObject* parent = nullptr);

  QAction* stepEpoch() const { return stepAction(); }
  QList<QAction*> actions() const { return {playPause(), stepAction(), reset()}; }
  void setEnabled(bool enabled);

 protected:
  bool isPlaying() const override;

 private:
  NetworkController* m_controller;
};

class NetworkSpeedControl : public SpeedSlider {
  Q_OBJECT
 public:
  explicit NetworkSpeedControl(NetworkController* controller, QWidget* parent = nullptr);
  void refreshLabel();

 protected:
  void applySpeed(double stepsPerSecond) override;

 private:
  NetworkController* m_controller;
};

}  // namespace optiscope::ui
