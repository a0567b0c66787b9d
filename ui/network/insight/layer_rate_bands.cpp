#include "ui/network/insight/layer_rate_bands.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/fitted_ticker.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"

namespace optiscope::ui {
namespace {

bool positive(double value) { return std::isfinite(value) && value > 0.0; }

}  // namespace

LayerRateBands::LayerRateBands(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(200, 100);
  plotLayout()->clear();
  m_row = new QCPLayoutGrid;
  plotLayout()->addElement(0, 0, m_row);
  ui::applyPalette(*this, palette());
}

void LayerRateBands::setLayerCount(int count) {
  if (count == layerCount()) return;
  clearGraphs();
  m_row->clear();
  m_layers.clear();
  auto* margins = new QCPMarginGroup(this);
  for (int l = 0; l < count; ++l) {
    LayerPlot plot;
    plot.rect = new QCPAxisRect(this);
    m_row->addElement(0, l, plot.rect);
    plot.rect->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    plot.rect->setRangeDrag(Qt::Orientations());
    plot.rect->setRangeZoom(Qt::Orientations());
    QCPAxis* x = plot.rect->axis(QCPAxis::atBottom);
    QCPAxis* y = plot.rect->axis(QCPAxis::atLeft);
    y->setScaleType(QCPAxis::stLogarithmic);
    useRoundTicks(y);
    // Short: at a small window each plot is narrower than "layer 2 · epoch" (the header says
    // that x is the epoch).
    x->setLabel(l + 1 == count ? tr("output") : tr("layer %1").arg(l + 1));
    // One shared y range: the first plot's labels serve all, and the rest keep their width.
    if (l == 0)
      y->setLabel(tr("η_eff"));
    else
      y->setTickLabels(false);
    useRoundTicks(x, true);  // epochs
    const auto graph = [&] {
      QCPGraph* g = addGraph(x, y);
      g->setAdaptiveSampling(true);
      return g;
    };
    // Drawn in this order: wide band, narrow band, then the median line on top.
    plot.min = graph();
    plot.max = graph();
    plot.p10 = graph();
    plot.p90 = graph();
    plot.median = graph();
    plot.max->setChannelFillGraph(plot.min);
    plot.p90->setChannelFillGraph(plot.p10);
    m_layers.push_back(plot);
  }
  fitTicks(*this);
  ui::applyPalette(*this, palette());
  paint(m_color);
}

void LayerRateBands::paint(const QColor& color) {
  m_color = color.isValid() ? color : palette().color(QPalette::Highlight);
  QColor wide = m_color, narrow = m_color, edge = m_color;
  wide.setAlpha(45);
  narrow.setAlpha(110);
  edge.setAlpha(90);
  for (LayerPlot& plot : m_layers) {
    plot.min->setPen(QPen(edge, 1));
    plot.max->setPen(QPen(edge, 1));
    plot.max->setBrush(wide);
    plot.p10->setPen(Qt::NoPen);
    plot.p90->setPen(Qt::NoPen);
    plot.p90->setBrush(narrow);
    plot.median->setPen(QPen(m_color, 2));
  }
}

void LayerRateBands::setHistory(const EpochHistory& history, const QColor& color) {
  std::size_t layers = 0;
  for (std::size_t r = 0; r < history.size(); ++r)
    layers = std::max(layers, history[r].layerRates.size());
  setLayerCount(static_cast<int>(layers));
  paint(color);

  double low = std::numeric_limits<double>::infinity(), high = 0.0, lastEpoch = 1.0;
  for (std::size_t r = 0; r < history.size(); ++r) {
    lastEpoch = std::max(lastEpoch, static_cast<double>(history[r].epoch));
    for (const RateBands& bands : history[r].layerRates)
      for (double v : {bands.min, bands.p10, bands.median, bands.p90, bands.max})
        if (positive(v)) low = std::min(low, v), high = std::max(high, v);
  }
  if (!(high > 0.0)) low = 1e-4, high = 1e-1;
  const double bottom = std::pow(10.0, std::floor(std::log10(low) - 0.05));
  const double top = std::max(std::pow(10.0, std::ceil(std::log10(high) + 0.05)), bottom * 10.0);
  // A zero rate (a frozen weight) has no place on a log axis: it is drawn on the floor.
  const auto clamp = [bottom](double v) { return positive(v) ? v : bottom; };

  for (std::size_t l = 0; l < m_layers.size(); ++l) {
    QVector<QCPGraphData> min, p10, median, p90, max;
    for (std::size_t r = 0; r < history.size(); ++r) {
      const EpochRecord& record = history[r];
      if (l >= record.layerRates.size() || !positive(record.layerRates[l].median)) continue;
      const RateBands& b = record.layerRates[l];
      const auto epoch = static_cast<double>(record.epoch);
      min.push_back({epoch, clamp(b.min)});
      p10.push_back({epoch, clamp(b.p10)});
      median.push_back({epoch, b.median});
      p90.push_back({epoch, clamp(b.p90)});
      max.push_back({epoch, clamp(b.max)});
    }
    LayerPlot& plot = m_layers[l];
    plot.min->data()->set(min, true);
    plot.p10->data()->set(p10, true);
    plot.median->data()->set(median, true);
    plot.p90->data()->set(p90, true);
    plot.max->data()->set(max, true);
    plot.rect->axis(QCPAxis::atBottom)->setRange(0.0, lastEpoch);
    plot.rect->axis(QCPAxis::atLeft)->setRange(bottom, top);
  }
  replot(QCustomPlot::rpQueuedReplot);
}

void LayerRateBands::clearHistory() {
  setLayerCount(0);
  replot(QCustomPlot::rpQueuedReplot);
}

std::vector<QCPGraph*> LayerRateBands::graphsOfLayer(int layer) const {
  const LayerPlot& plot = m_layers[static_cast<std::size_t>(layer)];
  return {plot.min, plot.p10, plot.median, plot.p90, plot.max};
}

QCPAxisRect* LayerRateBands::layerRect(int layer) const {
  return m_layers[static_cast<std::size_t>(layer)].rect;
}

void LayerRateBands::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    ui::applyPalette(*this, palette());
    replot(QCustomPlot::rpQueuedReplot);
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui
