// The landscape view as a user drives it: clicks, drags, wheel turns and hovering, on the
// offscreen platform, against a real engine.
#include "ui/landscape/landscape_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QMouseEvent>
#include <QTest>
#include <QWheelEvent>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/landscape/contour_levels.h"
#include "ui/background/landscape_color_mode.h"
#include "ui/landscape/hover_tooltip.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_evaluator.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

constexpr int kTimeoutMs = 10000;

// A controller with the given runs on Rosenbrock and a laid-out view of it.
struct Fixture {
  LandscapeController controller;
  LandscapeView view{&controller};

  explicit Fixture(const std::vector<std::string>& optimizers) {
    for (const std::string& spec : optimizers) controller.addRun(parseOptimizerSpec(spec));
    view.resize(900, 700);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();  // lays out the axis rect, so pixels map to coordinates
    REQUIRE(waitForFineLandscape());
  }

  QCPAxis* xAxis() const { return view.axisRect()->axis(QCPAxis::atBottom); }
  QCPAxis* yAxis() const { return view.axisRect()->axis(QCPAxis::atLeft); }
  QPoint pixelOf(double x, double y) const {
    return {static_cast<int>(std::lround(xAxis()->coordToPixel(x))),
            static_cast<int>(std::lround(yAxis()->coordToPixel(y)))};
  }
  // Exact, unrounded: hovering tests aim at one point among close neighbours.
  QPointF exactPixelOf(double x, double y) const {
    return {xAxis()->coordToPixel(x), yAxis()->coordToPixel(y)};
  }
  Eigen::Vector2d coordinatesOf(QPoint pixel) const {
    return {xAxis()->pixelToCoord(pixel.x()), yAxis()->pixelToCoord(pixel.y())};
  }
  // Steps every run and waits until the view has received the points.
  void stepAndWait(long long steps) {
    controller.step(steps);
    REQUIRE(controller.waitUntilIdle(kTimeoutMs));
    QCoreApplication::processEvents();
  }
  // Waits until the view has settled: nothing waits for the debounce or the job, and the fine
  // landscape of the last request, for the current axis ranges, is on screen.
  bool waitForFineLandscape() {
    return QTest::qWaitFor(
        [&] {
          const auto shown = view.shownLandscape();
          const LandscapeEvaluator& evaluator = view.evaluator();
          return evaluator.settled() && shown && shown->resolution == Resolution::kFine &&
                 shown->generation == evaluator.lastGeneration() &&
                 shown->grid.spec.xMin == xAxis()->range().lower &&
                 shown->grid.spec.xMax == xAxis()->range().upper &&
                 shown->grid.spec.yMin == yAxis()->range().lower &&
                 shown->grid.spec.yMax == yAxis()->range().upper;
        },
        kTimeoutMs);
  }
};

void sendMouse(QWidget* widget, QEvent::Type type, QPointF pixel, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
  // Where Qt believes the cursor is: it synthesizes moves there (e.g. when a tooltip opens).
  QCursor::setPos(widget->mapToGlobal(pixel.toPoint()));
  QMouseEvent event(type, pixel, widget->mapToGlobal(pixel), button, buttons, Qt::NoModifier);
  QApplication::sendEvent(widget, &event);
}

void checkEveryRunStartsAt(LandscapeController& controller, const Eigen::Vector2d& start) {
  REQUIRE(controller.waitUntilIdle(kTimeoutMs));
  const auto snapshot = controller.snapshot();
  REQUIRE(snapshot);
  REQUIRE(snapshot->runs.size() == controller.runIds().size());
  for (RunId id : controller.runIds()) {
    const RunConfig config = controller.runConfig(id);
    REQUIRE(config.start.has_value());
    CHECK((*config.start)[0] == start.x());
    CHECK((*config.start)[1] == start.y());
    const RunSnapshot* run = snapshot->find(id);
    REQUIRE(run != nullptr);
    CHECK(run->step == 0);
    CHECK(run->params[0] == start.x());
    CHECK(run->params[1] == start.y());
  }
}

}  // namespace

TEST_CASE("a click on the map restarts every run from the clicked point", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001", "adam:lr=0.05", "rmsprop:lr=0.01"});
  fixture.stepAndWait(20);

  const QPoint pixel = fixture.pixelOf(0.5, -0.5);
  QTest::mouseClick(fixture.view.plot(), Qt::LeftButton, Qt::NoModifier, pixel);

  const Eigen::Vector2d expected = fixture.coordinatesOf(pixel);
  CHECK(std::abs(expected.x() - 0.5) < 0.02);  // within a pixel of the intended point
  CHECK(std::abs(expected.y() + 0.5) < 0.02);
  CHECK(fixture.controller.start()[0] == expected.x());
  CHECK(fixture.controller.start()[1] == expected.y());
  checkEveryRunStartsAt(fixture.controller, expected);
}

TEST_CASE("dragging the map pans it and does not move the start", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  const Eigen::VectorXd before = fixture.controller.start();
  const QCPRange xBefore = fixture.xAxis()->range();
  QWidget* plot = fixture.view.plot();
  const QPoint from = fixture.pixelOf(0.0, 0.0);
  const QPoint to = from + QPoint(80, 0);
  sendMouse(plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
  sendMouse(plot, QEvent::MouseMove, from + QPoint(40, 0), Qt::NoButton, Qt::LeftButton);
  sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
  sendMouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);

  CHECK(fixture.xAxis()->range().lower < xBefore.lower);  // the view moved right-to-left
  CHECK(fixture.controller.start() == before);
}

TEST_CASE("dragging the start marker moves it live and restarts the runs on release",
          "[landscape]") {
  Fixture fixture({"sgd:lr=0.001", "adam:lr=0.05"});
  fixture.stepAndWait(10);
  const Eigen::VectorXd before = fixture.controller.start();
  const QCPRange xBefore = fixture.xAxis()->range();
  QWidget* plot = fixture.view.plot();
  const QPoint from = fixture.pixelOf(before[0], before[1]);
  const QPoint to = fixture.pixelOf(0.5, 1.5);

  sendMouse(plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
  sendMouse(plot, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
  // While dragging, the runs keep their start: only the marker previews the new one.
  CHECK(fixture.controller.start() == before);
  sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
  sendMouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);

  CHECK(fixture.xAxis()->range() == xBefore);  // the marker drag did not pan the map
  checkEveryRunStartsAt(fixture.controller, fixture.coordinatesOf(to));
}

TEST_CASE("zooming with the wheel re-evaluates the landscape for the new view", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  LandscapeEvaluator& evaluator = fixture.view.evaluator();
  // The debounce is driven by the test: the timer itself never fires here.
  evaluator.setDebounceInterval(std::chrono::hours(1));
  const int requestsBefore = evaluator.requestCount();
  const int resultsBefore = evaluator.resultCount();
  const double widthBefore = fixture.xAxis()->range().size();

  const QPoint center = fixture.pixelOf(1.0, 1.0);
  for (int turn = 0; turn < 3; ++turn) {  // a burst of wheel steps, as a real wheel sends
    QWheelEvent wheel(QPointF(center), fixture.view.plot()->mapToGlobal(QPointF(center)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(fixture.view.plot(), &wheel);
  }
  CHECK(fixture.xAxis()->range().size() < widthBefore);
  // The whole burst (x and y of each of three turns, and the relayout for the new tick labels)
  // waits as one request for the debounce.
  CHECK(evaluator.hasPending());
  CHECK(evaluator.requestCount() == requestsBefore);
  evaluator.flushPending();  // the debounce interval ends
  REQUIRE(fixture.waitForFineLandscape());
  // One request, answered coarse then fine; the relabelled axes and color bar of the new view
  // asked for nothing more.
  CHECK(evaluator.requestCount() == requestsBefore + 1);
  CHECK(evaluator.resultCount() == resultsBefore + 2);
  CHECK_FALSE(evaluator.hasPending());
}

TEST_CASE("relabelled axes and color bar do not ask for another landscape", "[landscape]") {
  // The cause of issue 10's flaky gate: a result relabels the color bar, the new labels change
  // the axis rect's width by a few dozen pixels, and the view asked for a new fine grid, which
  // superseded the result about to arrive.
  Fixture fixture({"sgd:lr=0.001"});
  LandscapeEvaluator& evaluator = fixture.view.evaluator();
  evaluator.setDebounceInterval(std::chrono::hours(1));
  const int requests = evaluator.requestCount();
  const int width = fixture.view.axisRect()->rect().width();
  // A linear color bar carries other numbers, of other widths, than the log one shown now.
  REQUIRE(fixture.view.logColorsShown());
  fixture.view.setColorScaleMode(ColorScaleMode::Linear);
  REQUIRE(QTest::qWaitFor([&] { return !fixture.view.logColorsShown(); }, kTimeoutMs));
  // Round labels (issue 12) seldom change the bar's width by themselves any more; larger ones
  // still do, as a wider number would.
  for (QCPLayoutElement* element : fixture.view.plot()->plotLayout()->elements(true))
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
      QFont larger = scale->axis()->tickLabelFont();
      larger.setPointSizeF(larger.pointSizeF() * 2.5);
      scale->axis()->setTickLabelFont(larger);
    }
  fixture.view.plot()->replot();  // lays the new labels out
  INFO("axis rect " << width << " -> " << fixture.view.axisRect()->rect().width() << " px wide");
  CHECK(fixture.view.axisRect()->rect().width() != width);  // the labels did move the plot
  CHECK(evaluator.requestCount() == requests);
  CHECK_FALSE(evaluator.hasPending());
}

TEST_CASE("setting the axis range programmatically re-evaluates too, and stale results are dropped",
          "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  LandscapeEvaluator& evaluator = fixture.view.evaluator();
  evaluator.setDebounceInterval(std::chrono::hours(1));
  const int requestsBefore = evaluator.requestCount();
  // Several views in quick succession: only the last one may end up on screen. Views 1, 3 and
  // 5 outlast the debounce interval (their requests are sent); 2 and 4 are replaced inside it.
  for (int k = 1; k <= 5; ++k) {
    fixture.xAxis()->setRange(-1.0 / k, 1.0 / k);
    fixture.yAxis()->setRange(-0.5 / k, 1.5 / k);
    QCoreApplication::processEvents();  // results of earlier views may arrive in between
    if (k % 2 == 1) evaluator.flushPending();
  }
  REQUIRE(fixture.waitForFineLandscape());
  CHECK(evaluator.requestCount() == requestsBefore + 3);
  const auto shown = fixture.view.shownLandscape();
  CHECK(shown->grid.spec.xMin == -0.2);
  CHECK(shown->grid.spec.yMax == 0.3);
  CHECK(shown->generation == evaluator.lastGeneration());
}

TEST_CASE("the heatmap shows f (log scale on Rosenbrock) at its cells", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  REQUIRE(fixture.waitForFineLandscape());
  const auto shown = fixture.view.shownLandscape();
  REQUIRE(fixture.view.logColorsShown());  // Rosenbrock spans decades
  const auto objective = makeObjective("rosenbrock");
  QCPColorMapData* data = nullptr;
  for (int i = 0; i < fixture.view.plot()->plottableCount(); ++i)
    if (auto* map = qobject_cast<QCPColorMap*>(fixture.view.plot()->plottable(i)))
      data = map->data();
  REQUIRE(data != nullptr);
  REQUIRE(data->keySize() == shown->grid.spec.nx);
  REQUIRE(data->valueSize() == shown->grid.spec.ny);
  const std::pair<int, int> cells[] = {{0, 0},
                                       {data->keySize() - 1, data->valueSize() - 1},
                                       {data->keySize() / 2, data->valueSize() / 3},
                                       {data->keySize() / 7, data->valueSize() - 5}};
  for (const auto& [i, j] : cells) {
    double x = 0.0, y = 0.0;
    data->cellToCoord(i, j, &x, &y);
    const double f = objective->value(Eigen::Vector2d(x, y));
    const double expected = logColorValue(f, shown->floor, shown->logOffset);
    CHECK(data->cell(i, j) == Approx(expected).epsilon(1e-9));
  }
  CHECK(shown->floor == 0.0);  // Rosenbrock's known minimum
  CHECK(!shown->contours.empty());
}

TEST_CASE("a function that does not span decades gets a linear color scale and the view resets",
          "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  fixture.xAxis()->setRange(0.0, 0.1);
  fixture.controller.setObjective(parseObjectiveSpec("sphere"));
  const Box box = makeObjective("sphere")->viewBox();
  CHECK(fixture.xAxis()->range().lower == box.lower[0]);
  CHECK(fixture.yAxis()->range().upper == box.upper[1]);
  REQUIRE(fixture.waitForFineLandscape());
  CHECK_FALSE(fixture.view.logColorsShown());

  fixture.view.setColorScaleMode(ColorScaleMode::Logarithmic);
  CHECK(QTest::qWaitFor([&] { return fixture.view.logColorsShown(); }, kTimeoutMs));
}

TEST_CASE("trajectories get their points after stepping, ending at the run's head", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001", "adam:lr=0.05"});
  fixture.stepAndWait(200);
  const auto snapshot = fixture.controller.snapshot();
  for (RunId id : fixture.controller.runIds()) {
    INFO("run " << id);
    const std::size_t drawn = fixture.view.drawnPathPoints(id);
    CHECK(drawn > 5);
    CHECK(drawn <= 201);
    const RunSnapshot* run = snapshot->find(id);
    REQUIRE(run != nullptr);
    // The path ends where the engine says the run is, and starts at the start point.
    const std::vector<Eigen::Vector2d>& path = fixture.view.drawnPath(id);
    REQUIRE(path.size() == drawn);
    CHECK(path.back().x() == run->params[0]);
    CHECK(path.back().y() == run->params[1]);
    CHECK(path.front().x() == fixture.controller.start()[0]);
    CHECK(path.front().y() == fixture.controller.start()[1]);
  }

  // A hidden run draws nothing.
  const RunId first = fixture.controller.runIds().front();
  RunStyle style = fixture.controller.style(first);
  style.visible = false;
  fixture.controller.setStyle(first, style);
  CHECK(fixture.view.drawnPathPoints(first) == 0);
}

TEST_CASE("hovering a path point shows its step, loss and the optimizer state there",
          "[landscape]") {
  Fixture fixture({"adam:lr=0.05"});
  fixture.stepAndWait(40);
  const RunId id = fixture.controller.runIds().front();
  const Trace* trace = fixture.controller.traces().find(id);
  REQUIRE(trace != nullptr);
  // A drawn point about a quarter along the path (thinning may have dropped its neighbours).
  const Eigen::Vector2d target = fixture.view.drawnPath(id)[fixture.view.drawnPathPoints(id) / 4];
  std::size_t index = 0;
  while (index < trace->size() && (*trace)[index].params != Eigen::VectorXd(target)) ++index;
  REQUIRE(index < trace->size());
  const TracePoint point = (*trace)[index];
  REQUIRE(point.step > 2);
  const QString stepText = QStringLiteral("step %1").arg(point.step);

  // The state there, computed here independently by running the same config.
  Run reference(fixture.controller.runConfig(id));
  while (reference.step() < point.step) reference.advance();
  REQUIRE(reference.params() == point.params);

  const QPointF pixel = fixture.exactPixelOf(point.params[0], point.params[1]);
  sendMouse(fixture.view.plot(), QEvent::MouseMove, pixel, Qt::NoButton, Qt::NoButton);
  const QString first = fixture.view.hoverText();
  CHECK(first.contains(stepText));
  CHECK(first.contains(formatNumber(point.loss)));
  CHECK(first.contains(formatVector(point.gradient)));

  // The state comes from a replay in the background.
  const QString m = formatVector(*reference.optimizer().state().front().values);
  const bool replayed =
      QTest::qWaitFor([&] { return fixture.view.hoverText().contains(m); }, kTimeoutMs);
  INFO(fixture.view.hoverText().toStdString());
  REQUIRE(replayed);
  for (const StateView& state : reference.optimizer().state())
    CHECK(fixture.view.hoverText().contains(formatVector(*state.values)));

  // The head's state comes straight from the snapshot.
  const RunSnapshot* head = fixture.controller.snapshot()->find(id);
  fixture.view.hoverAt(fixture.exactPixelOf(head->params[0], head->params[1]));
  CHECK(fixture.view.hoverText().contains(QStringLiteral("step 40")));
  CHECK(fixture.view.hoverText().contains(formatVector(head->state.front().values)));

  // Leaving the paths hides it.
  fixture.view.hoverAt(QPointF(fixture.pixelOf(1.8, -0.8)));
  CHECK(fixture.view.hoverText().isEmpty());
}

TEST_CASE("hover says the state is unknown after the settings changed mid-run", "[landscape]") {
  Fixture fixture({"adam:lr=0.05"});
  fixture.stepAndWait(20);
  const RunId id = fixture.controller.runIds().front();
  fixture.controller.setOptimizer(id, parseOptimizerSpec("adam:lr=0.02"));
  fixture.stepAndWait(20);
  const Trace* trace = fixture.controller.traces().find(id);
  REQUIRE(trace->size() == 41);

  const TracePoint late = (*trace)[30];  // after the change: a replay cannot reproduce it
  fixture.view.hoverAt(fixture.exactPixelOf(late.params[0], late.params[1]));
  REQUIRE(fixture.view.hoverText().contains(QStringLiteral("step 30")));
  CHECK(QTest::qWaitFor(
      [&] { return fixture.view.hoverText().contains(QStringLiteral("settings changed")); },
      kTimeoutMs));

  const TracePoint early = (*trace)[5];  // before the change: the replay is exact
  fixture.view.hoverAt(fixture.exactPixelOf(early.params[0], early.params[1]));
  REQUIRE(fixture.view.hoverText().contains(QStringLiteral("step 5")));
  CHECK(QTest::qWaitFor(
      [&] { return fixture.view.hoverText().contains(QStringLiteral("<td>m</td>")); }, kTimeoutMs));
  CHECK_FALSE(fixture.view.hoverText().contains(QStringLiteral("settings changed")));
}

TEST_CASE("hovering a global minimum names it", "[landscape]") {
  Fixture fixture({"sgd:lr=0.001"});
  fixture.view.hoverAt(QPointF(fixture.pixelOf(1.0, 1.0)));
  CHECK(fixture.view.hoverText().contains(QStringLiteral("global minimum f=0")));
}

TEST_CASE("a function of more than two variables shows no landscape and draws no paths",
          "[landscape]") {
  Fixture fixture({"adam:lr=0.05"});
  const int requests = fixture.view.evaluator().requestCount();
  fixture.controller.setObjective(parseObjectiveSpec("rosenbrock:dim=3"));
  fixture.stepAndWait(10);
  CHECK(fixture.view.shownLandscape() == nullptr);
  CHECK(fixture.view.evaluator().requestCount() == requests);
  CHECK(fixture.view.drawnPathPoints(fixture.controller.runIds().front()) == 0);
  // A click has nowhere to put a 2D start: the runs keep theirs.
  QTest::mouseClick(fixture.view.plot(), Qt::LeftButton, Qt::NoModifier, fixture.pixelOf(0.0, 0.0));
  CHECK(fixture.controller.start().size() == 3);

  fixture.controller.setObjective(parseObjectiveSpec("rosenbrock"));
  CHECK(fixture.waitForFineLandscape());
}

TEST_CASE("the automatic color scale is logarithmic exactly for functions spanning decades",
          "[landscape]") {
  const std::vector<std::string> logarithmic = {
      "rosenbrock",      "beale",
      "goldstein_price", "booth",
      "matyas",          "mccormick",
      "himmelblau",      "three_hump_camel",
      "styblinski_tang", "quadratic:condition=50,angle=30"};
  const std::vector<std::string> linear = {"sphere",    "quadratic", "saddle", "six_hump_camel",
                                           "rastrigin", "ackley",    "levy13", "easom"};
  const auto verdict = [](const std::string& spec) {
    const auto objective = makeObjective(spec);
    const Box box = objective->viewBox();
    const Grid grid =
        evaluateGrid(*objective, {box.lower[0], box.upper[0], box.lower[1], box.upper[1], 56, 56});
    return spansDecades(grid, levelFloor(objective->minimumValue(), grid));
  };
  for (const std::string& spec : logarithmic) {
    INFO(spec);
    CHECK(verdict(spec));
  }
  for (const std::string& spec : linear) {
    INFO(spec);
    CHECK_FALSE(verdict(spec));
  }
}
