#include <QLabel>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/nn/mlp_layout.h"
#include "core/optim/registry.h"
#include "ui/network/insight/layer_rate_bands.h"
#include "ui/network/insight/layer_rate_heatmap.h"
#include "ui/network/insight/loss_slice_view.h"
#include "ui/network/insight/network_insight_panel.h"
#include "ui/network/network_controller.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<LayerView> shape3542() { return layerViews(MlpShape{3, {5, 4}, 2}); }

Eigen::Index weightIndex(const LayerView& layer, int row, int column) {
  return layer.weightOffset + row * layer.inputs + column;
}

double lightness(const QColor& color) { return color.toHsl().lightnessF(); }

EpochRecord record(long long epoch, std::vector<RateBands> rates) {
  EpochRecord r;
  r.epoch = epoch;
  r.step = epoch * 25;
  r.layerRates = std::move(rates);
  return r;
}

std::vector<double> valuesOf(QCPGraph* graph) {
  std::vector<double> out;
  for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
    out.push_back(it->value);
  return out;
}

}  // namespace

TEST_CASE("the rate heatmap has one cell per weight and per bias", "[ui][insight]") {
  LayerRateHeatmap heatmap;
  const auto layers = shape3542();
  const Eigen::Index count = layers.back().end();  // 3·5+5 + 5·4+4 + 4·2+2 = 54
  heatmap.setRates(layers, Eigen::VectorXd::LinSpaced(count, 1e-4, 1e-2));
  REQUIRE(heatmap.layerCount() == 3);
  CHECK(heatmap.cellCount() == count);
  CHECK(count == 54);
  for (int l = 0; l < 3; ++l) {
    CHECK(heatmap.layerMap(l)->data()->keySize() == layers[l].inputs + 1);
    CHECK(heatmap.layerMap(l)->data()->valueSize() == layers[l].outputs);
  }
  // A different network rebuilds the maps.
  heatmap.setRates(layerViews(MlpShape{2, {8, 8}, 1}), Eigen::VectorXd::Constant(113, 0.01));
  CHECK(heatmap.layerCount() == 3);
  CHECK(heatmap.cellCount() == 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
}

TEST_CASE("rate colors follow a log scale shared by the layers", "[ui][insight]") {
  LayerRateHeatmap heatmap;
  const auto layers = shape3542();
  Eigen::VectorXd rates = Eigen::VectorXd::Constant(layers.back().end(), 1e-3);
  rates[weightIndex(layers[0], 0, 0)] = 1e-4;
  rates[weightIndex(layers[2], 1, 3)] = 1e-1;  // the extremes sit in different layers
  heatmap.setRates(layers, rates);
  CHECK(heatmap.colorScale()->dataScaleType() == QCPAxis::stLogarithmic);
  CHECK(heatmap.colorScale()->dataRange().lower == Approx(1e-4));
  CHECK(heatmap.colorScale()->dataRange().upper == Approx(1e-1));
  for (int l = 0; l < 3; ++l)
    CHECK(heatmap.layerMap(l)->dataRange() == heatmap.colorScale()->dataRange());

  const QColor low = heatmap.cellColor(0, 0, 0);
  const QColor middle = heatmap.cellColor(1, 2, 2);
  const QColor high = heatmap.cellColor(2, 1, 3);
  CHECK(lightness(low) < lightness(middle));
  CHECK(lightness(middle) < lightness(high));
  // 1e-3 is a third of the way from 1e-4 to 1e-1 in decades, not 1 % as on a linear scale.
  QCPColorGradient gradient = heatmap.colorScale()->gradient();
  const QColor third = QColor::fromRgba(gradient.color(1.0 / 3.0, QCPRange(0.0, 1.0)));
  const QColor linearPlace = QColor::fromRgba(gradient.color(0.009, QCPRange(0.0, 1.0)));
  CHECK(middle == third);
  CHECK(middle != linearPlace);
}

TEST_CASE("hovering a rate cell names the weight and its rate", "[ui][insight]") {
  LayerRateHeatmap heatmap;
  heatmap.resize(700, 300);
  heatmap.show();
  const auto layers = shape3542();
  Eigen::VectorXd rates = Eigen::VectorXd::Constant(layers.back().end(), 1e-2);
  rates[weightIndex(layers[1], 2, 4)] = 1.2e-3;  // layer 2, neuron 3, input 5
  rates[layers[0].biasOffset() + 1] = 4.5e-5;
  heatmap.setRates(layers, rates);
  CHECK(heatmap.cellToolTip(1, 2, 4) == QStringLiteral("layer 2, weight 3←5: η_eff = 1.2e-3"));
  CHECK(heatmap.cellToolTip(0, 1, 3) == QStringLiteral("layer 1, bias 2: η_eff = 4.5e-5"));

  heatmap.replot();
  const QCPAxisRect* rect = heatmap.layerMap(1)->keyAxis()->axisRect();
  const QPointF centre(rect->axis(QCPAxis::atBottom)->coordToPixel(4),
                       rect->axis(QCPAxis::atLeft)->coordToPixel(2));
  const LayerRateHeatmap::Cell cell = heatmap.cellAt(centre);
  CHECK(cell.layer == 1);
  CHECK(cell.row == 2);
  CHECK(cell.column == 4);
  CHECK(heatmap.cellAt(QPointF(1, 1)).layer == -1);

  heatmap.setRates(layers, Eigen::VectorXd::Constant(layers.back().end(), kNaN));
  CHECK(heatmap.cellToolTip(1, 2, 4) == QStringLiteral("layer 2, weight 3←5: no update yet"));
  CHECK(std::isnan(heatmap.layerMap(1)->data()->cell(4, 2)));
}

TEST_CASE("a layer of one neuron is painted, not collapsed to nothing", "[ui][insight]") {
  LayerRateHeatmap heatmap;
  heatmap.resize(700, 300);
  heatmap.show();
  const auto layers = layerViews(MlpShape{2, {8, 8}, 1});
  Eigen::VectorXd rates = Eigen::VectorXd::Constant(layers.back().end(), 1e-4);
  rates.segment(layers[2].weightOffset, 9).setConstant(1e-1);  // the output neuron: brightest
  heatmap.setRates(layers, rates);
  heatmap.replot();
  CHECK(heatmap.cellCount() == 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
  const QImage image = heatmap.toPixmap(heatmap.width(), heatmap.height()).toImage();
  const QCPAxisRect* rect = heatmap.layerMap(2)->keyAxis()->axisRect();
  for (int column : {0, 4, 8}) {
    const QPoint centre(qRound(rect->axis(QCPAxis::atBottom)->coordToPixel(column)),
                        qRound(rect->axis(QCPAxis::atLeft)->coordToPixel(0)));
    const QColor painted = image.pixelColor(centre);
    const QColor expected = heatmap.cellColor(2, 0, column);
    CHECK(std::abs(painted.red() - expected.red()) <= 8);
    CHECK(std::abs(painted.green() - expected.green()) <= 8);
    CHECK(std::abs(painted.blue() - expected.blue()) <= 8);
  }
  CHECK(lightness(heatmap.cellColor(2, 0, 4)) > 0.8);
}

TEST_CASE("the bands plot draws five series per layer from an epoch history", "[ui][insight]") {
  EpochHistory history;
  history.append(record(0, {{kNaN, kNaN, kNaN, kNaN, kNaN}, {kNaN, kNaN, kNaN, kNaN, kNaN}}));
  for (int e = 1; e <= 3; ++e) {
    const double s = std::pow(10.0, -e);
    history.append(record(e, {{1e-5 * s, 1e-4 * s, 1e-3 * s, 1e-2 * s, 1e-1 * s},
                              {0.5 * s, 0.6 * s, 0.7 * s, 0.8 * s, 0.9 * s}}));
  }
  LayerRateBands bands;
  bands.setHistory(history, QColor(200, 30, 30));
  REQUIRE(bands.layerCount() == 2);
  for (int l = 0; l < 2; ++l) {
    const auto graphs = bands.graphsOfLayer(l);
    REQUIRE(graphs.size() == 5);
    CHECK(bands.layerRect(l)->axis(QCPAxis::atLeft)->scaleType() == QCPAxis::stLogarithmic);
    CHECK(graphs[4]->channelFillGraph() == graphs[0]);  // min–max band
    CHECK(graphs[3]->channelFillGraph() == graphs[1]);  // 10–90 % band
    CHECK(graphs[2]->pen().color() == QColor(200, 30, 30));
    for (int series = 0; series < 5; ++series) {
      const std::vector<double> values = valuesOf(graphs[series]);
      REQUIRE(values.size() == 3);  // epoch 0 has no update, so no band
      for (int e = 1; e <= 3; ++e) {
        const RateBands& b = history[e].layerRates[l];
        const double expected[] = {b.min, b.p10, b.median, b.p90, b.max};
        CHECK(values[e - 1] == expected[series]);
      }
    }
    CHECK(graphs[0]->data()->constBegin()->key == 1.0);
  }
  // One y range for all layers, covering every value.
  const QCPRange y0 = bands.layerRect(0)->axis(QCPAxis::atLeft)->range();
  CHECK(y0 == bands.layerRect(1)->axis(QCPAxis::atLeft)->range());
  CHECK(y0.lower <= 1e-8);
  CHECK(y0.upper >= 0.09);
  bands.clearHistory();
  CHECK(bands.layerCount() == 0);
}

TEST_CASE("the insight panel follows the selected run of a training network", "[ui][insight]") {
  NetworkController controller;
  controller.loadDefaultScene();
  NetworkInsightPanel panel(&controller);
  panel.resize(900, 600);
  panel.show();
  const long long perEpoch = controller.stepsPerEpoch();
  controller.step(3 * perEpoch);
  REQUIRE(controller.waitUntilIdle(30000));
  panel.refreshNow();

  const RunId selected = controller.selectedRun();
  REQUIRE(selected != 0);
  const Eigen::Index parameters = controller.task()->parameterCount();
  CHECK(panel.rateHeatmap()->cellCount() == parameters);
  CHECK(panel.rateHeader()->text().contains(controller.style(selected).label));
  const RunSnapshot* run = controller.runSnapshot(selected);
  REQUIRE(run);
  const LayerView& first = controller.task()->mlp().layers().front();
  CHECK(panel.rateHeatmap()->layerMap(0)->data()->cell(1, 0) ==
        run->effectiveLr[first.weightOffset + 1]);

  const EpochHistory* history = controller.epochs(selected);
  REQUIRE(history);
  REQUIRE(history->size() == 4);  // epochs 0..3
  REQUIRE(panel.rateBands()->layerCount() == 3);
  for (int l = 0; l < 3; ++l) CHECK(panel.rateBands()->graphsOfLayer(l)[2]->data()->size() == 3);

  // Selecting another run redraws for it, in its color.
  const RunId other = controller.runIds().back();
  REQUIRE(other != selected);
  controller.selectRun(other);
  CHECK(panel.rateBands()->graphsOfLayer(0)[2]->pen().color() == controller.style(other).color);
  CHECK(panel.rateHeader()->text().contains(controller.style(other).label));

  // A hidden tab is not fed while training goes on; it catches up when shown.
  panel.setCurrentWidget(panel.sliceView());
  controller.step(perEpoch);
  REQUIRE(controller.waitUntilIdle(30000));
  panel.refreshNow();
  CHECK(panel.rateBands()->graphsOfLayer(0)[2]->data()->size() == 3);
  panel.setCurrentIndex(0);
  CHECK(panel.rateBands()->graphsOfLayer(0)[2]->data()->size() == 4);
}
