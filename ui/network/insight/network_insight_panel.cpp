#include "ui/network/insight/network_insight_panel.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/network/insight/layer_rate_bands.h"
#include "ui/network/insight/layer_rate_heatmap.h"
#include "ui/network/insight/loss_slice_view.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kInsightRefreshMs = 100;

}  // namespace

NetworkInsightPanel::NetworkInsightPanel(NetworkController* controller, QWidget* parent)
    : QTabWidget(parent), m_controller(controller) {
  setAccessibleName(tr("Learning rates and loss landscape of the selected run"));
  m_heatmap = new LayerRateHeatmap;
  m_bands = new LayerRateBands;
  m_slice = new LossSliceView;
  m_header = new QLabel;
  m_header->setWordWrap(true);
  // The long reading of the maps stays at hand without taking the panel's height.
  m_header->setToolTip(
      tr("Above: η_eff of the selected run's last update, one cell per weight (rows: neurons; "
         "columns: inputs, then the bias). Below: its spread per layer over the epochs."));

  auto* rates = new QWidget;
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(m_heatmap);
  split->addWidget(m_bands);
  auto* layout = new QVBoxLayout(rates);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_header);
  layout->addWidget(split, 1);
  addTab(rates, tr("Learning rates"));
  addTab(m_slice, tr("Loss landscape"));

  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kInsightRefreshMs);
  connect(&m_throttle, &QTimer::timeout, this, [this] {
    if (m_stale) refreshNow();
  });
  connect(controller, &NetworkController::updated, this, &NetworkInsightPanel::scheduleRefresh);
  connect(controller, &NetworkController::runsChanged, this, &NetworkInsightPanel::refreshNow);
  connect(controller, &NetworkController::problemChanged, this, &NetworkInsightPanel::refreshNow);
  connect(controller, &NetworkController::selectedRunChanged, this,
          &NetworkInsightPanel::refreshNow);
  connect(m_slice, &LossSliceView::recenterRequested, this,
          &NetworkInsightPanel::recenterOnSelected);
  connect(this, &QTabWidget::currentChanged, this, &NetworkInsightPanel::refreshNow);
  refreshNow();
}

void NetworkInsightPanel::showEvent(QShowEvent* event) {
  QTabWidget::showEvent(event);
  refreshNow();  // hidden views were skipped while training went on
}

void NetworkInsightPanel::scheduleRefresh() {
  if (m_throttle.isActive())
    m_stale = true;
  else
    refreshNow();
}

const RunSnapshot* NetworkInsightPanel::currentSnapshot(RunId id) const {
  const RunSnapshot* run = m_controller->runSnapshot(id);
  return run && m_controller->onCurrentTask(*run) ? run : nullptr;
}

void NetworkInsightPanel::syncTask() {
  std::shared_ptr<const NetworkTask> task = m_controller->task();
  if (task == m_task) return;
  m_task = std::move(task);
  m_initial = m_task ? m_task->initialParameters() : Eigen::VectorXd();
  m_slice->setTask(m_task);
  m_bandsRun = 0;
  m_bandsSize = 0;
  m_bandsLastStep = -1;
  m_bands->clearHistory();
  // The slice of the old task is gone; a visible view shows the new one at once (every run
  // restarts from the task's initial network, which is where the selected run is now).
  if (m_task && m_slice->isVisible()) recenterOnSelected();
}

void NetworkInsightPanel::refreshNow() {
  m_stale = false;
  m_throttle.start();
  syncTask();
  if (!m_task) return;
  const RunId selected = m_controller->selectedRun();
  const RunSnapshot* run = currentSnapshot(selected);
  // Only the tab on screen is fed: the other catches up when it is shown (currentChanged).
  if (m_heatmap->isVisible()) refreshRates(selected, run);
  if (m_slice->isVisible()) refreshSlice(selected, run);
}

void NetworkInsightPanel::refreshRates(RunId selected, const RunSnapshot* run) {
  const std::vector<LayerView>& layers = m_task->mlp().layers();
  if (!run) {
    m_heatmap->setRates(layers, Eigen::VectorXd());
    m_header->setText(selected == 0 ? tr("Add a run to see its effective learning rates.")
                                    : tr("η_eff per weight: waiting for the run."));
  } else {
    m_heatmap->setRates(layers, run->effectiveLr);
    const QString label = m_controller->style(selected).label;
    m_header->setText(
        run->step == 0 ? tr("%1 has not updated yet: press play or step.").arg(label)
                       : tr("%1 · step %2 · epoch %3 — η_eff per weight; below, per layer by epoch")
                             .arg(label)
                             .arg(run->step)
                             .arg(run->epochs ? run->epochs->epoch : 0));
  }

  const EpochHistory* history = m_controller->epochs(selected);
  if (!history || history->empty()) {
    if (m_bandsSize != 0 || m_bandsRun != selected) m_bands->clearHistory();
    m_bandsRun = selected;
    m_bandsSize = 0;
    m_bandsLastStep = -1;
    return;
  }
  if (selected == m_bandsRun && history->size() == m_bandsSize &&
      history->back().step == m_bandsLastStep)
    return;
  m_bandsRun = selected;
  m_bandsSize = history->size();
  m_bandsLastStep = history->back().step;
  m_bands->setHistory(*history, m_controller->style(selected).color);
}

void NetworkInsightPanel::refreshSlice(RunId selected, const RunSnapshot* run) {
  std::vector<SliceTrajectory> paths;
  for (RunId id : m_controller->runIds()) {
    const RunSnapshot* snapshot = currentSnapshot(id);
    const RunStyle& style = m_controller->style(id);
    paths.push_back({id, snapshot ? snapshot->generation : -1, style.color, style.visible,
                     m_controller->epochs(id), snapshot ? &snapshot->params : nullptr});
  }
  m_slice->setTrajectories(paths);
  if (run) {
    const Eigen::VectorXd& start = run->config->start ? *run->config->start : m_initial;
    m_slice->setLineEnds(start, run->params, m_controller->style(selected).color);
  }
}

void NetworkInsightPanel::recenterOnSelected() {
  if (!m_task) return;
  const RunId selected = m_controller->selectedRun();
  const RunSnapshot* run = currentSnapshot(selected);
  if (!run) {
    m_slice->recenter(m_initial, tr("the initial network"));
    return;
  }
  m_slice->recenter(run->params, tr("%1 at epoch %2 (step %3)")
                                     .arg(m_controller->style(selected).label)
                                     .arg(run->epochs ? run->epochs->epoch : 0)
                                     .arg(run->step));
}

}  // namespace optiscope::ui
