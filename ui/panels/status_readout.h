#pragma once

#include <QLabel>
#include <QTimer>

namespace optiscope::ui {

class EngineController;

// The status bar's step counter and speed, read from the engine's snapshots. Updated at most a
// few times a second: a number changing 60 times a second cannot be read.
class StatusReadout : public QLabel {
  Q_OBJECT
 public:
  explicit StatusReadout(EngineController* controller, QWidget* parent = nullptr);

  // Shows the latest snapshot now, whatever the throttle says.
  void refresh();

 private:
  EngineController* m_controller;
  QTimer m_throttle;
  bool m_stale = false;
};

}  // namespace optiscope::ui
