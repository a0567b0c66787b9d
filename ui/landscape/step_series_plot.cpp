#include "ui/landscape/step_series_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/plot_style.h"
#include "ui/landscape/column_thinning.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kRefreshEveryMs = 33;  // ~30 Hz: smooth to the eye, half the snapshot rate
// Width-1 pens take the raster engine's fast path (wider or dashed ones are stroked as
// outlines, which made a side plot's replot ~7x slower).
constexpr double kPenWidth = 1.0;
constexpr double kDivergenceHeadroom = 1e3;

}  // namespace

StepSeriesPlot::StepSeriesPlot(LandscapeController* controller, QWidget* parent)
    : QCustomPlot(parent), m_controller(controller) {
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kRefreshEveryMs);
  connect(&m_throttle, &QTimer::timeout, this, [this] {
    if (m_stale) refreshNow();
  });
  setMinimumSize(160, 120);
  xAxis->setLabel(QStringLiteral("step"));
  axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop | QCP::msRight);
  setNoAntialiasingOnDrag(true);
}

void StepSeriesPlot::initialize() {
  yAxis->setScaleType(logValueAxis() ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (logValueAxis()) yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  setLogStepAxis(m_logStep);
  applyPalette(*this, palette());
  connect(m_controller, &LandscapeController::runsChanged, this, &StepSeriesPlot::syncRuns);
  connect(m_controller, &LandscapeController::updated, this, &StepSeriesPlot::scheduleRefresh);
  connect(m_controller, &LandscapeController::problemChanged, this,
          &StepSeriesPlot::scheduleRefresh);
  syncRuns();
}

void StepSeriesPlot::setLogStepAxis(bool logarithmic) {
  m_logStep = logarithmic;
  if (logarithmic) {
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  } else {
    xAxis->setScaleType(QCPAxis::stLinear);
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  }
  refreshNow();
}

std::vector<QCPGraph*> StepSeriesPlot::graphsOf(RunId id) const {
  auto it = m_graphs.find(id);
  return it == m_graphs.end() ? std::vector<QCPGraph*>{} : it->second;
}

void StepSeriesPlot::syncRuns() {
  const std::vector<RunId>& ids = m_controller->runIds();
  for (auto it = m_graphs.begin(); it != m_graphs.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      for (QCPGraph* graph : it->second) removeGraph(graph);
      it = m_graphs.erase(it);
    } else {
      ++it;
    }
  }
  for (RunId id : ids) {
    std::vector<QCPGraph*>& graphs = m_graphs[id];
    while (static_cast<int>(graphs.size()) < curvesPerRun()) {
      QCPGraph* graph = addGraph();
      graph->removeFromLegend();
      graphs.push_back(graph);
    }
    const RunStyle& style = m_controller->style(id);
    for (int curve = 0; curve < curvesPerRun(); ++curve) {
      graphs[curve]->setPen(QPen(style.color, kPenWidth, curveStyle(curve)));
      graphs[curve]->setName(style.label);
      graphs[curve]->setVisible(style.visible);
    }
  }
  refreshNow();
}

void StepSeriesPlot::scheduleRefresh() {
  if (m_throttle.isActive())
    m_stale = true;
  else
    refreshNow();
}

void StepSeriesPlot::refreshNow() {
  m_stale = false;
  m_throttle.start();
  rebuildCurves();
  replot(QCustomPlot::rpQueuedReplot);
}

void StepSeriesPlot::rebuildCurves() {
  const RunTraces& traces = m_controller->traces();
  long long lastStep = 0;
  for (const auto& [id, graphs] : m_graphs) {
    const Trace* trace = traces.find(id);
    if (trace && !trace->empty() && m_controller->style(id).visible)
      lastStep = std::max(lastStep, trace->back().step);
  }
  const double firstKey = m_logStep ? 1.0 : 0.0;
  xAxis->setRange(firstKey, std::max<double>(lastStep, m_logStep ? 10.0 : 5.0));
  updateLayout();  // pixel columns must be those of the current size, not the last replot's

  double low = std::numeric_limits<double>::infinity(), high = -low, firstHigh = -low;
  std::vector<double> pixels;
  std::vector<std::vector<double>> values(curvesPerRun());
  for (const auto& [id, graphs] : m_graphs) {
    const Trace* trace = traces.find(id);
    pixels.clear();
    for (auto& v : values) v.clear();
    std::vector<double> keys;
    if (trace) {
      for (std::size_t i = 0; i < trace->size(); ++i) {
        const TracePoint point = (*trace)[i];
        if (point.step < firstKey) continue;
        keys.push_back(static_cast<double>(point.step));
        pixels.push_back(xAxis->coordToPixel(keys.back()));
        for (int curve = 0; curve < curvesPerRun(); ++curve) {
          double v = curveValue(curve, point);
          if (!std::isfinite(v) || (logValueAxis() && v <= 0.0)) v = std::nan("");
          values[curve].push_back(v);
        }
      }
    }
    const bool visible = m_controller->style(id).visible;
    for (int curve = 0; curve < curvesPerRun(); ++curve) {
      QVector<QCPGraphData> data;
      for (std::size_t index : thinByPixelColumn(pixels, values[curve])) {
        data.push_back({keys[index], values[curve][index]});
        if (visible && data.size() == 1) firstHigh = std::max(firstHigh, values[curve][index]);
        if (visible) {
          low = std::min(low, values[curve][index]);
          high = std::max(high, values[curve][index]);
        }
      }
      graphs[curve]->data()->set(data, true);
    }
  }
  // A diverging run would squeeze every other curve into a line at the bottom: the axis ends a
  // few decades above where the runs started, and a diverging curve leaves through the top.
  if (logValueAxis() && firstHigh > 0.0) high = std::min(high, firstHigh * kDivergenceHeadroom);
  fitValueAxis(std::min(low, high), high);
}

void StepSeriesPlot::fitValueAxis(double low, double high) {
  if (!(low <= high)) {
    yAxis->setRange(logValueAxis() ? QCPRange(1e-3, 1.0) : QCPRange(0.0, 1.0));
    return;
  }
  if (logValueAxis()) {
    // Whole decades around the data, at least one decade tall, so lines never touch the frame.
    const double bottom = std::pow(10.0, std::floor(std::log10(low) - 0.05));
    double top = std::pow(10.0, std::ceil(std::log10(high) + 0.05));
    if (top < bottom * 10.0) top = bottom * 10.0;
    yAxis->setRange(bottom, top);
  } else {
    const double pad = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(high) * 0.1);
    yAxis->setRange(low - pad, high + pad);
  }
}

void StepSeriesPlot::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) {
    applyPalette(*this, palette());
    replot(QCustomPlot::rpQueuedReplot);
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui
