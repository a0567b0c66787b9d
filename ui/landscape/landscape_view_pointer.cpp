// The landscape view's pointer input: clicks and drags that move the start point, and the
// hover tooltip over path points and minima. Panning and zooming are QCustomPlot's own.
#include <qcustomplot.h>

#include <QMouseEvent>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "core/util/spec_error.h"
#include "ui/landscape/hover_tooltip.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_markers.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/trajectory_paths.h"

namespace optiscope::ui {

namespace {

// Index of the kept trace point whose step is nearest to `step` (steps increase with index).
std::size_t pointNearestStep(const Trace& trace, long long step) {
  std::size_t low = 0, high = trace.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (trace[middle].step < step) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == trace.size()) return trace.size() - 1;
  if (low > 0 && step - trace[low - 1].step < trace[low].step - step) return low - 1;
  return low;
}

}  // namespace

// ---------------------------------------------------------------- mouse

bool LandscapeView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != m_plot) return QWidget::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      return handleMousePress(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove:
      return handleMouseMove(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonRelease:
      return handleMouseRelease(static_cast<QMouseEvent*>(event));
    case QEvent::Leave:
      hideHover();
      return false;
    default:
      return false;
  }
}

bool LandscapeView::handleMousePress(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return false;
  hideHover();
  const QPointF pixel = event->position();
  if (m_markers->isNearStart(pixel, kStartGrabRadiusPx)) {
    m_draggingStart = true;  // consumed: QCustomPlot must not start panning
    m_plot->setCursor(Qt::ClosedHandCursor);
    return true;
  }
  m_pressed = true;
  m_pressMoved = false;
  m_pressPixel = pixel;
  return false;
}

bool LandscapeView::handleMouseMove(QMouseEvent* event) {
  const QPointF pixel = event->position();
  if (m_draggingStart) {
    // Live preview: the marker follows; the runs restart when it is dropped.
    const QRect area = axisRect()->rect();
    const QPointF inside(std::clamp<double>(pixel.x(), area.left(), area.right()),
                         std::clamp<double>(pixel.y(), area.top(), area.bottom()));
    m_markers->setStart(toCoordinates(inside));
    m_markerLayer->replot();
    return true;
  }
  if (m_pressed) {
    const QPointF moved = pixel - m_pressPixel;
    if (std::hypot(moved.x(), moved.y()) > kClickSlopPx) m_pressMoved = true;
    return false;
  }
  if (event->buttons() == Qt::NoButton) {
    m_plot->setCursor(m_markers->isNearStart(pixel, kStartGrabRadiusPx) ? Qt::OpenHandCursor
                                                                        : Qt::CrossCursor);
    hoverAt(pixel);
  }
  return false;
}

bool LandscapeView::handleMouseRelease(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return false;
  const QPointF pixel = event->position();
  if (m_draggingStart) {
    m_draggingStart = false;
    m_plot->setCursor(Qt::OpenHandCursor);
    restartAt(m_markers->start());
    return true;
  }
  if (!m_pressed) return false;
  m_pressed = false;
  const bool onLegend = m_plot->legend && m_plot->legend->visible() &&
                        m_plot->legend->outerRect().contains(pixel.toPoint());
  if (!m_pressMoved && insidePlotArea(pixel) && !onLegend) restartAt(toCoordinates(pixel));
  return false;
}

bool LandscapeView::insidePlotArea(QPointF pixel) const {
  return axisRect()->rect().contains(pixel.toPoint());
}

Eigen::Vector2d LandscapeView::toCoordinates(QPointF pixel) const {
  return {axisRect()->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()),
          axisRect()->axis(QCPAxis::atLeft)->pixelToCoord(pixel.y())};
}

void LandscapeView::restartAt(const Eigen::Vector2d& start) {
  if (!m_objective) return;
  try {
    m_controller->setStart(Eigen::VectorXd(start));
  } catch (const SpecError&) {
    m_markers->setStart(m_controller->start());  // refused: the marker goes back
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

// ---------------------------------------------------------------- hover

void LandscapeView::hoverAt(QPointF pixel) {
  if (!insidePlotArea(pixel)) return hideHover();
  if (const auto minimum = m_markers->minimumNear(pixel, kHoverRadiusPx)) {
    m_hover.reset();
    m_markers->setHover(std::nullopt);
    m_hoverText = minimumTooltipText(*minimum);
    QToolTip::showText(m_plot->mapToGlobal(pixel.toPoint()), m_hoverText, m_plot);
    emit hoverTextChanged(m_hoverText);
    return;
  }
  const std::optional<PathHit> hit = m_paths->nearest(pixel, kHoverRadiusPx);
  if (!hit) return hideHover();
  const ReplayKey key{hit->run, m_controller->traces().generation(hit->run), hit->step};
  if (m_hover && m_hover->key == key && QToolTip::isVisible()) {
    m_hover->pixel = pixel;
    return;  // nothing new to say
  }
  showHover(key, pixel);
}

void LandscapeView::showHover(const ReplayKey& key, QPointF pixel) {
  const Trace* trace = m_controller->traces().find(key.run);
  if (!trace || trace->empty() || m_controller->traces().generation(key.run) != key.generation)
    return hideHover();
  const TracePoint point = (*trace)[pointNearestStep(*trace, key.step)];
  const ReplayKey shown{key.run, key.generation, point.step};
  m_hover = Hover{shown, pixel};

  const RunStyle& style = m_controller->style(key.run);
  HoverSample sample;
  sample.runLabel = style.label;
  sample.color = style.color;
  sample.step = point.step;
  sample.params = point.params;
  sample.loss = point.loss;
  sample.gradient = point.gradient;
  sample.effectiveLr = point.effectiveLr;

  const auto snapshot = m_controller->snapshot();
  const RunSnapshot* head = snapshot ? snapshot->find(key.run) : nullptr;
  if (head && head->generation == key.generation && head->step == point.step) {
    sample.state = HoverSample::State::Known;
    sample.stateVectors = head->state;
  } else if (const ReplayOutcome* outcome = m_replay->cached(shown)) {
    sample.state = outcome->exact ? HoverSample::State::Known : HoverSample::State::SettingsChanged;
    sample.stateVectors = outcome->state;
  } else if (auto config = configFor(key.run, key.generation)) {
    sample.state = HoverSample::State::Pending;
    m_replay->request(shown, std::move(config), point.params, point.loss);
  } else {
    sample.state = HoverSample::State::SettingsChanged;
  }

  m_markers->setHover(Eigen::Vector2d(point.params[0], point.params[1]));
  m_markerLayer->replot();
  m_hoverText = hoverTooltipText(sample);
  QToolTip::showText(m_plot->mapToGlobal(pixel.toPoint()), m_hoverText, m_plot);
  emit hoverTextChanged(m_hoverText);
}

void LandscapeView::onReplayed(const ReplayKey& key) {
  // The same point, even if the view moved under the mouse meanwhile.
  if (m_hover && m_hover->key == key) showHover(key, m_hover->pixel);
}

void LandscapeView::hideHover() {
  const bool wasShown = m_hover.has_value() || !m_hoverText.isEmpty();
  m_hover.reset();
  if (!wasShown) return;
  m_hoverText.clear();
  m_markers->setHover(std::nullopt);
  m_markerLayer->replot();
  QToolTip::hideText();
  emit hoverTextChanged(m_hoverText);
}

}  // namespace optiscope::ui
