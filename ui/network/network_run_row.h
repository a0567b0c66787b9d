#pragma once

#include <QFrame>

#include "core/engine/engine_types.h"

class QLabel;
class QLineEdit;
class QToolButton;

namespace optiscope::ui {

class NetworkController;
class SpecEditor;

// One run of the Network page: its label in its color, color swatch, duplicate and remove,
// the optimizer with every hyperparameter, the schedule, and a live line (epoch, losses,
// accuracy). A click anywhere selects the run (the insight views follow the selected run).
class NetworkRunRow : public QFrame {
  Q_OBJECT
 public:
  NetworkRunRow(NetworkController* controller, RunId id, QWidget* parent = nullptr);

  RunId runId() const { return m_id; }
  void refresh();        // configuration and style from the controller
  void refreshStatus();  // the live line from the latest snapshot
  void setSelected(bool selected);

  SpecEditor* optimizerEditor() const { return m_optimizer; }
  SpecEditor* scheduleEditor() const { return m_schedule; }
  QToolButton* duplicateButton() const { return m_duplicate; }
  QToolButton* removeButton() const { return m_remove; }
  QToolButton* expandButton() const { return m_expand; }
  void setExpanded(bool expanded);  // shows the schedule
  QLabel* statusLabel() const { return m_status; }

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void refreshStyle();
  void chooseColor();

  NetworkController* m_controller;
  RunId m_id;
  QToolButton* m_swatch;
  QLineEdit* m_label;
  QToolButton* m_expand;
  QToolButton* m_duplicate;
  QToolButton* m_remove;
  SpecEditor* m_optimizer;
  SpecEditor* m_schedule;
  QLabel* m_status;
};

}  // namespace optiscope::ui
