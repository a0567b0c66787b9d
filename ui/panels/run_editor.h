#pragma once

#include <QFrame>

#include "core/engine/engine_types.h"

class QCheckBox;
class QLineEdit;
class QToolButton;
class QWidget;

namespace optiscope::ui {

class EngineController;
class ParamForm;
class SpecEditor;

// One run in the runs panel: its label in its color, color and visibility, the optimizer with
// every hyperparameter, and (expanded) the schedule, gradient noise and seed. Every change goes
// to the controller at once; what the controller refuses is shown in place.
class RunEditor : public QFrame {
  Q_OBJECT
 public:
  RunEditor(EngineController* controller, RunId id, QWidget* parent = nullptr);

  RunId runId() const { return m_id; }
  // The run was restarted under a new id (see EngineController::runReplaced).
  void setRunId(RunId id) { m_id = id; }
  // Shows the controller's current configuration and style (fields being edited are kept).
  void refresh();
  void setExpanded(bool expanded);
  bool isExpanded() const;
  void setCurrent(bool current);

  SpecEditor* optimizerEditor() const { return m_optimizer; }
  SpecEditor* scheduleEditor() const { return m_schedule; }
  ParamForm* noiseForm() const { return m_noise; }
  QLineEdit* labelEdit() const { return m_label; }
  QCheckBox* visibleBox() const { return m_visible; }

 signals:
  void duplicateRequested(RunId id);
  void removeRequested(RunId id);
  void activated(RunId id);  // the user touched this run: it becomes the current one

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QWidget* buildHeader();
  QWidget* buildDetails();
  void chooseColor();
  void applyNoise(const QString& key, const QString& text);
  void refreshStyle();

  EngineController* m_controller;
  RunId m_id;
  bool m_current = false;
  QToolButton* m_swatch = nullptr;
  QLineEdit* m_label = nullptr;
  QCheckBox* m_visible = nullptr;
  QToolButton* m_expand = nullptr;
  QToolButton* m_duplicate = nullptr;
  QToolButton* m_remove = nullptr;
  SpecEditor* m_optimizer = nullptr;
  SpecEditor* m_schedule = nullptr;
  ParamForm* m_noise = nullptr;
  QWidget* m_details = nullptr;
};

}  // namespace optiscope::ui
