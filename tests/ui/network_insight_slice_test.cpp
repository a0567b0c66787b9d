#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/nn/network_task.h"
#include "ui/network/insight/loss_line_plot.h"
#include "ui/network/insight/loss_slice_view.h"
#include "ui/network/insight/network_insight_panel.h"
#include "ui/network/network_controller.h"
#include "widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

std::shared_ptr<const NetworkTask> circleTask() {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("circle", {200, 0.1, 5}), 0.5, 5));
  NetworkSettings settings;
  settings.seed = 3;
  return std::make_shared<const NetworkTask>(data, settings);
}

double objective(const NetworkTask& task, const Eigen::VectorXd& params) {
  NetworkTask copy(task);
  return copy.trainingObjective(params);
}

bool fineShown(const LossSliceView& view) {
  auto shown = view.shownSlice();
  return shown && shown->resolution == Resolution::kFine;
}

std::vector<Eigen::Vector2d> curvePoints(QCPCurve* curve) {
  std::vector<Eigen::Vector2d> points;
  for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
    points.emplace_back(it->key, it->value);
  return points;
}

}  // namespace

TEST_CASE("the loss slice is computed off the GUI thread, coarse then fine", "[ui][insight]") {
  auto task = circleTask();
  LossSliceView view;
  view.resize(600, 600);
  view.setTask(task);
  QSignalSpy shown(&view, &LossSliceView::sliceShown);
  const Eigen::VectorXd center = task->initialParameters();
  view.recenter(center, QStringLiteral("the start"));
  CHECK(shown.count() == 0);  // recenter() returned before any grid was evaluated
  CHECK(view.statusText().contains(QStringLiteral("Computing")));
  REQUIRE(waitUntil([&] { return fineShown(view); }, 20000));
  const Grid& grid = view.shownSlice()->grid;
  CHECK(grid.spec.nx == 41);
  CHECK(grid.spec.ny == 41);
  CHECK(grid.at(20, 20) == objective(*task, center));
  CHECK_FALSE(view.shownSlice()->contours.empty());
  CHECK(view.slicePlot()->xAxis->range() == QCPRange(-1.0, 1.0));
  CHECK(view.statusText().contains(QStringLiteral("41×41")));
  CHECK(view.plane()->center == center);
}

TEST_CASE("a newer center wins over a slice still being computed", "[ui][insight]") {
  auto task = circleTask();
  LossSliceView view;
  view.setTask(task);
  const Eigen::VectorXd first = task->initialParameters();
  const Eigen::VectorXd second = first * 0.5;
  view.recenter(first);
  view.recenter(second);
  REQUIRE(waitUntil([&] { return fineShown(view) && !view.computing(); }, 20000));
  QCoreApplication::processEvents();  // anything the jobs still queued arrives now
  CHECK(view.shownSlice()->grid.at(20, 20) == objective(*task, second));
  CHECK(view.shownSlice()->grid.at(20, 20) != objective(*task, first));
  CHECK(view.plane()->center == second);

  view.setSliceRange(0.5);
  REQUIRE(waitUntil([&] { return fineShown(view) && view.shownSlice()->grid.spec.xMax == 0.5; },
                    20000));
  CHECK(view.slicePlot()->xAxis->range().upper == 0.5);
}

TEST_CASE("run paths are projected onto the slice plane", "[ui][insight]") {
  auto task = circleTask();
  LossSliceView view;
  view.setTask(task);
  view.recenter(task->initialParameters());
  const auto plane = view.plane();
  REQUIRE(plane);

  const std::vector<Eigen::Vector2d> expected = {{0.0, 0.0}, {0.2, -0.1}, {0.5, 0.3}, {0.9, 0.4}};
  EpochHistory history;
  for (std::size_t k = 0; k + 1 < expected.size(); ++k) {
    EpochRecord record;
    record.epoch = static_cast<long long>(k);
    record.step = record.epoch * 10;
    plane->pointAt(expected[k].x(), expected[k].y(), record.params);
    history.append(std::move(record));
  }
  Eigen::VectorXd current;
  plane->pointAt(expected.back().x(), expected.back().y(), current);
  view.setTrajectories({{7, 1, QColor(10, 120, 200), true, &history, &current}});
  QCPCurve* curve = view.trajectoryCurve(7);
  REQUIRE(curve);
  CHECK(curve->pen().color() == QColor(10, 120, 200));
  const std::vector<Eigen::Vector2d> drawn = curvePoints(curve);
  REQUIRE(drawn.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CHECK(std::abs(drawn[k].x() - expected[k].x()) < 1e-9);
    CHECK(std::abs(drawn[k].y() - expected[k].y()) < 1e-9);
  }
  view.setTrajectories({});
  CHECK(view.trajectoryCurve(7) == nullptr);
}

TEST_CASE("the loss line runs from the initial to the current network", "[ui][insight]") {
  auto task = circleTask();
  LossSliceView view;
  view.setTask(task);
  QSignalSpy lines(&view, &LossSliceView::lineShown);
  const Eigen::VectorXd from = task->initialParameters();
  const Eigen::VectorXd to = from * -0.7;
  view.setLineEnds(from, to, QColor(0, 160, 0));
  REQUIRE(waitUntil([&] { return lines.count() > 0; }, 20000));
  const auto line = view.linePlot()->line();
  REQUIRE(line);
  REQUIRE(line->t.size() == 151u);
  REQUIRE(line->t[25] == 0.0);
  REQUIRE(line->t[125] == 1.0);
  CHECK(line->loss[25] == objective(*task, from));
  CHECK(line->loss[125] == objective(*task, to));
  CHECK(view.linePlot()->graph()->data()->size() == 151);
  CHECK(view.linePlot()->graph()->pen().color() == QColor(0, 160, 0));
}

TEST_CASE("the landscape tab slices around the selected run and draws every run's path",
          "[ui][insight]") {
  NetworkController controller;
  controller.loadDefaultScene();
  NetworkInsightPanel panel(&controller);
  panel.resize(900, 700);
  panel.show();
  LossSliceView* view = panel.sliceView();
  CHECK_FALSE(view->hasBeenCentered());  // not shown yet: nothing computed
  panel.setCurrentWidget(view);          // first show: centered on the selected run
  REQUIRE(view->hasBeenCentered());
  REQUIRE(waitUntil([&] { return fineShown(*view); }, 20000));
  CHECK(view->plane()->center == controller.task()->initialParameters());

  controller.step(4 * controller.stepsPerEpoch());
  REQUIRE(controller.waitUntilIdle(30000));
  panel.refreshNow();
  for (RunId id : controller.runIds()) {
    QCPCurve* curve = view->trajectoryCurve(id);
    REQUIRE(curve);
    CHECK(curve->pen().color() == controller.style(id).color);
    CHECK(curve->data()->size() == static_cast<int>(controller.epochs(id)->size()));
    // Every run starts from the one initial network, the slice's center.
    CHECK(std::abs(curve->data()->constBegin()->key) < 1e-9);
    CHECK(std::abs(curve->data()->constBegin()->value) < 1e-9);
  }
  QSignalSpy lines(view, &LossSliceView::lineShown);
  REQUIRE(waitUntil([&] { return lines.count() > 0 || view->linePlot()->line(); }, 20000));

  const RunId selected = controller.selectedRun();
  QTest::mouseClick(view->recenterButton(), Qt::LeftButton);
  REQUIRE(view->plane());
  CHECK(view->plane()->center == controller.runSnapshot(selected)->params);
  CHECK(view->plane()->center != controller.task()->initialParameters());
}
