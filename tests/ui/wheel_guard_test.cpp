// The wheel changes no value without focus, anywhere in the app; over the runs list it
// scrolls the list (issue 12, item 1).
#include "ui/common/wheel_guard.h"

#include <QComboBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QWheelEvent>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/common/run_card.h"
#include "ui/common/runs_panel.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// One notch of the wheel (down: towards the end of a list) over the middle of `widget`, as
// the window system delivers it: to the widget under the pointer.
void wheelOver(QWidget* widget, int notches = -1) {
  const QPointF local = QRectF(widget->rect()).center();
  QWheelEvent wheel(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches),
                    Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(widget, &wheel);
}

struct Fixture {
  AppWindow app;
  RunsPanel* panel = app.landscape->runsPanel();
  QScrollArea* scroll = panel->findChild<QScrollArea*>();
  Fixture() {
    app.landscapeController.loadDefaultScene();
    for (RunId id : app.landscapeController.runIds()) panel->card(id)->setExpanded(true);
    app.window.resize(1024, 700);
    app.window.show();
    app.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&app.window));
    app.window.setFocus();
    REQUIRE(scroll);
    // Five expanded cards do not fit at 1024x700: the list scrolls.
    REQUIRE(testing::waitUntil([&] { return scroll->verticalScrollBar()->maximum() > 0; }));
  }
};

}  // namespace

TEST_CASE("a wheel over an unfocused combo box in the runs list scrolls the list instead",
          "[ui][wheel]") {
  Fixture f;
  RunCard* card = f.panel->cardAt(1);
  const RunId id = card->runId();
  QComboBox* optimizer = card->optimizerEditor()->picker();
  QComboBox* schedule = card->scheduleEditor()->picker();
  const std::string optimizerBefore = f.app.landscapeController.runConfig(id).optimizer.spec();
  const std::string scheduleBefore = f.app.landscapeController.runConfig(id).schedule.spec();
  REQUIRE_FALSE(optimizer->hasFocus());
  const int before = f.scroll->verticalScrollBar()->value();

  wheelOver(optimizer);
  wheelOver(schedule);

  CHECK(optimizer->currentText() == QStringLiteral("sgd"));
  CHECK(schedule->currentText() == QStringLiteral("constant"));
  CHECK(f.app.landscapeController.runConfig(id).optimizer.spec() == optimizerBefore);
  CHECK(f.app.landscapeController.runConfig(id).schedule.spec() == scheduleBefore);
  CHECK(f.scroll->verticalScrollBar()->value() > before);
  CHECK_FALSE(optimizer->hasFocus());  // the wheel did not select it either
}

TEST_CASE("a wheel over unfocused spin boxes and sliders changes nothing", "[ui][wheel]") {
  Fixture f;
  RunCard* card = f.panel->cardAt(0);
  const RunId id = card->runId();
  const std::string before = f.app.landscapeController.runConfig(id).optimizer.spec();
  QSlider* lr = card->optimizerEditor()->form()->field("lr")->slider();
  REQUIRE(lr);
  const int lrPosition = lr->value();
  auto* seed = card->pageDetails()->findChild<QSpinBox*>();
  REQUIRE(seed);
  const int seedValue = seed->value();

  wheelOver(lr, 3);
  wheelOver(seed, 3);

  CHECK(lr->value() == lrPosition);
  CHECK(seed->value() == seedValue);
  CHECK(f.app.landscapeController.runConfig(id).optimizer.spec() == before);
  CHECK(f.app.landscapeController.noiseSeed(id) == 0);
}

TEST_CASE("a focused combo box still takes the wheel", "[ui][wheel]") {
  Fixture f;
  RunCard* card = f.panel->cardAt(0);
  QComboBox* schedule = card->scheduleEditor()->picker();
  schedule->setFocus(Qt::MouseFocusReason);
  REQUIRE(testing::waitUntil([&] { return schedule->hasFocus(); }));
  const int index = schedule->currentIndex();
  wheelOver(schedule);
  CHECK(schedule->currentIndex() != index);
}
