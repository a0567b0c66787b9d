// Both pages are usable on a 1024x700 screen and at 150 % scale on a 1600x1000 one (issue 12,
// item 6). At 150 % a window has 1067x667 logical pixels, and fonts keep their size in logical
// pixels, so the test lays the window out at that logical size. Usable means: the page itself
// never scrolls, nothing scrolls sideways (a list may scroll down), no control is pushed out of
// the window, and the decision maps' captions are shown whole.
#include <QAbstractButton>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/landscape/landscape_page.h"
#include "ui/network/decision_map_view.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// Whether `widget` lies whole within the window, apart from what a scroll area hides below
// (it can be scrolled to).
bool insideWindow(const QWidget* widget, const QWidget* window) {
  QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
  for (const QWidget* p = widget->parentWidget(); p && p != window; p = p->parentWidget()) {
    if (auto* area = qobject_cast<const QScrollArea*>(p->parentWidget());
        area && area->viewport() == p)
      return rect.right() <= p->mapTo(window, QPoint(p->width(), 0)).x();  // no sideways cut
  }
  return window->rect().contains(rect);
}

void checkPageFits(AppWindow& app, int page, QSize size) {
  app.window.resize(size);
  app.window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  app.window.showPage(page);
  QApplication::processEvents();
  // The Landscape page's panels are docks of the window; a hidden page's widgets are not visible.
  QWidget* shown = &app.window;
  INFO("page " << page << " at " << size.width() << "x" << size.height() << ", window "
               << app.window.width() << "x" << app.window.height());
  REQUIRE(app.window.size() == size);  // the window was not forced larger than the screen

  int areas = 0;
  for (QScrollArea* area : app.window.findChildren<QScrollArea*>()) {
    if (!area->isVisibleTo(&app.window) || !shown->isAncestorOf(area)) continue;
    ++areas;
    INFO(area->objectName().toStdString()
         << " in " << area->parentWidget()->metaObject()->className() << ": content "
         << area->widget()->minimumSizeHint().width() << " wide, viewport "
         << area->viewport()->width());
    CHECK(area->horizontalScrollBar()->maximum() == 0);
    if (area->objectName() == QStringLiteral("pageScroll"))
      CHECK(area->verticalScrollBar()->maximum() == 0);
  }
  CHECK(areas > 0);

  for (QWidget* widget : shown->findChildren<QWidget*>()) {
    if (!widget->isVisibleTo(&app.window)) continue;
    if (!qobject_cast<QAbstractButton*>(widget) && !qobject_cast<QLabel*>(widget)) continue;
    if (widget->width() == 0 || widget->height() == 0) continue;
    INFO(widget->metaObject()->className() << " '" << widget->objectName().toStdString() << "' "
                                           << widget->property("text").toString().toStdString());
    CHECK(insideWindow(widget, &app.window));
  }
}

}  // namespace

TEST_CASE("the Network page fits a 1024x700 screen and 150 % of a 1600x1000 one", "[ui][fit]") {
  const QSize size = GENERATE(QSize(1024, 700), QSize(1067, 667));
  AppWindow app;
  NetworkController& network = app.networkController;
  network.step(20 * network.stepsPerEpoch());  // captions with test accuracies to show
  REQUIRE(network.waitUntilIdle(60000));
  network.pollNow();
  checkPageFits(app, 1, size);
  int maps = 0;
  for (DecisionMapView* map : app.network->findChildren<DecisionMapView*>()) {
    if (!map->isVisibleTo(&app.window) || map->caption().isEmpty()) continue;
    ++maps;
    INFO("caption '" << map->caption().toStdString() << "' shown as '"
                     << map->shownCaption().toStdString() << "'");
    CHECK_FALSE(map->shownCaption().contains(QChar(0x2026)));  // no ellipsis
    CHECK(map->caption().endsWith(map->shownCaption().section(QLatin1Char(' '), -1)));
  }
  CHECK(maps >= 4);
}

TEST_CASE("the Landscape page fits a 1024x700 screen and 150 % of a 1600x1000 one", "[ui][fit]") {
  const QSize size = GENERATE(QSize(1024, 700), QSize(1067, 667));
  AppWindow app;
  checkPageFits(app, 0, size);
}
