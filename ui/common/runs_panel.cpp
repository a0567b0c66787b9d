#include "ui/common/runs_panel.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/optim/registry.h"
#include "ui/common/run_card.h"
#include "ui/common/run_card_extras.h"
#include "ui/common/run_controller.h"

namespace optiscope::ui {

RunsPanel::RunsPanel(RunController* controller, RunCardExtras* extras, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_extras(extras) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  auto* scroll = m_scroll = new QScrollArea(this);
  scroll->setAccessibleName(tr("Runs"));
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* cards = new QWidget(scroll);
  m_list = new QVBoxLayout(cards);
  m_list->setContentsMargins(0, 0, 0, 0);
  m_list->setSpacing(4);
  m_list->addStretch(1);
  scroll->setWidget(cards);
  // A card that needs more width (a longer name) asks its layout again; so must the panel.
  cards->installEventFilter(this);
  column->addWidget(scroll, 1);

  m_add = new QToolButton(this);
  m_add->setText(tr("Add run"));
  m_add->setToolTip(extras->addRunTip());
  m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
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

  connect(controller, &RunController::runsChanged, this, &RunsPanel::syncCards);
  connect(controller, &RunController::selectedRunChanged, this, &RunsPanel::showSelection);
  connect(controller, &RunController::updated, this, &RunsPanel::refreshStatus);
  // Working in a run's fields selects the run (the Run menu acts on it).
  connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
    for (QWidget* w = now; w; w = w->parentWidget())
      if (auto* card = qobject_cast<RunCard*>(w)) {
        if (m_cards.count(card->runId()) && m_cards.at(card->runId()) == card)
          m_controller->selectRun(card->runId());
        return;
      }
  });
  syncCards();
}

RunCard* RunsPanel::card(RunId id) const {
  auto it = m_cards.find(id);
  return it == m_cards.end() ? nullptr : it->second;
}

RunCard* RunsPanel::cardAt(int index) const {
  const auto& ids = m_controller->runIds();
  return index >= 0 && index < static_cast<int>(ids.size()) ? card(ids[index]) : nullptr;
}

void RunsPanel::syncCards() {
  const std::vector<RunId>& ids = m_controller->runIds();
  for (auto it = m_cards.begin(); it != m_cards.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      it->second->hide();
      it->second->deleteLater();
      it = m_cards.erase(it);
    } else {
      it->second->refresh();
      ++it;
    }
  }
  for (int index = 0; index < static_cast<int>(ids.size()); ++index) {
    RunCard*& card = m_cards[ids[index]];
    if (!card) {
      card = new RunCard(m_controller, m_extras, ids[index], this);
      connect(card, &RunCard::duplicateRequested, this,
              [this](RunId id) { m_controller->selectRun(m_controller->duplicateRun(id)); });
      // Later: the card asking is deleted by the removal.
      connect(card, &RunCard::removeRequested, this, [this](RunId id) {
        QMetaObject::invokeMethod(
            this, [this, id] { m_controller->removeRun(id); }, Qt::QueuedConnection);
      });
    }
    if (m_list->indexOf(card) != index) m_list->insertWidget(index, card);
  }
  showSelection();
}

void RunsPanel::showSelection() {
  const RunId selected = m_controller->selectedRun();
  for (auto& [id, card] : m_cards) card->setSelected(id == selected);
  // Later, once the layout has placed a new card where it really is.
  QMetaObject::invokeMethod(
      this,
      [this, selected] {
        if (RunCard* c = card(selected)) m_scroll->ensureWidgetVisible(c);
      },
      Qt::QueuedConnection);
}

void RunsPanel::refreshStatus() {
  for (auto& [id, card] : m_cards) card->refreshStatus();
}

bool RunsPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_scroll->widget() && event->type() == QEvent::LayoutRequest) updateGeometry();
  return QWidget::eventFilter(watched, event);
}

QSize RunsPanel::minimumSizeHint() const {
  const QSize own = QWidget::minimumSizeHint();
  const int cards = m_scroll->widget()->minimumSizeHint().width() +
                    m_scroll->verticalScrollBar()->sizeHint().width() + 2 * m_scroll->frameWidth();
  return {std::max(own.width(), cards), own.height()};
}

void RunsPanel::addRun(const QString& optimizer) {
  const QString name = optimizer.isEmpty() ? m_extras->defaultOptimizer() : optimizer;
  const RunId id =
      m_controller->addRun(parseOptimizerSpec(m_extras->startSpec(name).toStdString()));
  m_controller->selectRun(id);
  if (RunCard* added = card(id)) added->setExpanded(true);
}

void RunsPanel::duplicateSelectedRun() {
  if (const RunId id = m_controller->selectedRun())
    m_controller->selectRun(m_controller->duplicateRun(id));
}

void RunsPanel::removeSelectedRun() {
  if (const RunId id = m_controller->selectedRun()) m_controller->removeRun(id);
}

}  // namespace optiscope::ui
