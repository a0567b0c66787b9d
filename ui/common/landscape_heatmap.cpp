#include "ui/common/landscape_heatmap.h"

#include <qcustomplot.h>

#include <cmath>
#include <utility>

#include "ui/common/fitted_ticker.h"
#include "ui/common/landscape_color_ticker.h"
#include "ui/common/landscape_contour_layer.h"
#include "ui/common/plot_style.h"

namespace optiscope::ui {

namespace {

// Viridis (van der Walt & Smith, matplotlib): perceptually uniform and readable in grayscale,
// so equal steps in f look like equal steps in color.
QCPColorGradient viridis() {
  QCPColorGradient gradient;
  gradient.setColorStops({{0.000, QColor(0x44, 0x01, 0x54)},
                          {0.125, QColor(0x47, 0x2d, 0x7b)},
                          {0.250, QColor(0x3b, 0x52, 0x8b)},
                          {0.375, QColor(0x2c, 0x72, 0x8e)},
                          {0.500, QColor(0x21, 0x91, 0x8c)},
                          {0.625, QColor(0x28, 0xae, 0x80)},
                          {0.750, QColor(0x5d, 0xc8, 0x63)},
                          {0.875, QColor(0xad, 0xdc, 0x30)},
                          {1.000, QColor(0xfd, 0xe7, 0x25)}});
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  // Undefined regions (overflow) stay see-through rather than taking an extreme color.
  gradient.setNanHandling(QCPColorGradient::nhTransparent);
  return gradient;
}

}  // namespace

LandscapeHeatmap::LandscapeHeatmap(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer)
    : m_plot(plot) {
  m_colorMap = new QCPColorMap(axisRect->axis(QCPAxis::atBottom), axisRect->axis(QCPAxis::atLeft));
  m_colorMap->setLayer(layer);
  m_colorMap->setInterpolate(true);
  m_colorMap->setGradient(viridis());
  m_colorMap->setVisible(false);

  m_colorScale = new QCPColorScale(plot);
  plot->plotLayout()->addElement(0, 1, m_colorScale);
  m_colorScale->setType(QCPAxis::atRight);
  m_colorScale->setBarWidth(12);
  // Room for labels like "-78.33" and "1e+05" up front: a width that followed the labels
  // would shift the whole map sideways whenever another function or zoom changes them.
  m_colorScale->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
  m_colorScale->setMinimumSize(92, 0);
  m_colorScale->setRangeDrag(false);
  m_colorScale->setRangeZoom(false);
  m_colorMap->setColorScale(m_colorScale);
  m_colorScale->setGradient(viridis());
  auto* margins = new QCPMarginGroup(plot);
  axisRect->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
  m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

  fitTicks(*plot);
  m_contours = new LandscapeContourLayer(plot, axisRect, layer);
  m_conversion = std::make_unique<GuiJob<HeatmapImage>>(
      [this](std::shared_ptr<const HeatmapImage> image) { apply(image); });
}

LandscapeHeatmap::~LandscapeHeatmap() { m_conversion.reset(); }

void LandscapeHeatmap::show(std::shared_ptr<const LandscapeResult> result,
                            std::optional<bool> logColors) {
  m_conversion->request(
      [result = std::move(result), logColors](const GuiJob<HeatmapImage>::Outlet& outlet) {
        outlet.deliver(buildHeatmapImage(result, logColors));
      });
}

void LandscapeHeatmap::apply(const std::shared_ptr<const HeatmapImage>& image) {
  m_shown = image->result;
  m_logColors = image->logColors;
  m_colorMap->setData(image->data.get(), true);  // a copy: the image stays immutable
  m_colorMap->setDataRange(QCPRange(image->low, image->high));
  QCPAxis* bar = m_colorScale->axis();
  if (m_logColors) {
    bar->setTicker(
        QSharedPointer<LandscapeLogTicker>::create(bar, m_shown->floor, m_shown->logOffset));
    m_colorScale->setLabel(tr("f (log scale)"));
  } else {
    useRoundTicks(bar);
    m_colorScale->setLabel(tr("f"));
  }
  m_colorMap->setVisible(true);
  m_contours->setResult(m_shown);
  m_contours->setVisible(m_contoursShown);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
  emit shown(image->logColors, image->spansDecades);
}

void LandscapeHeatmap::clear() {
  m_conversion->cancelAll();  // conversions still running belong to the previous function
  m_shown.reset();
  m_colorMap->setVisible(false);
  m_contours->setResult(nullptr);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeHeatmap::setContoursShown(bool shown) {
  m_contoursShown = shown;
  m_contours->setVisible(shown && m_shown != nullptr);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeHeatmap::applyPalette(const QPalette& palette) {
  styleAxis(*m_colorScale->axis(), palette, m_plot->font());
}

}  // namespace optiscope::ui
