#pragma once

#include "ui/panels/playback_parts.h"

namespace optiscope::ui {

class EngineController;

// The playback actions shared by the toolbar and the Run menu: Play/Pause
// (Space), Step (Right arrow) and Reset (R), kept in step with the controller's
// playing state.
class PlaybackControls : public PlaybackActions {
  Q_OBJECT
 public:
  explicit PlaybackControls(EngineController* controller, QObject* parent = nullptr);

  QAction* step() const { return stepAction(); }

 protected:
  bool isPlaying() const override;

 private:
  EngineController* m_controller;
};

// The speed slider: logarithmic from 1 step/s, its rightmost notch unlimited
// (SpeedScale).
class SpeedControl : public SpeedSlider {
  Q_OBJECT
 public:
  explicit SpeedControl(EngineController* controller, QWidget* parent = nullptr);

 protected:
  void applySpeed(double stepsPerSecond) override;

 private:
  EngineController* m_controller;
};

}  // namespace optiscope::ui
