#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

#include "ui/common/run_controller.h"

namespace optiscope::ui {

// The status bar's step counter (and epoch, where the problem has epochs), speed and diverged
// runs of the page on screen, read from its engine's snapshots. Updated at most a few times a
// second: a number changing 60 times a second cannot be read.
class StatusReadout : public QLabel {
  Q_OBJECT
 public:
  explicit StatusReadout(QWidget* parent = nullptr);

  void setController(RunController* controller);
  // Shows the latest snapshot now, whatever the throttle says.
  void refresh();

 private:
  void onUpdated();

  QPointer<RunController> m_controller;
  QList<QMetaObject::Connection> m_connections;
  QTimer m_throttle;
  bool m_stale = false;
};

}  // namespace optiscope::ui
