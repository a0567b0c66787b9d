#include "ui/landscape/step_series_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/engine/run_traces.h"
#include "ui/common/fitted_ticker.h"
#include "ui/common/plot_access.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"
#include "ui/common/run_cue.h"
#include "ui/landscape/column_thinning.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kStepPlotRefreshMs = 33;  // ~30 Hz: smooth to the eye, half the snapshot rate
// Width-1 pens take the raster engine's fast path (wider or dashed ones are stroked as
// outlines, which made a side plot's replot ~7x slower).
constexpr double kPenWidth = 1.0;
// Points between two markers on a curve (a point is about a pixel column wide). The curves of
// one run are offset so that their markers do not sit on each other.
constexpr int kMarkerSkip = 90;
constexpr double kDivergenceHeadroom = 1e3;

// The step axis ends at the first of these (times a power of ten) at or past the newest step:
// at most a quarter of the axis is empty, and the axis moves a few times per decade.
constexpr double kAxisEnds[] = {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0};

double roundAxisEnd(double step) {
  const double power = std::pow(10.0, std::floor(std::log10(step)));
  for (double end : kAxisEnds)
    if (end * power >= step) return end * power;
  return 10.0 * power;
}

}  // namespace

StepSeriesPlot::StepSeriesPlot(LandscapeController* controller, QWidget* parent)
    : QCustomPlot(parent), m_controller(controller) {
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(kStepPlotRefreshMs);
  connect(&m_throttle, &QTimer::timeout, this, [this] {
    if (m_stale) refreshNow();
  });
  setMinimumSize(160, 120);
  xAxis->setLabel(QStringLiteral("step"));
  axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop | QCP::msRight);
  setNoAntialiasingOnDrag(true);
  addLayer(QStringLiteral("curves"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_curveLayer = layer(QStringLiteral("curves"));
  m_curveLayer->setMode(QCPLayer::lmBuffered);
  connect(this, &QCustomPlot::afterLayout, this, [this] {
    m_laidOutViewport = viewport();
    m_layoutStale = false;
  });
}

void StepSeriesPlot::initialize() {
  yAxis->setScaleType(logValueAxis() ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  useRoundTicks(xAxis, true);  // steps: "10k", never "10000.0"
  fitTicks(*this);
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
  xAxis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  m_axisEnd = 0.0;  // every column is made again
  refreshNow();
}

std::vector<QCPGraph*> StepSeriesPlot::graphsOf(RunId id) const {
  auto it = m_graphs.find(id);
  return it == m_graphs.end() ? std::vector<QCPGraph*>{} : it->second.graphs;
}

void StepSeriesPlot::syncRuns() {
  const std::vector<RunId>& ids = m_controller->runIds();
  for (auto it = m_graphs.begin(); it != m_graphs.end();) {
    if (std::find(ids.begin(), ids.end(), it->first) == ids.end()) {
      for (QCPGraph* graph : it->second.graphs) removeGraph(graph);
      it = m_graphs.erase(it);
    } else {
      ++it;
    }
  }
  for (RunId id : ids) {
    RunCurves& curves = m_graphs[id];
    while (static_cast<int>(curves.graphs.size()) < curvesPerRun()) {
      QCPGraph* graph = addGraph();
      graph->removeFromLegend();
      graph->setLayer(m_curveLayer);
      curves.graphs.push_back(graph);
    }
    const RunStyle& style = m_controller->style(id);
    for (int curve = 0; curve < curvesPerRun(); ++curve) {
      const QColor color = lineColorOn(style.color, palette().color(QPalette::Base));
      QPen pen(color, scaledWidth(kPenWidth), curveStyle(curve));
      // One curve per run: the run's own dash as well; more: the line style tells the curves
      // of one run apart, the markers tell the runs.
      if (curvesPerRun() == 1) pen = withRunDash(pen, style.color);
      curves.graphs[curve]->setPen(pen);
      curves.graphs[curve]->setScatterStyle(
          runMarkerStyle(style.color, palette().color(QPalette::Base), scaledWidth(7)));
      curves.graphs[curve]->setScatterSkip(kMarkerSkip + kMarkerSkip / curvesPerRun() * curve);
      curves.graphs[curve]->setName(style.label);
      curves.graphs[curve]->setVisible(style.visible);
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
  // A plot nobody sees is drawn when it is shown (showEvent), not now.
  if (!isVisible()) return;
  if (rebuildCurves())
    replot(QCustomPlot::rpQueuedReplot);
  else if (m_curvesRedrawn || m_grown.empty() || !paintGrowth())
    m_curveLayer->replot();
}

bool StepSeriesPlot::paintGrowth() {
  // While runs race, only the newest column of each curve changes (its lowest, highest and last
  // points) and new columns follow it. What was painted of that column stays within the
  // vertical span the column now covers, so painting the new segments over the buffer gives
  // the pixels a replot would, at the cost of a few segments instead of every curve.
  return paintOntoLayer(*m_curveLayer, [this](QCPPainter& painter) {
    painter.save();
    painter.setClipRect(axisRect()->rect().translated(0, -1));  // as QCPLayer::draw clips
    painter.setBrush(Qt::NoBrush);
    for (const Growth& growth : m_grown) {
      if (!growth.graph->visible()) continue;
      const QSharedPointer<QCPGraphDataContainer> data = growth.graph->data();
      m_growthPixels.clear();
      // From the point before the first new one, so that the line continues without a gap.
      for (auto it = data->findBegin(growth.fromKey, true); it != data->constEnd(); ++it)
        m_growthPixels.append(
            QPointF(xAxis->coordToPixel(it->key), yAxis->coordToPixel(it->value)));
      if (m_growthPixels.size() < 2) continue;
      painter.setAntialiasing(growth.graph->antialiased());
      painter.setPen(growth.graph->pen());
      painter.drawPolyline(m_growthPixels);
    }
    painter.restore();
  });
}

void StepSeriesPlot::showEvent(QShowEvent* event) {
  QCustomPlot::showEvent(event);
  refreshNow();
  // Whatever the buffers held when it was hidden is not worth painting onto.
  replot(QCustomPlot::rpQueuedReplot);
}

bool StepSeriesPlot::placeStepAxis(long long lastStep) {
  const double firstKey = m_logStep ? 1.0 : 0.0;
  const double end = roundAxisEnd(std::max<double>(lastStep, m_logStep ? 10.0 : 5.0));
  // Pixel columns must be those of the current size, not the last replot's. Laying out costs
  // as much as the rest of a frame (every tick label is formatted and measured), so only after
  // a resize or a new value range that no layout has followed yet.
  if (m_layoutStale || viewport() != m_laidOutViewport) updateLayout();
  if (end == m_axisEnd && axisRect()->rect() == m_columnsFor) return false;
  m_axisEnd = end;
  xAxis->setRange(firstKey, end);
  updateLayout();  // the new range's tick labels may move the axis rect
  m_columnsFor = axisRect()->rect();
  const int left = m_columnsFor.left(), width = std::max(1, m_columnsFor.width());
  m_columnEdges.resize(static_cast<std::size_t>(width) + 1);
  for (int c = 0; c <= width; ++c) m_columnEdges[c] = xAxis->pixelToCoord(left + c);
  for (auto& [id, curves] : m_graphs) {
    curves.lastStep = -1;
    curves.reset = true;
    for (ColumnSummary& column : curves.columns) column.reset(static_cast<std::size_t>(width));
  }
  return true;
}

std::size_t StepSeriesPlot::columnOf(double step, std::size_t hint) const {
  // Steps only grow along a run: walk on from the last point's column.
  std::size_t column = hint;
  while (column + 1 < m_columnEdges.size() - 1 && step >= m_columnEdges[column + 1]) ++column;
  return column;
}

void StepSeriesPlot::foldNewPoints(RunCurves& curves, const Trace& trace) {
  const double firstKey = m_logStep ? 1.0 : 0.0;
  // The kept points newer than the last one folded in (a trace thins only its older points,
  // so these are its newest, all of them).
  std::size_t low = 0, high = trace.size();  // the first point past lastStep
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (trace[middle].step > curves.lastStep)
      high = middle;
    else
      low = middle + 1;
  }
  const std::size_t from = low;
  if (from == trace.size()) return;
  const double firstNew = std::max<double>(static_cast<double>(trace[from].step), firstKey);
  const auto edge = std::upper_bound(m_columnEdges.begin(), m_columnEdges.end(), firstNew);
  std::size_t column = edge == m_columnEdges.begin()
                           ? 0
                           : static_cast<std::size_t>(edge - m_columnEdges.begin()) - 1;
  // Asked once, not for every point: some 10^4 points per run arrive between two frames.
  const int curveCount = curvesPerRun();
  const bool logAxis = logValueAxis();
  trace.forEach(
      [&](const TracePoint& point) {
        curves.lastStep = point.step;
        if (point.step < firstKey) return;
        const auto key = static_cast<double>(point.step);
        column = columnOf(key, column);
        for (int curve = 0; curve < curveCount; ++curve) {
          const double v = curveValue(curve, point);
          // A value the axis cannot show is left out (add ignores NaN).
          if (std::isfinite(v) && !(logAxis && v <= 0.0)) curves.columns[curve].add(column, key, v);
        }
      },
      from);
}

void StepSeriesPlot::handOver(ColumnSummary& summary, QCPGraph* graph, bool reset) {
  const std::size_t from = reset ? 0 : summary.changedFrom();
  summary.forgetChanges();
  if (from == ColumnSummary::kNone) return;
  summary.pointsFrom(from, m_scratch);
  QVector<QCPGraphData> data;
  data.reserve(static_cast<int>(m_scratch.size()));
  for (const ColumnSummary::Point& p : m_scratch) data.push_back({p.key, p.value});
  if (reset) {
    graph->data()->set(data, true);
    m_curvesRedrawn = true;
    return;
  }
  // The points of earlier columns all lie left of this column's edge; the column's own and
  // later ones are replaced.
  const double infinity = std::numeric_limits<double>::infinity();
  graph->data()->remove(from == 0 ? -infinity : m_columnEdges[from], infinity);
  graph->data()->add(data, true);
  if (!data.isEmpty()) m_grown.push_back({graph, data.front().key});
}

bool StepSeriesPlot::rebuildCurves() {
  m_grown.clear();
  m_curvesRedrawn = false;
  const RunTraces& traces = m_controller->traces();
  long long lastStep = 0;
  for (auto& [id, curves] : m_graphs) {
    const Trace* trace = traces.find(id);
    if (curves.columns.size() != static_cast<std::size_t>(curvesPerRun())) {
      curves.columns.assign(curvesPerRun(), ColumnSummary());
      curves.generation = -2;  // columns not made yet
    }
    // A restarted run (or one gone from the traces) starts its curves afresh.
    const long long generation = trace ? traces.generation(id) : -1;
    if (generation != curves.generation) {
      curves.generation = generation;
      curves.lastStep = -1;
      curves.reset = true;
      for (ColumnSummary& column : curves.columns)
        column.reset(std::max<std::size_t>(m_columnEdges.size(), 2) - 1);
    }
    if (trace && !trace->empty() && m_controller->style(id).visible)
      lastStep = std::max(lastStep, trace->back().step);
  }
  bool axesMoved = placeStepAxis(lastStep);

  double low = std::numeric_limits<double>::infinity(), high = -low, firstHigh = -low;
  for (auto& [id, curves] : m_graphs) {
    if (const Trace* trace = traces.find(id); trace && !trace->empty())
      foldNewPoints(curves, *trace);
    const bool visible = m_controller->style(id).visible;
    for (int curve = 0; curve < curvesPerRun(); ++curve) {
      ColumnSummary& summary = curves.columns[curve];
      handOver(summary, curves.graphs[curve], curves.reset);
      if (visible && !summary.empty()) {
        firstHigh = std::max(firstHigh, summary.firstValue());
        low = std::min(low, summary.low());
        high = std::max(high, summary.high());
      }
    }
    curves.reset = false;
  }
  // A diverging run would squeeze every other curve into a line at the bottom: the axis ends a
  // few decades above where the runs started, and a diverging curve leaves through the top.
  if (logValueAxis() && firstHigh > 0.0) high = std::min(high, firstHigh * kDivergenceHeadroom);
  axesMoved = fitValueAxis(std::min(low, high), high) || axesMoved;
  return axesMoved;
}

bool StepSeriesPlot::fitValueAxis(double low, double high) {
  QCPRange range;
  if (!(low <= high)) {
    range = logValueAxis() ? QCPRange(1e-3, 1.0) : QCPRange(0.0, 1.0);
  } else if (logValueAxis()) {
    // Whole decades around the data, at least one decade tall, so lines never touch the frame.
    const double bottom = std::pow(10.0, std::floor(std::log10(low) - 0.05));
    double top = std::pow(10.0, std::ceil(std::log10(high) + 0.05));
    if (top < bottom * 10.0) top = bottom * 10.0;
    range = QCPRange(bottom, top);
  } else {
    const double pad = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(high) * 0.1);
    range = QCPRange(low - pad, high + pad);
  }
  if (range == yAxis->range()) return false;
  yAxis->setRange(range);
  m_layoutStale = true;  // its tick labels may take another width
  return true;
}

void StepSeriesPlot::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    applyPalette(*this, palette());
    syncRuns();  // pens as the presentation look has them
    replot(QCustomPlot::rpQueuedReplot);
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui
