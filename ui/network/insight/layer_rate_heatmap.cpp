#include "ui/network/insight/layer_rate_heatmap.h"

#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/fitted_ticker.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"

namespace optiscope::ui {
namespace {

// Inferno (van der Walt & Smith, matplotlib), sampled at ten points: perceptually uniform with
// lightness rising throughout, so "brighter" reads as "a larger step" in color and in grayscale,
// and it is not viridis, which the loss landscape uses for the loss.
QCPColorGradient inferno() {
  static const char* const stops[] = {"#000004", "#1b0c41", "#4a0c6b", "#781c6d", "#a52c60",
                                      "#cf4446", "#ed6925", "#fb9b06", "#f7d13d", "#fcffa4"};
  QCPColorGradient gradient;
  QMap<double, QColor> map;
  for (int k = 0; k < 10; ++k) map.insert(k / 9.0, QColor(stops[k]));
  gradient.setColorStops(map);
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(128, 128, 128));
  return gradient;
}

// Half a decade of room around a single value (SGD gives every weight the same rate), so that
// it takes the middle color instead of an end of the scale.
constexpr double kHalfDecade = 3.1622776601683795;

// "1.2e-3": two significant digits, and an exponent without C's padding ("1.2e-03").
QString formatRate(double rate) {
  QString text = QString::number(rate, 'e', 1);
  text.replace(QStringLiteral("e-0"), QStringLiteral("e-"))
      .replace(QStringLiteral("e+0"), QStringLiteral("e"));
  return text.replace(QStringLiteral("e+"), QStringLiteral("e"));
}

// Neuron and input numbers (1, 2, ...; "b" for the bias column) as many as fit: the ends
// first, then every 4th, every 2nd, all of them, each where its label clears the others.
class IndexTicker : public FittedTicker {
 public:
  IndexTicker(QCPAxis* axis, int count, bool lastIsBias)
      : FittedTicker(axis), m_count(count), m_lastIsBias(lastIsBias) {}
  bool namesValues() const override { return false; }

 protected:
  bool placesByPriority() const override { return true; }
  std::vector<QVector<double>> candidates(const QCPRange&) const override {
    std::vector<QVector<double>> tiers(4);
    const int last = m_count - 1;
    tiers[0] = {0.0};
    if (last > 0) tiers[0].push_back(last);
    for (int i = 1; i < last; ++i) tiers[i % 4 == 0 ? 1 : i % 2 == 0 ? 2 : 3].push_back(i);
    return tiers;
  }
  QString label(double tick, const QVector<double>&, const QLocale&) const override {
    const int index = static_cast<int>(std::lround(tick));
    return m_lastIsBias && index == m_count - 1 ? QStringLiteral("b") : QString::number(index + 1);
  }

 private:
  int m_count;
  bool m_lastIsBias;
};

}  // namespace

LayerRateHeatmap::LayerRateHeatmap(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(200, 120);
  plotLayout()->clear();
  m_row = new QCPLayoutGrid;
  plotLayout()->addElement(0, 0, m_row);
  m_scale = new QCPColorScale(this);
  plotLayout()->addElement(0, 1, m_scale);
  plotLayout()->setColumnStretchFactor(1, 0.01);
  m_scale->setType(QCPAxis::atRight);
  m_scale->setBarWidth(12);
  m_scale->setGradient(inferno());
  m_scale->setDataScaleType(QCPAxis::stLogarithmic);
  useRoundTicks(m_scale->axis());
  fitTicks(*this);
  m_scale->setLabel(QStringLiteral("η_eff (log)"));
  m_scale->setRangeDrag(false);
  m_scale->setRangeZoom(false);
  m_scale->setDataRange(QCPRange(1e-4, 1e-1));
  setMouseTracking(true);
  connect(this, &QCustomPlot::mouseMove, this, &LayerRateHeatmap::showToolTip);
  styleForPalette();
}

void LayerRateHeatmap::styleForPalette() {
  ui::applyPalette(*this, palette());
  styleAxis(*m_scale->axis(), palette(), font());
}

void LayerRateHeatmap::rebuild(const std::vector<LayerView>& layers) {
  for (QCPColorMap* map : m_maps) removePlottable(map);
  m_maps.clear();
  m_rects.clear();
  m_row->clear();
  clearItems();
  m_layers = layers;
  auto* margins = new QCPMarginGroup(this);
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const LayerView& layer = layers[l];
    const int columns = static_cast<int>(layer.inputs) + 1;
    const int rows = static_cast<int>(layer.outputs);
    auto* rect = new QCPAxisRect(this);
    m_row->addElement(0, static_cast<int>(l), rect);
    m_row->setColumnStretchFactor(static_cast<int>(l), columns);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    rect->setupFullAxesBox(false);
    rect->setRangeDrag(Qt::Orientations());
    rect->setRangeZoom(Qt::Orientations());
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    x->setRange(-0.5, columns - 0.5);
    y->setRange(-0.5, rows - 0.5);
    y->setRangeReversed(true);  // neuron 1 at the top, as the network is drawn
    x->setTicker(QSharedPointer<IndexTicker>::create(x, columns, true));
    y->setTicker(QSharedPointer<IndexTicker>::create(y, rows, false));
    x->setLabel(l + 1 == layers.size() ? tr("output") : tr("layer %1").arg(l + 1));
    if (l == 0) y->setLabel(tr("neuron"));
    for (QCPAxis* axis : rect->axes()) axis->grid()->setVisible(false);

    auto* map = new QCPColorMap(x, y);
    map->setInterpolate(false);
    // Cell centres at the data coordinates, each cell a whole one wide (a tight boundary
    // would cut the edge cells in half).
    map->setTightBoundary(false);
    // QCPColorMap sizes a cell by the distance between neighbours, so a single row (the
    // output layer of a binary classifier) would be drawn zero pixels tall: it is stored as two
    // identical half rows instead.
    if (rows == 1) {
      map->data()->setSize(columns, 2);
      map->data()->setRange(QCPRange(0, columns - 1), QCPRange(-0.25, 0.25));
    } else {
      map->data()->setSize(columns, rows);
      map->data()->setRange(QCPRange(0, columns - 1), QCPRange(0, rows - 1));
    }
    map->setColorScale(m_scale);
    m_maps.push_back(map);
    m_rects.push_back(rect);

    // The bias column is not a weight: a line keeps the two apart.
    auto* divider = new QCPItemStraightLine(this);
    divider->setClipAxisRect(rect);
    for (QCPItemPosition* p : {divider->point1, divider->point2}) p->setAxes(x, y);
    divider->point1->setCoords(columns - 1.5, 0);
    divider->point2->setCoords(columns - 1.5, 1);
    divider->setPen(QPen(palette().color(QPalette::Base), 2));
  }
  styleForPalette();
}

void LayerRateHeatmap::setRates(const std::vector<LayerView>& layers,
                                const Eigen::VectorXd& effectiveLr) {
  const bool sameLayout =
      layers.size() == m_layers.size() &&
      std::equal(layers.begin(), layers.end(), m_layers.begin(), [](const auto& a, const auto& b) {
        return a.inputs == b.inputs && a.outputs == b.outputs && a.weightOffset == b.weightOffset;
      });
  if (!sameLayout) rebuild(layers);
  if (layers.empty() || effectiveLr.size() != layers.back().end()) {
    m_rates = Eigen::VectorXd::Constant(layers.empty() ? 0 : layers.back().end(),
                                        std::numeric_limits<double>::quiet_NaN());
  } else {
    m_rates = effectiveLr;
  }
  fillCells(m_rates);
  replot(QCustomPlot::rpQueuedReplot);
}

void LayerRateHeatmap::clearRates() { setRates({}, {}); }

void LayerRateHeatmap::fillCells(const Eigen::VectorXd& rates) {
  double low = std::numeric_limits<double>::infinity(), high = 0.0;
  for (double rate : rates)
    if (std::isfinite(rate) && rate > 0.0) low = std::min(low, rate), high = std::max(high, rate);
  const bool any = high > 0.0;
  if (!any) {
    low = 1e-4, high = 1e-1;
  } else if (!(high > low * 1.0001)) {
    low /= kHalfDecade, high *= kHalfDecade;
  }
  for (std::size_t l = 0; l < m_maps.size(); ++l) {
    const LayerView& layer = m_layers[l];
    QCPColorMapData* data = m_maps[l]->data();
    for (int j = 0; j < layer.outputs; ++j)
      for (int i = 0; i <= layer.inputs; ++i) {
        const double rate = rateOf(static_cast<int>(l), j, i);
        // A zero rate (a weight the optimizer froze) sits at the bottom of the log scale.
        const double shown = std::isfinite(rate) && rate <= 0.0 ? low : rate;
        data->setCell(i, j, shown);
        if (layer.outputs == 1) data->setCell(i, 1, shown);
      }
  }
  m_scale->setDataRange(QCPRange(low, high));
}

double LayerRateHeatmap::rateOf(int layer, int row, int column) const {
  const LayerView& view = m_layers[static_cast<std::size_t>(layer)];
  const Eigen::Index index = column == view.inputs ? view.biasOffset() + row
                                                   : view.weightOffset + row * view.inputs + column;
  return m_rates[index];
}

int LayerRateHeatmap::cellCount() const {
  int cells = 0;
  for (std::size_t l = 0; l < m_maps.size(); ++l)
    cells += m_maps[l]->data()->keySize() * static_cast<int>(m_layers[l].outputs);
  return cells;
}

QColor LayerRateHeatmap::cellColor(int layer, int row, int column) const {
  const QCPColorMap* map = m_maps[static_cast<std::size_t>(layer)];
  QCPColorGradient gradient = map->gradient();
  return QColor::fromRgba(gradient.color(map->data()->cell(column, row), map->dataRange(),
                                         map->dataScaleType() == QCPAxis::stLogarithmic));
}

QString LayerRateHeatmap::cellToolTip(int layer, int row, int column) const {
  const LayerView& view = m_layers[static_cast<std::size_t>(layer)];
  const QString what =
      column == view.inputs
          ? tr("layer %1, bias %2").arg(layer + 1).arg(row + 1)
          : tr("layer %1, weight %2←%3").arg(layer + 1).arg(row + 1).arg(column + 1);
  const double rate = rateOf(layer, row, column);
  if (std::isnan(rate)) return tr("%1: no update yet").arg(what);
  return tr("%1: η_eff = %2").arg(what, formatRate(rate));
}

LayerRateHeatmap::Cell LayerRateHeatmap::cellAt(const QPointF& position) const {
  for (std::size_t l = 0; l < m_rects.size(); ++l) {
    const QCPAxisRect* rect = m_rects[l];
    if (!rect->rect().contains(position.toPoint())) continue;
    const int column =
        static_cast<int>(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(position.x())));
    const int row =
        static_cast<int>(std::lround(rect->axis(QCPAxis::atLeft)->pixelToCoord(position.y())));
    const LayerView& view = m_layers[l];
    if (column < 0 || column > view.inputs || row < 0 || row >= view.outputs) return {};
    return {static_cast<int>(l), row, column};
  }
  return {};
}

void LayerRateHeatmap::showToolTip(QMouseEvent* event) {
  const Cell cell = cellAt(event->position());
  if (cell.layer < 0 || m_rates.size() == 0) {
    QToolTip::hideText();
    return;
  }
  QToolTip::showText(event->globalPosition().toPoint(),
                     cellToolTip(cell.layer, cell.row, cell.column), this);
}

void LayerRateHeatmap::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    styleForPalette();
    replot(QCustomPlot::rpQueuedReplot);
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui
