#include "ui/landscape/side_plots.h"

#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/learning_rate_plot.h"
#include "ui/landscape/loss_plot.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

struct Fixture {
  LandscapeController controller;
  SidePlots plots{&controller};
  Fixture() {
    plots.resize(900, 260);
    plots.show();
  }
  void run(long long steps) {
    controller.step(steps);
    REQUIRE(controller.waitUntilIdle(20000));
    plots.lossPlot()->refreshNow();
    plots.learningRatePlot()->refreshNow();
  }
  static std::vector<double> values(QCPGraph* graph) {
    std::vector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
      out.push_back(it->value);
    return out;
  }
};

}  // namespace

TEST_CASE("side plots draw every run in its color: loss, and η_x solid / η_y dashed",
          "[ui][plots]") {
  Fixture f;
  f.controller.loadDefaultScene();
  f.run(300);
  for (RunId id : f.controller.runIds()) {
    const QColor color = f.controller.style(id).color;
    const auto loss = f.plots.lossPlot()->graphsOf(id);
    REQUIRE(loss.size() == 1);
    CHECK(loss[0]->pen().color() == color);
    CHECK(loss[0]->data()->size() > 10);
    const auto rates = f.plots.learningRatePlot()->graphsOf(id);
    REQUIRE(rates.size() == 2);
    CHECK(rates[0]->pen().color() == color);
    CHECK(rates[1]->pen().color() == color);
    CHECK(rates[0]->pen().style() == Qt::SolidLine);
    CHECK(rates[1]->pen().style() == Qt::DashLine);
    CHECK(rates[0]->data()->size() > 10);
  }
  CHECK(f.plots.lossPlot()->yAxis->scaleType() == QCPAxis::stLogarithmic);
  CHECK(f.plots.learningRatePlot()->yAxis->scaleType() == QCPAxis::stLogarithmic);
}

TEST_CASE("the learning-rate plot tells the adaptive story", "[ui][plots]") {
  Fixture f;
  f.controller.loadDefaultScene();
  f.controller.clearRuns();
  const RunId sgd = f.controller.addRun(parseOptimizerSpec("sgd:lr=0.001"));
  const RunId adagrad = f.controller.addRun(parseOptimizerSpec("adagrad:lr=0.5"));
  f.run(500);
  // SGD's rate is its lr at every step; AdaGrad's only shrinks.
  for (double eta : Fixture::values(f.plots.learningRatePlot()->graphsOf(sgd)[0]))
    CHECK(eta == 0.001);
  const auto shrinking = Fixture::values(f.plots.learningRatePlot()->graphsOf(adagrad)[0]);
  REQUIRE(shrinking.size() > 10);
  CHECK(shrinking.back() < shrinking.front());
}

TEST_CASE("the loss plot stays readable when f* is negative", "[ui][plots]") {
  Fixture f;
  f.controller.setObjective(parseObjectiveSpec("mccormick"));  // f* = -1.913
  const RunId id = f.controller.addRun(parseOptimizerSpec("adam:lr=0.05"));
  f.run(200);
  const auto gaps = Fixture::values(f.plots.lossPlot()->graphsOf(id)[0]);
  REQUIRE(gaps.size() > 10);
  for (double gap : gaps) CHECK(gap > 0.0);  // f − f*, plotted on a log axis
  CHECK(f.plots.lossPlot()->yAxis->label().contains("f*"));
}

TEST_CASE("a long run is thinned to the plot's pixel columns", "[ui][plots]") {
  Fixture f;
  f.controller.setObjective(parseObjectiveSpec("quadratic"));
  // Gradient noise keeps the loss jittering above 0 for the whole run.
  const RunId id = f.controller.addRun(parseOptimizerSpec("sgd:lr=0.01"), {}, 0.1, 1);
  f.run(200000);
  const int width = f.plots.lossPlot()->axisRect()->width();
  const auto points = f.plots.lossPlot()->graphsOf(id)[0]->data()->size();
  // Not thinned to nothing: at least one point per few columns. When the GUI polls late (a
  // loaded machine), the engine's hand-over has already thinned the early steps, which the log
  // step axis spreads over many columns, so the lower bound is loose.
  CHECK(points > width / 4);
  CHECK(points <= 4 * (width + 2));
}

TEST_CASE("the step axis toggles between log and linear, and hidden runs are not drawn",
          "[ui][plots]") {
  Fixture f;
  f.controller.loadDefaultScene();
  f.run(50);
  CHECK(f.plots.lossPlot()->xAxis->scaleType() == QCPAxis::stLogarithmic);
  f.plots.setLogStepAxis(false);
  CHECK(f.plots.lossPlot()->xAxis->scaleType() == QCPAxis::stLinear);
  CHECK(f.plots.learningRatePlot()->xAxis->scaleType() == QCPAxis::stLinear);
  CHECK(f.plots.lossPlot()->xAxis->range().lower == 0.0);

  const RunId id = f.controller.runIds().front();
  RunStyle style = f.controller.style(id);
  style.visible = false;
  f.controller.setStyle(id, style);
  CHECK_FALSE(f.plots.lossPlot()->graphsOf(id)[0]->visible());
  CHECK_FALSE(f.plots.learningRatePlot()->graphsOf(id)[1]->visible());
}

TEST_CASE("a diverging run does not squeeze the other curves", "[ui][plots]") {
  Fixture f;
  f.controller.loadDefaultScene();                         // every run starts at f ≈ 6.5
  f.controller.addRun(parseOptimizerSpec("sgd:lr=0.01"));  // diverges on Rosenbrock
  f.run(300);
  REQUIRE(f.controller.snapshot()->runs.back().diverged);
  double firstLosses = 0.0, diverging = 0.0;
  for (RunId id : f.controller.runIds()) {
    const auto values = Fixture::values(f.plots.lossPlot()->graphsOf(id)[0]);
    REQUIRE_FALSE(values.empty());
    firstLosses = std::max(firstLosses, values.front());
    diverging = std::max(diverging, *std::max_element(values.begin(), values.end()));
  }
  const QCPRange range = f.plots.lossPlot()->yAxis->range();
  // At most three decades above the highest start (rounded up to a whole decade).
  CHECK(range.upper <= 1e4 * firstLosses);
  CHECK(diverging > range.upper);  // the diverging curve leaves through the top
  CHECK(range.lower < 1.0);
}

TEST_CASE("curves extended frame by frame hold what one hand-over of the same steps gives",
          "[ui][plots]") {
  // While runs race, each frame hands a graph only the columns that changed (and paints only
  // their segments); the graph must end up with exactly the points a full hand-over gives.
  Fixture byFrame, atOnce;
  for (Fixture* f : {&byFrame, &atOnce}) {
    f->controller.setObjective(parseObjectiveSpec("quadratic"));
    f->controller.addRun(parseOptimizerSpec("sgd:lr=0.01"), {}, 0.1, 1);  // a jittering loss
  }
  // Past step 1500 the step axis ends at 2000 and stays: the frames after that only extend.
  // Between frames the event loop runs, as in the app (a new value range is laid out by the
  // replot it queues, which may move the pixel columns).
  for (int frame = 0; frame < 76; ++frame) {
    byFrame.run(25);
    QApplication::processEvents();
  }
  atOnce.run(1900);
  for (int settle = 0; settle < 2; ++settle) {
    QApplication::processEvents();
    atOnce.plots.lossPlot()->refreshNow();
    atOnce.plots.learningRatePlot()->refreshNow();
  }
  const std::pair<StepSeriesPlot*, StepSeriesPlot*> plots[] = {
      {byFrame.plots.lossPlot(), atOnce.plots.lossPlot()},
      {byFrame.plots.learningRatePlot(), atOnce.plots.learningRatePlot()}};
  for (auto [plot, reference] : plots) {
    REQUIRE(plot->xAxis->range() == reference->xAxis->range());
    for (std::size_t r = 0; r < byFrame.controller.runIds().size(); ++r) {
      const auto graphs = plot->graphsOf(byFrame.controller.runIds()[r]);
      const auto expected = reference->graphsOf(atOnce.controller.runIds()[r]);
      REQUIRE(graphs.size() == expected.size());
      for (std::size_t g = 0; g < graphs.size(); ++g) {
        REQUIRE(graphs[g]->data()->size() == expected[g]->data()->size());
        REQUIRE(graphs[g]->data()->size() > 0);
        auto a = graphs[g]->data()->constBegin();
        for (auto b = expected[g]->data()->constBegin(); b != expected[g]->data()->constEnd();
             ++a, ++b) {
          REQUIRE(a->key == b->key);
          REQUIRE(a->value == b->value);
        }
      }
    }
  }
}
