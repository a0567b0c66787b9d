// An error under a field is never cut: it wraps, and says itself in full in its tooltip and in
// the window's status bar (issue 12, item 9).
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QStatusBar>
#include <QTest>
#include <catch2/catch.hpp>

#include "core/objectives/objective.h"
#include "ui/app_window.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/function_panel.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::typeInto;
using optiscope::testing::waitUntil;

namespace {

// `widget` lies whole within each of its ancestors up to the window, except where an ancestor
// scrolls (what a scroll area hides can be scrolled to).
bool notCut(const QWidget* widget) {
  QRect rect = widget->rect();
  const QWidget* child = widget;
  for (const QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
    rect.translate(child->pos());
    if (qobject_cast<const QScrollArea*>(parent->parentWidget())) return true;  // a viewport
    if (!parent->rect().contains(rect)) return false;
    child = parent;
  }
  return true;
}

}  // namespace

TEST_CASE("a long error message under a narrow field wraps and shows in full elsewhere",
          "[ui][fields]") {
  AppWindow app;
  app.window.resize(1024, 700);
  app.window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  app.landscapeController.setObjective(parseObjectiveSpec("quadratic"));
  FunctionPanel* panel = app.landscape->functionPanel();
  // The Function dock at its narrowest useful width, so that the message has to wrap.
  QDockWidget* dock = nullptr;
  for (QWidget* w = panel; w && !dock; w = w->parentWidget()) dock = qobject_cast<QDockWidget*>(w);
  REQUIRE(dock);
  app.window.resizeDocks({dock}, {240}, Qt::Horizontal);
  QApplication::processEvents();
  ParamField* condition = panel->functionEditor()->form()->field("condition");
  REQUIRE(condition);
  typeInto(condition->lineEdit(), QStringLiteral("-5"));

  QLabel* error = condition->errorLabel();
  REQUIRE(waitUntil([&] { return error->isVisible(); }, 2000));
  const QString message = error->text();
  CHECK(message.contains(QStringLiteral("got -5")));
  CHECK(message.contains(QStringLiteral("keeping 10")));
  CHECK(error->wordWrap());
  QApplication::processEvents();
  // Tall enough for all its lines at its width, and not cut by the panel around it.
  CHECK(error->height() >= error->heightForWidth(error->width()));
  CHECK(error->width() < QFontMetrics(error->font()).horizontalAdvance(message));  // it wrapped
  CHECK(notCut(error));
  CHECK(error->toolTip() == message);
  CHECK(condition->lineEdit()->toolTip() == message);
  CHECK(app.window.statusBar()->currentMessage().contains(message));

  // A valid entry clears it everywhere but the status bar's passing message.
  typeInto(condition->lineEdit(), QStringLiteral("100"));
  CHECK_FALSE(error->isVisible());
  CHECK(error->toolTip().isEmpty());
}

TEST_CASE("a start picked on the map reads rounded and stays exact", "[ui][fields]") {
  AppWindow app;
  app.window.show();
  Eigen::VectorXd start(2);
  start << -2.9349046015712683, 1.0000000000000002;
  app.landscapeController.setStart(start);
  ParamField* x = app.landscape->functionPanel()->startForm()->field("x");
  CHECK(x->lineEdit()->text() == QStringLiteral("-2.9349"));
  CHECK(x->lineEdit()->toolTip().contains(QStringLiteral("-2.9349046015712683")));
  // Leaving the rounded text as it is keeps the exact start.
  x->lineEdit()->setFocus();
  QTest::keyClick(x->lineEdit(), Qt::Key_Return);
  CHECK(app.landscapeController.start()[0] == -2.9349046015712683);
  // Typing the same digits means them.
  typeInto(x->lineEdit(), QStringLiteral("-2.9349"));
  CHECK(app.landscapeController.start()[0] == -2.9349);
}
