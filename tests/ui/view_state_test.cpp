// The Landscape page's view state, one source of truth each: contours, equal aspect, the
// legend, and the hint towards a start outside the view (issue 12, item 3 and frictions).
#include <qcustomplot.h>

#include <QAction>
#include <QMenu>
#include <QTest>
#include <QWheelEvent>
#include <catch2/catch.hpp>
#include <cmath>

#include "ui/app_window.h"
#include "ui/common/landscape_contour_layer.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_evaluator.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/main_window.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

constexpr int kTimeoutMs = 20000;

struct Fixture {
  AppWindow app;
  LandscapePage& page = *app.landscape;
  LandscapeView& view = *page.view();
  Fixture() {
    app.window.resize(1280, 800);
    app.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&app.window));
    REQUIRE(waitForLandscapeOfView());
  }
  QAction* action(const QString& text) const {
    for (QAction* a : app.window.menuActions())
      if (a->text().remove('&') == text) return a;
    return nullptr;
  }
  QCPAxis* x() const { return view.axisRect()->axis(QCPAxis::atBottom); }
  QCPAxis* y() const { return view.axisRect()->axis(QCPAxis::atLeft); }
  // A fine landscape of exactly the current view is on screen.
  bool waitForLandscapeOfView() {
    return waitUntil(
        [&] {
          const auto shown = view.shownLandscape();
          return view.evaluator().settled() && shown && shown->resolution == Resolution::kFine &&
                 shown->grid.spec.xMin == x()->range().lower &&
                 shown->grid.spec.xMax == x()->range().upper &&
                 shown->grid.spec.yMin == y()->range().lower &&
                 shown->grid.spec.yMax == y()->range().upper;
        },
        kTimeoutMs);
  }
  bool contoursDrawn() const {
    for (auto* layer : view.findChildren<LandscapeContourLayer*>())
      if (layer->realVisibility()) return true;
    return false;
  }
  // Pixels per unit along x over pixels per unit along y.
  double aspect() const {
    const QRect rect = view.axisRect()->rect();
    return (rect.width() / x()->range().size()) / (rect.height() / y()->range().size());
  }
};

}  // namespace

TEST_CASE("contours switched off stay off through zoom, pan and Home", "[ui][view]") {
  Fixture f;
  QAction* contours = f.action(QStringLiteral("Show contours"));
  REQUIRE(contours);
  REQUIRE(f.contoursDrawn());
  contours->trigger();
  REQUIRE_FALSE(contours->isChecked());
  REQUIRE_FALSE(f.contoursDrawn());

  // Zoom with the wheel: a new landscape arrives.
  const auto before = f.view.shownLandscape()->generation;
  QWidget* plot = f.view.plot();
  const QPointF center = QRectF(f.view.axisRect()->rect()).center();
  QWheelEvent wheel(center, plot->mapToGlobal(center), QPoint(), QPoint(0, 120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(plot, &wheel);
  REQUIRE(f.waitForLandscapeOfView());
  CHECK(f.view.shownLandscape()->generation > before);
  CHECK_FALSE(f.contoursDrawn());
  CHECK_FALSE(contours->isChecked());

  // Pan.
  const auto zoomed = f.view.shownLandscape()->generation;
  f.x()->setRange(f.x()->range().lower + 0.3, f.x()->range().upper + 0.3);
  REQUIRE(f.waitForLandscapeOfView());
  CHECK(f.view.shownLandscape()->generation > zoomed);
  CHECK_FALSE(f.contoursDrawn());
  CHECK_FALSE(contours->isChecked());

  // Home.
  const auto panned = f.view.shownLandscape()->generation;
  f.action(QStringLiteral("Reset view"))->trigger();
  REQUIRE(f.waitForLandscapeOfView());
  CHECK(f.view.shownLandscape()->generation > panned);
  CHECK_FALSE(f.contoursDrawn());
  CHECK_FALSE(contours->isChecked());

  contours->trigger();  // and back on, from the same one state
  CHECK(f.contoursDrawn());
  CHECK(f.view.contoursShown());
}

TEST_CASE("equal aspect is on for the built-in view box, keeps it whole, and can be switched off",
          "[ui][view]") {
  Fixture f;
  QAction* aspect = f.action(QStringLiteral("Equal aspect"));
  REQUIRE(aspect);
  CHECK(aspect->isChecked());
  CHECK(std::abs(f.aspect() - 1.0) < 0.05);
  // Rosenbrock's box [-2,2]x[-1,3] is inside what is shown.
  CHECK(f.x()->range().lower <= -2.0 + 1e-9);
  CHECK(f.x()->range().upper >= 2.0 - 1e-9);
  CHECK(f.y()->range().lower <= -1.0 + 1e-9);
  CHECK(f.y()->range().upper >= 3.0 - 1e-9);

  // A resized window keeps the aspect.
  f.app.window.resize(1100, 900);
  REQUIRE(waitUntil([&] { return std::abs(f.aspect() - 1.0) < 0.05; }, kTimeoutMs));

  aspect->trigger();
  CHECK_FALSE(f.view.equalAspect());
  f.action(QStringLiteral("Reset view"))->trigger();
  CHECK(f.x()->range() == QCPRange(-2.0, 2.0));  // the box itself, stretched
  CHECK(f.y()->range() == QCPRange(-1.0, 3.0));
  f.view.setEqualAspect(true);  // the view's state shows in the action
  CHECK(aspect->isChecked());
}

TEST_CASE("the legend moves, shrinks and hides from the View menu", "[ui][view]") {
  Fixture f;
  QCPLegend* legend = f.view.plot()->legend;
  QCPLayoutInset* inset = f.view.axisRect()->insetLayout();
  REQUIRE(legend->visible());
  f.action(QStringLiteral("Bottom left"))->trigger();
  CHECK(f.view.legendPlacement() == LandscapeView::LegendPlacement::BottomLeft);
  CHECK(inset->insetAlignment(0) == (Qt::AlignBottom | Qt::AlignLeft));
  CHECK(f.action(QStringLiteral("Bottom left"))->isChecked());

  const double font = legend->font().pointSizeF();
  f.action(QStringLiteral("Small"))->trigger();
  CHECK(legend->font().pointSizeF() < font);

  f.action(QStringLiteral("Hidden"))->trigger();
  CHECK_FALSE(legend->visible());
  f.view.setLegendPlacement(LandscapeView::LegendPlacement::TopRight);
  CHECK(legend->visible());
  CHECK(f.action(QStringLiteral("Top right"))->isChecked());
}

TEST_CASE("a start outside the view is pointed at from the edge", "[ui][view]") {
  Fixture f;
  QCPItemLine* hint = nullptr;
  for (int i = 0; i < f.view.plot()->itemCount(); ++i)
    if (auto* line = qobject_cast<QCPItemLine*>(f.view.plot()->item(i))) hint = line;
  REQUIRE(hint);
  CHECK_FALSE(hint->visible());

  Eigen::VectorXd far(2);
  far << 40.0, 2.0;  // far right of the [-2, 2] box
  f.app.landscapeController.setStart(far);
  f.view.plot()->replot();
  REQUIRE(hint->visible());
  const QRectF rect = f.view.axisRect()->rect();
  const QPointF head = hint->end->pixelPosition(), tail = hint->start->pixelPosition();
  CHECK(rect.contains(head));
  CHECK(head.x() > tail.x());                       // it points right, towards the start
  CHECK(std::abs(head.x() - rect.right()) < 20.0);  // at the right edge

  Eigen::VectorXd inside(2);
  inside << 0.5, 0.5;
  f.app.landscapeController.setStart(inside);
  f.view.plot()->replot();
  CHECK_FALSE(hint->visible());
}
