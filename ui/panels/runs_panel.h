#pragma once

#include <QWidget>
#include <map>

#include "core/engine/engine_types.h"

class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace optiscope::ui {

class EngineController;
class RunEditor;

// Every run of the scene as an editor row, in the order they were added, and a button to add a
// run with any optimizer of the library. One run is "current": the Run menu's Duplicate and
// Remove act on it.
class RunsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPanel(EngineController* controller, QWidget* parent = nullptr);

  RunEditor* editor(RunId id) const;
  RunEditor* editorAt(int index) const;
  int editorCount() const { return static_cast<int>(m_editors.size()); }
  // The current run, or 0 when there is none.
  RunId currentRun() const;

 public slots:
  // Adds a run with the optimizer's defaults (sgd when `optimizer` is empty).
  void addRun(const QString& optimizer = {});
  void duplicateCurrentRun();
  void removeCurrentRun();

 private:
  void syncEditors();
  void setCurrentRun(RunId id);

  EngineController* m_controller;
  QScrollArea* m_scroll;
  QVBoxLayout* m_rows;
  QToolButton* m_add;
  std::map<RunId, RunEditor*> m_editors;
  RunId m_current = 0;
};

}  // namespace optiscope::ui
