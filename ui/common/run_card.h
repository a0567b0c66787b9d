#pragma once

#include <QFrame>

#include "core/engine/engine_types.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace optiscope::ui {

class RunCardExtras;
class RunController;
class SpecEditor;

// One run in the runs list: its label in its color (click to rename), color swatch,
// visibility, expand, duplicate and remove; the optimizer with every hyperparameter; a live
// status line; and, expanded, the schedule and the page's own fields (gradient noise on the
// Landscape page). Every change goes to the controller at once; what it refuses is shown in
// place. Touching the card selects its run.
class RunCard : public QFrame {
  Q_OBJECT
 public:
  RunCard(RunController* controller, RunCardExtras* extras, RunId id, QWidget* parent = nullptr);

  RunId runId() const { return m_id; }
  // Shows the controller's current configuration and style (fields being edited are kept).
  void refresh();
  // The live line, from the controller's latest snapshot.
  void refreshStatus();
  void setExpanded(bool expanded);
  bool isExpanded() const;
  void setSelected(bool selected);

  SpecEditor* optimizerEditor() const { return m_optimizer; }
  SpecEditor* scheduleEditor() const { return m_schedule; }
  QWidget* pageDetails() const { return m_pageDetails; }
  QLineEdit* labelEdit() const { return m_label; }
  QCheckBox* visibleBox() const { return m_visible; }
  QToolButton* expandButton() const { return m_expand; }
  QToolButton* duplicateButton() const { return m_duplicate; }
  QToolButton* removeButton() const { return m_remove; }
  QToolButton* renameButton() const { return m_rename; }
  QLabel* statusLabel() const { return m_status; }

 signals:
  void duplicateRequested(optiscope::RunId id);
  void removeRequested(optiscope::RunId id);

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QWidget* buildHeader();
  QWidget* buildDetails();
  void chooseColor();
  void refreshStyle();
  void select();

  RunController* m_controller;
  RunCardExtras* m_extras;
  RunId m_id;
  QToolButton* m_swatch = nullptr;
  QToolButton* m_rename = nullptr;
  QLineEdit* m_label = nullptr;
  QCheckBox* m_visible = nullptr;
  QToolButton* m_expand = nullptr;
  QToolButton* m_duplicate = nullptr;
  QToolButton* m_remove = nullptr;
  SpecEditor* m_optimizer = nullptr;
  QLabel* m_status = nullptr;
  QWidget* m_details = nullptr;
  SpecEditor* m_schedule = nullptr;
  QWidget* m_pageDetails = nullptr;
};

}  // namespace optiscope::ui
