#include "ui/landscape/trajectory_paths.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/engine/run_traces.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {

namespace {

bool operator==(const PixelTransform& a, const PixelTransform& b) {
  return a.xScale == b.xScale && a.xOffset == b.xOffset && a.yScale == b.yScale &&
         a.yOffset == b.yOffset;
}

}  // namespace

TrajectoryPaths::TrajectoryPaths(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer)
    : m_plot(plot),
      m_axisRect(axisRect),
      m_layer(layer),
      m_pathLayer(new TrajectoryPathLayer(plot, axisRect, layer)) {}

TrajectoryPaths::~TrajectoryPaths() = default;  // the plot owns and deletes its layerables

PixelTransform TrajectoryPaths::currentTransform() const {
  // QCPAxis::coordToPixel for linear, non-reversed axes, as one affine map per axis.
  const QCPRange x = m_axisRect->axis(QCPAxis::atBottom)->range();
  const QCPRange y = m_axisRect->axis(QCPAxis::atLeft)->range();
  const QRect rect = m_axisRect->rect();
  const double xScale = rect.width() / x.size();
  const double yScale = -rect.height() / y.size();
  return {xScale, rect.left() - x.lower * xScale, yScale, rect.bottom() - y.lower * yScale};
}

TrajectoryPaths::RunCurves TrajectoryPaths::makeCurves() const {
  QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
  QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
  RunCurves curves;
  curves.legend = new QCPCurve(x, y);
  curves.head = new QCPCurve(x, y);
  for (QCPCurve* curve : {curves.legend, curves.head}) {
    curve->setLayer(m_layer);
    curve->setSelectable(QCP::stNone);
    curve->removeFromLegend();
  }
  curves.head->setLineStyle(QCPCurve::lsNone);
  return curves;
}

void TrajectoryPaths::removeCurves(RunCurves& curves) {
  for (QCPCurve* curve : {curves.legend, curves.head}) m_plot->removePlottable(curve);
}

void TrajectoryPaths::syncRuns(const LandscapeController& controller) {
  const std::vector<RunId>& order = controller.runIds();
  const std::set<RunId> current(order.begin(), order.end());
  for (auto it = m_runs.begin(); it != m_runs.end();) {
    if (current.count(it->first)) {
      ++it;
    } else {
      removeCurves(it->second);
      it = m_runs.erase(it);
    }
  }
  if (m_plot->legend) m_plot->legend->clearItems();
  m_order = order;
  for (RunId id : order) {
    auto found = m_runs.find(id);
    if (found == m_runs.end()) found = m_runs.emplace(id, makeCurves()).first;
    RunCurves& curves = found->second;
    const RunStyle& style = controller.style(id);
    curves.visible = style.visible;
    curves.color = style.color;
    curves.legend->setName(style.label);
    curves.legend->setPen(QPen(style.color, 2.0));
    curves.head->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.5), style.color, 10));
    curves.head->setVisible(style.visible);
    if (style.visible && m_plot->legend) curves.legend->addToLegend();
  }
  handPathsToLayer();
}

void TrajectoryPaths::handPathsToLayer() {
  std::vector<TrajectoryPathLayer::Path> paths;
  for (RunId id : m_order) {
    const RunCurves& curves = m_runs.at(id);
    if (curves.visible) paths.push_back({curves.color, &curves.drawn});
  }
  m_pathLayer->setPaths(std::move(paths));
}

void TrajectoryPaths::clearPoints() {
  for (auto& [id, curves] : m_runs) {
    curves.points.clear();
    curves.steps.clear();
    curves.kept.clear();
    curves.drawn.clear();
    curves.keptPixels.clear();
    curves.generation = -1;
    curves.appended = -1;
    curves.head->data()->clear();
  }
}

bool TrajectoryPaths::update(const RunTraces& traces) {
  const PixelTransform transform = currentTransform();
  bool changed = false;
  for (auto& [id, curves] : m_runs) {
    if (!curves.visible) continue;
    const Trace* trace = traces.find(id);
    const long long generation = traces.generation(id);
    if (!trace || trace->dim() != 2) {
      if (!curves.points.empty()) {
        curves.points.clear();
        curves.steps.clear();
        redraw(curves, transform);
        changed = true;
      }
      continue;
    }
    const bool newPoints =
        generation != curves.generation || trace->appendedCount() != curves.appended;
    if (!newPoints && transform == curves.transform) continue;
    if (newPoints) {
      // The trace reorganises its older levels as it grows, so indices are not stable:
      // gather afresh (a bounded trace holds a few thousand points per level).
      const std::size_t size = trace->size();
      curves.points.resize(size);
      curves.steps.resize(size);
      for (std::size_t i = 0; i < size; ++i) {
        const TracePoint point = (*trace)[i];
        curves.points[i] = {point.params[0], point.params[1]};
        curves.steps[i] = point.step;
      }
      curves.generation = generation;
      curves.appended = trace->appendedCount();
    }
    redraw(curves, transform);
    changed = true;
  }
  return changed;
}

void TrajectoryPaths::redraw(RunCurves& curves, const PixelTransform& transform) {
  curves.transform = transform;
  thinPath(curves.points, transform, {}, curves.kept);
  curves.drawn.clear();
  curves.keptPixels.clear();
  for (std::size_t index : curves.kept) {
    const Eigen::Vector2d& point = curves.points[index];
    curves.drawn.push_back(point);
    const Eigen::Vector2d pixel = transform(point);
    curves.keptPixels.emplace_back(pixel.x(), pixel.y());
  }
  curves.head->data()->clear();
  if (!curves.points.empty()) {
    const Eigen::Vector2d& last = curves.points.back();
    curves.head->addData(0.0, last.x(), last.y());
  }
}

std::optional<PathHit> TrajectoryPaths::nearest(QPointF pixel, double radius) const {
  std::optional<PathHit> best;
  double bestSquared = radius * radius;
  for (const auto& [id, curves] : m_runs) {
    if (!curves.visible) continue;
    for (std::size_t k = 0; k < curves.keptPixels.size(); ++k) {
      const QPointF delta = curves.keptPixels[k] - pixel;
      const double squared = delta.x() * delta.x() + delta.y() * delta.y();
      // <= : among equally near points the newest wins, which is what the eye follows.
      if (!(squared <= bestSquared)) continue;
      bestSquared = squared;
      best = PathHit{id, curves.steps[curves.kept[k]], curves.keptPixels[k], std::sqrt(squared)};
    }
  }
  return best;
}

std::size_t TrajectoryPaths::drawnPointCount(RunId id) const {
  const auto found = m_runs.find(id);
  return found == m_runs.end() || !found->second.visible ? 0 : found->second.kept.size();
}

const std::vector<Eigen::Vector2d>& TrajectoryPaths::drawnPoints(RunId id) const {
  static const std::vector<Eigen::Vector2d> none;
  const auto found = m_runs.find(id);
  return found == m_runs.end() ? none : found->second.drawn;
}

QCPCurve* TrajectoryPaths::legendCurve(RunId id) const {
  const auto found = m_runs.find(id);
  return found == m_runs.end() ? nullptr : found->second.legend;
}

}  // namespace optiscope::ui
