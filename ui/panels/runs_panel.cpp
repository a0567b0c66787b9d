#include "ui/panels/runs_panel.h"

#include <QApplication>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/optim/registry.h"
#include "ui/controllers/engine_controller.h"
#include "ui/panels/run_editor.h"

namespace optiscope::ui {

RunsPanel::RunsPanel(EngineController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  auto* scroll = m_scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* rows = new QWidget(scroll);
  m_rows = new QVBoxLayout(rows);
  m_rows->setContentsMargins(0, 0, 0, 0);
  m_rows->setSpacing(4);
  m_rows->addStretch(1);
  scroll->setWidget(rows);
  column->addWidget(scroll, 1);

  m_add = new QToolButton(this);
  m_add->setText(QStringLiteral("Add run"));
  m_add->setToolTip(QStringLiteral("add a run with any optimizer of the library"));
  m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
  m_add->setPopupMode(QToolButton::MenuButtonPopup);
  auto* menu = new QMenu(m_add);
  for (const OptimizerInfo& info : optimizerCatalog()) {
    QAction* action = menu->addAction(QString::fromStdString(info.name));
    action->setToolTip(QString::fromStdString(info.summary));
    const QString name = QString::fromStdString(info.name);
    connect(action, &QAction::triggered, this, [this, name] { addRun(name); });
  }
  menu->setToolTipsVisible(true);
  m_add->setMenu(menu);
  connect(m_add, &QToolButton::clicked, this, [this] { addRun(); });
  column->addWidget(m_add, 0, Qt::AlignLeft);

  connect(m_controller, &EngineController::runsChanged, this, &RunsPanel::syncEditors);
  connect(m_controller, &EngineController::runReplaced, this, [this](RunId oldId, RunId newId) {
    auto it = m_editors.find(oldId);
    if (it == m_editors.end()) return;
    RunEditor* editor = it->second;
    m_editors.erase(it);
    editor->setRunId(newId);
    m_editors[newId] = editor;
    if (m_current == oldId) m_current = newId;
  });
  // Working in a run's fields makes it the current run (the Run menu acts on it).
  connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
    for (QWidget* w = now; w; w = w->parentWidget())
      if (auto* editor = qobject_cast<RunEditor*>(w)) return setCurrentRun(editor->runId());
  });
  syncEditors();
}

RunEditor* RunsPanel::editor(RunId id) const {
  auto it = m_editors.find(id);
  return it == m_editors.end() ? nullptr : it->second;
}

RunEditor* RunsPanel::editorAt(int index) const {
  const auto& ids = m_controller->runIds();
  return index >= 0 && index < static_cast<int>(ids.size()) ? editor(ids[index]) : nullptr;
}

RunId RunsPanel::currentRun() const { return m_current; }

void RunsPanel::syncEditors() {
  const std::vector<RunId>& ids = m_controller->runIds();
  for (auto it = m_editors.begin(); it != m_editors.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      it->second->hide();
      it->second->deleteLater();
      it = m_editors.erase(it);
    } else {
      ++it;
    }
  }
  for (int index = 0; index < static_cast<int>(ids.size()); ++index) {
    RunEditor*& editor = m_editors[ids[index]];
    if (!editor) {
      editor = new RunEditor(m_controller, ids[index], this);
      connect(editor, &RunEditor::activated, this, &RunsPanel::setCurrentRun);
      connect(editor, &RunEditor::duplicateRequested, this,
              [this](RunId id) { setCurrentRun(m_controller->duplicateRun(id)); });
      connect(editor, &RunEditor::removeRequested, this, [this](RunId id) {
        // Later: the editor asking is deleted by the removal.
        QMetaObject::invokeMethod(
            this,
            [this, id] {
              if (m_editors.count(id)) m_controller->removeRun(id);
            },
            Qt::QueuedConnection);
      });
    } else {
      editor->refresh();
    }
    if (m_rows->indexOf(editor) != index) m_rows->insertWidget(index, editor);
  }
  if (!m_editors.count(m_current)) setCurrentRun(ids.empty() ? 0 : ids.back());
}

void RunsPanel::setCurrentRun(RunId id) {
  m_current = id;
  for (auto& [runId, editor] : m_editors) editor->setCurrent(runId == id);
  // Later, once the layout has placed a new row where it really is.
  QMetaObject::invokeMethod(
      this,
      [this, id] {
        if (RunEditor* e = editor(id)) m_scroll->ensureWidgetVisible(e);
      },
      Qt::QueuedConnection);
}

void RunsPanel::addRun(const QString& optimizer) {
  const std::string name = optimizer.isEmpty() ? "sgd" : optimizer.toStdString();
  const RunId id = m_controller->addRun(parseOptimizerSpec(name));
  setCurrentRun(id);
  if (RunEditor* added = editor(id)) added->setExpanded(true);
}

void RunsPanel::duplicateCurrentRun() {
  if (m_current) setCurrentRun(m_controller->duplicateRun(m_current));
}

void RunsPanel::removeCurrentRun() {
  if (m_current) m_controller->removeRun(m_current);
}

}  // namespace optiscope::ui
