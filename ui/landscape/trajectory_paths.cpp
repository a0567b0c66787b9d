#include "ui/landscape/trajectory_paths.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/engine/run_traces.h"
#include "ui/common/presentation_look.h"
#include "ui/common/run_cue.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {

namespace {

bool operator==(const PixelTransform& a, const PixelTransform& b) {
  return a.xScale == b.xScale && a.xOffset == b.xOffset && a.yScale == b.yScale &&
         a.yOffset == b.yOffset;
}

}  // namespace

namespace {

// A path gathers every point its run makes while the view stays; past this many beyond what
// the trace keeps, it forgets those not drawn (or, if that is not enough, starts again from
// the thinned trace), so memory stays bounded.
constexpr std::size_t kMaxGatheredBeyondTrace = 200'000;
// What one frame may gather past that before the path is compacted.
constexpr std::size_t kGatherSlack = 1 << 14;

}  // namespace

TrajectoryPaths::TrajectoryPaths(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& pathLayer,
                                 const QString& headLayer)
    : m_plot(plot),
      m_axisRect(axisRect),
      m_layer(pathLayer),
      m_headLayer(headLayer),
      m_pathLayer(new TrajectoryPathLayer(plot, axisRect, pathLayer)) {}

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
    curve->setLayer(curve == curves.head ? m_headLayer : m_layer);
    curve->setSelectable(QCP::stNone);
    curve->removeFromLegend();
  }
  curves.head->setLineStyle(QCPCurve::lsNone);
  curves.divergedMark = new QCPCurve(x, y);
  curves.divergedMark->setLayer(m_headLayer);
  curves.divergedMark->setSelectable(QCP::stNone);
  curves.divergedMark->removeFromLegend();
  curves.divergedMark->setLineStyle(QCPCurve::lsNone);
  curves.divergedMark->setVisible(false);
  curves.divergedLabel = new QCPItemText(m_plot);
  curves.divergedLabel->setLayer(m_headLayer);
  curves.divergedLabel->setClipToAxisRect(true);
  curves.divergedLabel->setClipAxisRect(m_axisRect);
  curves.divergedLabel->position->setAxes(x, y);
  curves.divergedLabel->position->setType(QCPItemPosition::ptPlotCoords);
  curves.divergedLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  curves.divergedLabel->setColor(Qt::white);
  curves.divergedLabel->setBrush(QColor(0, 0, 0, 190));
  curves.divergedLabel->setPadding(QMargins(4, 1, 4, 1));
  curves.divergedLabel->setSelectable(false);
  curves.divergedLabel->setVisible(false);
  return curves;
}

void TrajectoryPaths::removeCurves(RunCurves& curves) {
  for (QCPCurve* curve : {curves.legend, curves.head, curves.divergedMark})
    m_plot->removePlottable(curve);
  m_plot->removeItem(curves.divergedLabel);
}

QString TrajectoryPaths::legendName(const RunCurves& curves) {
  if (curves.divergedAt < 0) return curves.label;
  return QStringLiteral("%1 — diverged at step %L2").arg(curves.label).arg(curves.divergedAt);
}

bool TrajectoryPaths::setDivergedAt(RunId id, long long step) {
  const auto found = m_runs.find(id);
  if (found == m_runs.end() || found->second.divergedAt == step) return false;
  RunCurves& curves = found->second;
  curves.divergedAt = step;
  curves.legend->setName(legendName(curves));
  showDivergence(curves);
  return true;
}

QCPItemText* TrajectoryPaths::divergenceLabel(RunId id) const {
  const auto found = m_runs.find(id);
  return found == m_runs.end() ? nullptr : found->second.divergedLabel;
}

void TrajectoryPaths::showDivergence(RunCurves& curves) {
  curves.divergedMark->data()->clear();
  // Where the path ends: its last finite point (the diverged steps have none to draw).
  const std::vector<Eigen::Vector2d>& points = curves.path.points();
  const auto last = std::find_if(points.rbegin(), points.rend(),
                                 [](const Eigen::Vector2d& p) { return p.allFinite(); });
  const bool shown = curves.visible && curves.divergedAt >= 0 && last != points.rend();
  curves.divergedMark->setVisible(shown);
  curves.divergedLabel->setVisible(shown);
  if (!shown) return;
  curves.divergedMark->addData(0.0, last->x(), last->y());
  curves.divergedLabel->position->setCoords(last->x(), last->y());
  curves.divergedLabel->setText(QStringLiteral("✕ diverged at step %L1").arg(curves.divergedAt));
  curves.divergedLabel->setPen(QPen(curves.color, scaledWidth(1.5)));
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
    curves.label = style.label;
    curves.legend->setName(legendName(curves));
    curves.divergedMark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross,
                                                         QPen(curves.color, scaledWidth(3.0)),
                                                         Qt::NoBrush, scaledWidth(14)));
    showDivergence(curves);
    curves.legend->setPen(QPen(style.color, scaledWidth(2.0)));
    curves.legend->setScatterStyle(runMarkerStyle(style.color, Qt::white, scaledWidth(9)));
    curves.head->setScatterStyle(runMarkerStyle(style.color, Qt::white, scaledWidth(11)));
    curves.head->setVisible(style.visible);
    if (style.visible && m_plot->legend) curves.legend->addToLegend();
  }
  handPathsToLayer();
}

void TrajectoryPaths::handPathsToLayer() {
  std::vector<TrajectoryPathLayer::Path> paths;
  for (RunId id : m_order) {
    RunCurves& curves = m_runs.at(id);
    if (curves.visible) paths.push_back({curves.color, &curves.path, &curves.painted});
  }
  m_pathLayer->setPaths(std::move(paths));
}

void TrajectoryPaths::clearPoints() {
  for (auto& [id, curves] : m_runs) {
    curves.path.clear();
    curves.painted = {};
    curves.headPixel.reset();
    curves.head->data()->clear();
    curves.divergedAt = -1;
    curves.legend->setName(legendName(curves));
    showDivergence(curves);
  }
}

TrajectoryPaths::Change TrajectoryPaths::update(const RunTraces& traces) {
  const PixelTransform transform = currentTransform();
  Change change = Change::None;
  m_headsMoved = false;
  for (auto& [id, curves] : m_runs) {
    if (!curves.visible) continue;
    GrowingPath& path = curves.path;
    const Trace* trace = traces.find(id);
    if (!trace || trace->dim() != 2) {
      if (!path.empty()) {
        path.clear();
        placeHead(curves, transform);
        change = Change::Redrawn;
      }
      continue;
    }
    const long long generation = traces.generation(id);
    bool fresh = generation != path.generation() || path.empty();
    // All the room the path may take (see kMaxGatheredBeyondTrace) at once: growing a vector
    // step by step to there moves it a dozen times and faults in each new copy.
    if (fresh) path.reserve(trace->size() + kMaxGatheredBeyondTrace + kGatherSlack);
    bool grew = path.gather(*trace, generation);
    if (path.points().size() > trace->size() + kMaxGatheredBeyondTrace && !fresh) {
      path.compact();  // what is drawn stays drawn: no redraw of every path
      if (path.points().size() > trace->size() + kMaxGatheredBeyondTrace) {
        // A path whose every point is drawn (a noisy run never stays within a dot) restarts
        // from the trace, which thins its middle.
        path.clear();
        grew = path.gather(*trace, generation);
        fresh = true;
      }
    }
    if (fresh || !(transform == path.transform())) {
      path.rethin(transform);
      change = Change::Redrawn;
    } else if (grew) {
      path.thinNew();
      if (change == Change::None) change = Change::Grown;
    } else {
      continue;
    }
    placeHead(curves, transform);
  }
  return change;
}

void TrajectoryPaths::placeHead(RunCurves& curves, const PixelTransform& transform) {
  curves.head->data()->clear();
  std::optional<Eigen::Vector2d> pixel;
  if (!curves.path.empty()) {
    const Eigen::Vector2d& last = curves.path.points().back();
    curves.head->addData(0.0, last.x(), last.y());
    pixel = transform(last);
  }
  // NaN compares unequal, so a head that left the finite plane counts as moved.
  const bool moved = pixel.has_value() != curves.headPixel.has_value() ||
                     (pixel && !((*pixel - *curves.headPixel).squaredNorm() < 0.25));
  if (moved) {
    curves.headPixel = pixel;
    m_headsMoved = true;
  }
  if (curves.divergedAt >= 0) showDivergence(curves);
}

std::optional<PathHit> TrajectoryPaths::nearest(QPointF pixel, double radius) const {
  std::optional<PathHit> best;
  double bestSquared = radius * radius;
  for (const auto& [id, curves] : m_runs) {
    if (!curves.visible) continue;
    const std::vector<QPointF>& pixels = curves.path.drawnPixels();
    for (std::size_t k = 0; k < pixels.size(); ++k) {
      const QPointF delta = pixels[k] - pixel;
      const double squared = delta.x() * delta.x() + delta.y() * delta.y();
      // <= : among equally near points the newest wins, which is what the eye follows.
      if (!(squared <= bestSquared)) continue;
      bestSquared = squared;
      best = PathHit{id, curves.path.drawnSteps()[k], pixels[k], std::sqrt(squared)};
    }
  }
  return best;
}

std::size_t TrajectoryPaths::drawnPointCount(RunId id) const {
  const auto found = m_runs.find(id);
  return found == m_runs.end() || !found->second.visible ? 0 : found->second.path.drawn().size();
}

const std::vector<Eigen::Vector2d>& TrajectoryPaths::drawnPoints(RunId id) const {
  static const std::vector<Eigen::Vector2d> none;
  const auto found = m_runs.find(id);
  return found == m_runs.end() ? none : found->second.path.drawn();
}

QCPCurve* TrajectoryPaths::legendCurve(RunId id) const {
  const auto found = m_runs.find(id);
  return found == m_runs.end() ? nullptr : found->second.legend;
}

}  // namespace optiscope::ui
