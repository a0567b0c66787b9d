#include "ui/network/network_runs_panel.h"

#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/optim/registry.h"
#include "ui/controllers/network_controller.h"
#include "ui/network/network_run_row.h"

namespace optiscope::ui {

NetworkRunsPanel::NetworkRunsPanel(NetworkController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* rows = new QWidget(scroll);
  m_list = new QVBoxLayout(rows);
  m_list->setContentsMargins(0, 0, 0, 0);
  m_list->setSpacing(4);
  m_list->addStretch(1);
  scroll->setWidget(rows);
  column->addWidget(scroll, 1);

  m_add = new QToolButton(this);
  m_add->setText(QStringLiteral("Add run"));
  m_add->setToolTip(QStringLiteral("another optimizer training the same initial network"));
  m_add->setPopupMode(QToolButton::MenuButtonPopup);
  auto* menu = new QMenu(m_add);
  for (const OptimizerInfo& info : optimizerCatalog()) {
    const QString name = QString::fromStdString(info.name);
    QAction* action = menu->addAction(name);
    action->setToolTip(QString::fromStdString(info.summary));
    connect(action, &QAction::triggered, this, [this, name] { addRun(name); });
  }
  menu->setToolTipsVisible(true);
  m_add->setMenu(menu);
  connect(m_add, &QToolButton::clicked, this, [this] { addRun(); });
  column->addWidget(m_add, 0, Qt::AlignLeft);

  connect(controller, &NetworkController::runsChanged, this, &NetworkRunsPanel::syncRows);
  connect(controller, &NetworkController::selectedRunChanged, this,
          &NetworkRunsPanel::showSelection);
  connect(controller, &NetworkController::updated, this, [this] {
    for (auto& [id, row] : m_rows) row->refreshStatus();
  });
  syncRows();
}

NetworkRunRow* NetworkRunsPanel::row(RunId id) const {
  auto it = m_rows.find(id);
  return it == m_rows.end() ? nullptr : it->second;
}

void NetworkRunsPanel::addRun(const QString& optimizer) {
  const std::string name = optimizer.isEmpty() ? "adam" : optimizer.toStdString();
  m_controller->selectRun(m_controller->addRun(parseOptimizerSpec(name)));
}

void NetworkRunsPanel::syncRows() {
  const auto& ids = m_controller->runIds();
  for (auto it = m_rows.begin(); it != m_rows.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      it->second->deleteLater();
      it = m_rows.erase(it);
    } else {
      it->second->refresh();
      ++it;
    }
  }
  for (RunId id : ids)
    if (!m_rows.count(id)) {
      auto* row = new NetworkRunRow(m_controller, id);
      m_list->insertWidget(m_list->count() - 1, row);
      m_rows[id] = row;
    }
  showSelection();
}

void NetworkRunsPanel::showSelection() {
  for (auto& [id, row] : m_rows) row->setSelected(id == m_controller->selectedRun());
}

}  // namespace optiscope::ui
