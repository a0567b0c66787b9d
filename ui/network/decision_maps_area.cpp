#include "ui/network/decision_maps_area.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "ui/network/decision_map_job.h"
#include "ui/network/decision_map_view.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kMapsRefreshMs = 200;  // a few maps a second while training
constexpr int kResolution = 100;

QString metricsText(const RunSnapshot* run) {
  if (!run || !run->epochs || !run->epochs->last) return QStringLiteral("epoch 0");
  const NetworkMetrics& m = run->epochs->last->metrics;
  QString text = QStringLiteral("epoch %1 · test loss %2")
                     .arg(run->epochs->last->epoch)
                     .arg(QString::number(m.testLoss, 'g', 3));
  if (m.testAccuracy)
    text += QStringLiteral(" · acc %1").arg(QString::number(*m.testAccuracy, 'f', 3));
  return text;
}

// Under a small multiple (narrow): the runs share the epoch count and the curves show the
// losses, so only the headline number.
// Longest first: a small map shows the longest form that fits under it.
QStringList shortMetricsText(const RunSnapshot* run) {
  if (!run || !run->epochs || !run->epochs->last) return {};
  const NetworkMetrics& m = run->epochs->last->metrics;
  const QString value = m.testAccuracy ? QString::number(*m.testAccuracy, 'f', 3)
                                       : QString::number(m.testLoss, 'g', 3);
  const QString what = m.testAccuracy ? QStringLiteral("acc") : QStringLiteral("loss");
  return {QStringLiteral("test %1 %2").arg(what, value), QStringLiteral("%1 %2").arg(what, value),
          value};
}

}  // namespace

DecisionMapsArea::DecisionMapsArea(NetworkController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_job(new DecisionMapJob(this)),
      m_main(new DecisionMapView(this)),
      m_mainTitle(new QLabel(this)),
      m_multiplesBox(new QWidget(this)),
      m_grid(new QGridLayout(m_multiplesBox)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(2, 2, 2, 2);
  auto* mainColumn = new QVBoxLayout;
  m_mainTitle->setWordWrap(true);  // a narrow window wraps the title instead of widening the page
  mainColumn->addWidget(m_mainTitle);
  mainColumn->addWidget(m_main, 1);
  row->addLayout(mainColumn, 3);
  m_grid->setContentsMargins(0, 0, 0, 0);
  m_grid->setSpacing(6);
  row->addWidget(m_multiplesBox, 2);
  m_main->setToolTip(QStringLiteral(
      "the selected run's prediction over the input plane: blue class 1 / positive, orange "
      "class 0 / negative, white undecided; dots are the training points"));

  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kMapsRefreshMs);
  connect(&m_throttle, &QTimer::timeout, this, &DecisionMapsArea::requestNow);
  connect(m_job, &DecisionMapJob::ready, this, &DecisionMapsArea::show);
  connect(controller, &NetworkController::updated, this, [this] {
    if (!m_throttle.isActive()) m_throttle.start();
    refreshCaptions();
  });
  connect(controller, &NetworkController::runsChanged, this, &DecisionMapsArea::syncRuns);
  connect(controller, &NetworkController::selectedRunChanged, this, [this] {
    syncRuns();
    requestNow();
  });
  connect(controller, &NetworkController::problemChanged, this, &DecisionMapsArea::onTaskChanged);
  onTaskChanged();
}

DecisionMapsArea::~DecisionMapsArea() = default;

DecisionMapView* DecisionMapsArea::multiple(RunId id) const {
  auto it = m_multiples.find(id);
  return it == m_multiples.end() ? nullptr : it->second;
}

bool DecisionMapsArea::multiplesVisible() const { return m_multiplesBox->isVisibleTo(this); }

void DecisionMapsArea::setShowTestPoints(bool show) {
  m_showTest = show;
  m_main->setShowTestPoints(show);
  for (auto& [id, view] : m_multiples) view->setShowTestPoints(show);
}

void DecisionMapsArea::onTaskChanged() {
  m_box = dataBox(*m_controller->data());
  m_main->setData(m_controller->data(), m_box);
  for (auto& [id, view] : m_multiples) view->setData(m_controller->data(), m_box);
  syncRuns();
  requestNow();
}

void DecisionMapsArea::syncRuns() {
  const auto& ids = m_controller->runIds();
  for (auto it = m_multiples.begin(); it != m_multiples.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      delete it->second;
      it = m_multiples.erase(it);
    } else {
      ++it;
    }
  }
  for (RunId id : ids)
    if (!m_multiples.count(id)) {
      auto* view = new DecisionMapView(m_multiplesBox);
      view->setFramed(true);
      view->setData(m_controller->data(), m_box);
      view->setShowTestPoints(m_showTest);
      connect(view, &DecisionMapView::clicked, m_controller, &NetworkController::selectRun);
      m_multiples[id] = view;
    }
  // Side by side, two to a row, in run order.
  const int columns = ids.size() > 4 ? 3 : 2;
  for (size_t i = 0; i < ids.size(); ++i) {
    DecisionMapView* view = m_multiples[ids[i]];
    const RunStyle& style = m_controller->style(ids[i]);
    view->setRun(ids[i], style.label, style.color);
    view->setSelected(ids[i] == m_controller->selectedRun());
    m_grid->addWidget(view, static_cast<int>(i) / columns, static_cast<int>(i) % columns);
  }
  // Extra height goes below the maps, not between their rows.
  for (int r = 0; r < m_grid->rowCount(); ++r) m_grid->setRowStretch(r, 0);
  m_grid->setRowStretch(static_cast<int>((ids.size() + columns - 1) / columns), 1);
  m_multiplesBox->setVisible(ids.size() > 1);
  const RunId selected = m_controller->selectedRun();
  const RunStyle& style = m_controller->style(selected);
  m_main->setRun(selected, style.label, style.color);
  refreshCaptions();
  if (m_shown) show(m_shown);
}

void DecisionMapsArea::refreshCaptions() {
  const RunId selected = m_controller->selectedRun();
  const RunStyle& style = m_controller->style(selected);
  m_mainTitle->setText(selected == 0 ? QStringLiteral("no run")
                                     : QStringLiteral("<b style='color:%1'>%2</b> — %3")
                                           .arg(style.color.name(), style.label.toHtmlEscaped(),
                                                metricsText(m_controller->runSnapshot(selected))));
  for (auto& [id, view] : m_multiples)
    view->setCaption(shortMetricsText(m_controller->runSnapshot(id)));
}

void DecisionMapsArea::requestNow() {
  const auto snapshot = m_controller->snapshot();
  DecisionMapRequest request;
  request.task = m_controller->task();
  request.box = m_box;
  request.resolution = kResolution;
  request.selected = m_controller->selectedRun();
  for (RunId id : m_controller->runIds()) {
    const RunSnapshot* run = snapshot ? snapshot->find(id) : nullptr;
    const bool current = run && m_controller->onCurrentTask(*run);
    request.runs.push_back({id, current ? run->step : 0, m_controller->currentParams(id)});
  }
  m_job->request(std::move(request));
}

void DecisionMapsArea::show(std::shared_ptr<const DecisionMaps> maps) {
  if (!maps || maps->task != m_controller->task()) return;  // a replaced task's maps
  m_shown = maps;
  if (const auto* run = maps->find(m_controller->selectedRun()))
    m_main->setImage(run->image, run->step);
  for (auto& [id, view] : m_multiples)
    if (const auto* run = maps->find(id)) view->setImage(run->image, run->step);
  emit mapsShown(maps);
}

}  // namespace optiscope::ui
