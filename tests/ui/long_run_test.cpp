// After a long run the Landscape page still shows where it began (issue 12, item 4): the loss
// and η plots start at step 1 and the drawn path with the first steps.
#include <qcustomplot.h>

#include <QTest>
#include <catch2/catch.hpp>

#include "core/engine/run_traces.h"
#include "ui/app_window.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/learning_rate_plot.h"
#include "ui/landscape/loss_plot.h"
#include "ui/landscape/side_plots.h"

using namespace optiscope;
using namespace optiscope::ui;

TEST_CASE("after 10^6 steps the plots start at step 1 and the path with the first steps",
          "[ui][plots]") {
  AppWindow app;
  app.window.resize(1280, 800);
  app.window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  LandscapeController& controller = app.landscapeController;
  RunId momentum = 0;
  for (RunId id : controller.runIds())
    if (controller.style(id).label == QStringLiteral("Momentum")) momentum = id;
  REQUIRE(momentum != 0);

  // One hand-over of 10^6 steps: everything the GUI gets went through the engine's thinning.
  controller.step(1'000'000);
  REQUIRE(controller.waitUntilIdle(120000));
  QApplication::processEvents();
  SidePlots* plots = app.landscape->sidePlots();
  plots->lossPlot()->refreshNow();
  plots->learningRatePlot()->refreshNow();

  const Trace& trace = *controller.traces().find(momentum);
  REQUIRE(trace.back().step == 1'000'000);
  for (long long k = 0; k < 4096; ++k) REQUIRE(trace[static_cast<std::size_t>(k)].step == k);

  for (QCPGraph* graph : plots->lossPlot()->graphsOf(momentum))
    CHECK(graph->data()->constBegin()->key == 1.0);
  for (QCPGraph* graph : plots->learningRatePlot()->graphsOf(momentum))
    CHECK(graph->data()->constBegin()->key == 1.0);

  // Momentum's first updates are each several pixels long: every one of them is drawn.
  const std::vector<Eigen::Vector2d>& path = app.landscape->view()->drawnPath(momentum);
  REQUIRE(path.size() > 4);
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(path[k].x() == trace[k].params[0]);
    CHECK(path[k].y() == trace[k].params[1]);
  }
  CHECK(path.back().x() == trace.back().params[0]);
}
