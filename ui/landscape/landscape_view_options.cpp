// The landscape view's display options: equal aspect and the legend's place and size.
#include <qcustomplot.h>

#include <QActionGroup>
#include <QMenu>
#include <cmath>

#include "ui/common/plot_access.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/trajectory_paths.h"

namespace optiscope::ui {

namespace {

constexpr double kSmallLegendScale = 0.78;
// New tick labels move the axis rect by a few pixels after a fit; the aspect is fitted again
// for that at most this many times (labels change with the ranges, so this could go on).
constexpr int kMaxAspectRefits = 2;
constexpr double kAspectTolerance = 0.02;

Qt::Alignment alignmentOf(LandscapeView::LegendPlacement placement) {
  using P = LandscapeView::LegendPlacement;
  switch (placement) {
    case P::TopLeft:
      return Qt::AlignTop | Qt::AlignLeft;
    case P::BottomLeft:
      return Qt::AlignBottom | Qt::AlignLeft;
    case P::BottomRight:
      return Qt::AlignBottom | Qt::AlignRight;
    default:
      return Qt::AlignTop | Qt::AlignRight;
  }
}

}  // namespace

// ---------------------------------------------------------------- equal aspect

std::pair<QCPRange, QCPRange> LandscapeView::fittedBox(const QCPRange& x, const QCPRange& y) const {
  const QRect pixels = axisRect()->rect();
  if (!m_equalAspect || pixels.width() <= 10 || pixels.height() <= 10) return {x, y};
  // One scale for both axes, the larger of the two the box needs: the box stays whole.
  const double scale = std::max(x.size() / pixels.width(), y.size() / pixels.height());
  return {
      QCPRange(x.center() - scale * pixels.width() / 2, x.center() + scale * pixels.width() / 2),
      QCPRange(y.center() - scale * pixels.height() / 2, y.center() + scale * pixels.height() / 2)};
}

void LandscapeView::showBox(const QCPRange& x, const QCPRange& y) {
  m_wantedX = x;
  m_wantedY = y;
  const QRect pixels = axisRect()->rect();
  const auto [shownX, shownY] = fittedBox(x, y);
  m_aspectFittedFor = m_equalAspect && pixels.width() > 10 && pixels.height() > 10
                          ? m_plot->size()
                          : QSize();  // fitted again once the plot has a size
  m_settingRange = true;
  axisRect()->axis(QCPAxis::atBottom)->setRange(shownX);
  axisRect()->axis(QCPAxis::atLeft)->setRange(shownY);
  m_settingRange = false;
}

void LandscapeView::layOutForFigure() {
  if (m_equalAspect && m_objective && m_wantedX.size() > 0.0 && m_wantedY.size() > 0.0) {
    const auto [x, y] = fittedBox(m_wantedX, m_wantedY);
    QCPAxis* xAxis = axisRect()->axis(QCPAxis::atBottom);
    QCPAxis* yAxis = axisRect()->axis(QCPAxis::atLeft);
    if (xAxis->range() != x || yAxis->range() != y) {
      m_settingRange = true;
      xAxis->setRange(x);
      yAxis->setRange(y);
      m_settingRange = false;
      relayout(*m_plot);  // ticks for the new ranges; lays out to the same size, so no loop
      return;
    }
  }
  m_paths->update(m_controller->traces());
}

void LandscapeView::keepAspect() {
  if (!m_equalAspect || !m_objective || m_wantedX.size() <= 0.0 || m_wantedY.size() <= 0.0) return;
  // A resized plot refits; so does one whose new tick labels moved the axis rect enough to
  // show, but only a few times: refitting changes the labels again.
  const QRect pixels = axisRect()->rect();
  const double aspect =
      pixels.width() > 0 && pixels.height() > 0
          ? (pixels.width() / axisRect()->axis(QCPAxis::atBottom)->range().size()) /
                (pixels.height() / axisRect()->axis(QCPAxis::atLeft)->range().size())
          : 1.0;
  const bool resized = m_plot->size() != m_aspectFittedFor;
  const bool drifted =
      m_aspectRefits < kMaxAspectRefits && std::abs(aspect - 1.0) > kAspectTolerance;
  if (!resized && !drifted) return;
  m_aspectRefits = resized ? 0 : m_aspectRefits + 1;
  showBox(m_wantedX, m_wantedY);
  if (m_aspectFittedFor.isValid()) {
    requestLandscape(false);
    QTimer::singleShot(0, this, [this] { m_plot->replot(QCustomPlot::rpQueuedReplot); });
  }
}

void LandscapeView::setEqualAspect(bool on) {
  if (on == m_equalAspect) return;
  m_equalAspect = on;
  m_aspectRefits = 0;
  if (m_objective) {
    if (on) {
      showBox(axisRect()->axis(QCPAxis::atBottom)->range(),
              axisRect()->axis(QCPAxis::atLeft)->range());
    } else {
      showBox(m_wantedX, m_wantedY);  // the box itself, stretched to the widget
    }
    requestLandscape(false);
    m_paths->update(m_controller->traces());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
  emit equalAspectChanged(on);
}

// ---------------------------------------------------------------- legend

void LandscapeView::setLegendPlacement(LegendPlacement placement) {
  m_legendPlacement = placement;
  m_plot->legend->setVisible(placement != LegendPlacement::Hidden);
  axisRect()->insetLayout()->setInsetAlignment(0, alignmentOf(placement));
  m_plot->replot(QCustomPlot::rpQueuedReplot);
  emit legendChanged();
}

void LandscapeView::setLegendSmall(bool small) {
  m_legendSmall = small;
  styleLegend();
  emit legendChanged();
}

void LandscapeView::styleLegend() {
  const bool small = m_legendSmall;
  QFont legendFont = font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * (small ? kSmallLegendScale : 0.9));
  m_plot->legend->setFont(legendFont);
  m_plot->legend->setIconSize(small ? QSize(18, 10) : QSize(32, 18));
  m_plot->legend->setRowSpacing(small ? 0 : 1);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::addOptionsTo(QMenu& menu) {
  QAction* aspect = menu.addAction(tr("Equal aspect"), this, &LandscapeView::setEqualAspect);
  aspect->setCheckable(true);
  aspect->setChecked(m_equalAspect);
  QMenu* legend = menu.addMenu(tr("Legend"));
  auto* group = new QActionGroup(legend);
  const std::pair<LegendPlacement, QString> places[] = {
      {LegendPlacement::TopRight, tr("Top right")},
      {LegendPlacement::TopLeft, tr("Top left")},
      {LegendPlacement::BottomLeft, tr("Bottom left")},
      {LegendPlacement::BottomRight, tr("Bottom right")},
      {LegendPlacement::Hidden, tr("Hidden")}};
  for (const auto& [place, label] : places) {
    QAction* action =
        legend->addAction(label, this, [this, place = place] { setLegendPlacement(place); });
    action->setCheckable(true);
    action->setChecked(m_legendPlacement == place);
    group->addAction(action);
  }
  legend->addSeparator();
  QAction* small = legend->addAction(tr("Small"), this, &LandscapeView::setLegendSmall);
  small->setCheckable(true);
  small->setChecked(m_legendSmall);
}

}  // namespace optiscope::ui
