#include "ui/network/epoch_curves_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/fitted_ticker.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"
#include "ui/common/run_cue.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kCurvesRefreshMs = 100;  // epochs arrive a few to a few dozen times a second
// Epoch records between two markers on a run's test curve.
constexpr int kEpochsBetweenMarkers = 5;

}  // namespace

EpochCurvesPlot::EpochCurvesPlot(NetworkController* controller, Quantity quantity, QWidget* parent)
    : QCustomPlot(parent), m_controller(controller), m_quantity(quantity) {
  setMinimumSize(180, 100);
  xAxis->setLabel(QStringLiteral("epoch"));
  const bool loss = quantity == Quantity::Loss;
  yAxis->setLabel(loss ? QStringLiteral("loss") : QStringLiteral("accuracy"));
  m_key = new QCPItemText(this);
  m_key->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_key->position->setCoords(0.99, 0.02);
  m_key->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
  m_key->setText(QStringLiteral("test ——   train - - -"));
  if (loss)
    yAxis->setScaleType(QCPAxis::stLogarithmic);
  else
    yAxis->setRange(0.0, 1.02);
  useRoundTicks(xAxis, true);
  fitTicks(*this);
  m_note = new QCPItemText(this);
  m_note->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_note->position->setCoords(0.5, 0.5);
  m_note->setText(QStringLiteral("no accuracy for regression"));
  m_note->setVisible(false);
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kCurvesRefreshMs);
  connect(&m_throttle, &QTimer::timeout, this, &EpochCurvesPlot::refreshNow);
  connect(controller, &NetworkController::runsChanged, this, &EpochCurvesPlot::syncRuns);
  connect(controller, &NetworkController::updated, this, &EpochCurvesPlot::scheduleRefresh);
  connect(controller, &NetworkController::problemChanged, this, &EpochCurvesPlot::scheduleRefresh);
  applyPalette(*this, palette());
  m_note->setColor(palette().color(QPalette::WindowText));
  m_key->setColor(palette().color(QPalette::WindowText));
  syncRuns();
}

std::pair<QCPGraph*, QCPGraph*> EpochCurvesPlot::graphsOf(RunId id) const {
  auto it = m_graphs.find(id);
  return it == m_graphs.end() ? std::pair<QCPGraph*, QCPGraph*>{} : it->second;
}

void EpochCurvesPlot::syncRuns() {
  const auto& ids = m_controller->runIds();
  for (auto it = m_graphs.begin(); it != m_graphs.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      removeGraph(it->second.first);
      removeGraph(it->second.second);
      it = m_graphs.erase(it);
    } else {
      ++it;
    }
  }
  for (RunId id : ids) {
    auto& graphs = m_graphs[id];
    if (!graphs.first) graphs = {addGraph(), addGraph()};
    const RunStyle& style = m_controller->style(id);
    const QColor color = lineColorOn(style.color, palette().color(QPalette::Base));
    graphs.first->setPen(QPen(color, scaledWidth(1.5)));
    graphs.second->setPen(QPen(color, scaledWidth(1.0), Qt::DashLine));
    // Solid test and dashed train lines; the marker tells the runs apart without color.
    graphs.first->setScatterStyle(
        runMarkerStyle(style.color, palette().color(QPalette::Base), scaledWidth(7)));
    graphs.first->setScatterSkip(kEpochsBetweenMarkers - 1);
    graphs.first->setName(style.label);
    for (QCPGraph* graph : {graphs.first, graphs.second}) graph->setVisible(style.visible);
  }
  refreshNow();
}

void EpochCurvesPlot::scheduleRefresh() {
  if (!m_throttle.isActive()) m_throttle.start();
}

double EpochCurvesPlot::valueOf(const NetworkMetrics& metrics, bool test) const {
  if (m_quantity == Quantity::Loss) return test ? metrics.testLoss : metrics.trainLoss;
  const auto& accuracy = test ? metrics.testAccuracy : metrics.trainAccuracy;
  return accuracy ? *accuracy : std::numeric_limits<double>::quiet_NaN();
}

void EpochCurvesPlot::refreshNow() {
  double lastEpoch = 1.0;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (auto& [id, graphs] : m_graphs) {
    QVector<double> epochs, tests, trains;
    if (const EpochHistory* history = m_controller->epochs(id)) {
      for (std::size_t i = 0; i < history->size(); ++i) {
        const EpochRecord& record = (*history)[i];
        const double test = valueOf(record.metrics, true), train = valueOf(record.metrics, false);
        epochs.push_back(static_cast<double>(record.epoch));
        tests.push_back(test);
        trains.push_back(train);
        for (double v : {test, train})
          if (std::isfinite(v) && (m_quantity == Quantity::Accuracy || v > 0)) {
            low = std::min(low, v);
            high = std::max(high, v);
          }
      }
      if (!history->empty())
        lastEpoch = std::max(lastEpoch, static_cast<double>(history->back().epoch));
    }
    graphs.first->setData(epochs, tests, true);
    graphs.second->setData(epochs, trains, true);
  }
  xAxis->setRange(0.0, lastEpoch);
  const bool regression = m_controller->data()->train.kind == TaskKind::Regression;
  m_note->setVisible(m_quantity == Quantity::Accuracy && regression);
  if (m_quantity == Quantity::Loss && std::isfinite(low)) yAxis->setRange(low / 1.5, high * 1.5);
  replot(QCustomPlot::rpQueuedReplot);
}

void EpochCurvesPlot::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    applyPalette(*this, palette());
    m_note->setColor(palette().color(QPalette::WindowText));
    m_key->setColor(palette().color(QPalette::WindowText));
    syncRuns();  // pens as the presentation look has them
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui
