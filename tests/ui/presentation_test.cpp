// View → Presentation: full screen, larger text, thicker lines, the projector theme, folded
// panels and a caption; leaving gives everything back.
#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/presentation_look.h"
#include "ui/common/run_palette.h"
#include "ui/common/theme.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/loss_plot.h"
#include "ui/landscape/side_plots.h"
#include "ui/landscape/trajectory_path_layer.h"
#include "ui/network/dataset_panel.h"
#include "ui/network/network_page.h"
#include "ui/presentation_mode.h"
#include "ui/widget_test_support.h"
#include "ui/window_session.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace presentation_test {

int pixels(const QFont& font) { return QFontInfo(font).pixelSize(); }

bool near(double a, double b) { return std::abs(a - b) < 1e-9 * std::max(1.0, std::abs(b)); }

// `top` painted over `under`, as the screen shows a translucent color.
QColor over(const QColor& top, const QColor& under) {
  const double a = top.alphaF();
  return QColor::fromRgbF(static_cast<float>(top.redF() * a + under.redF() * (1 - a)),
                          static_cast<float>(top.greenF() * a + under.greenF() * (1 - a)),
                          static_cast<float>(top.blueF() * a + under.blueF() * (1 - a)));
}

struct Presenting {
  AppWindow app;
  MainWindow& window = app.window;
  PresentationMode& presentation = *app.window.presentation();
  Presenting() {
    applyTheme(Theme::Light);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.setFocus();
  }
  ~Presenting() {
    presentation.leave();
    applyTheme(Theme::System);
  }
  QCustomPlot* lossPlot() const { return app.landscape->sidePlots()->lossPlot(); }
};

}  // namespace presentation_test

using presentation_test::near;
using presentation_test::over;
using presentation_test::pixels;
using presentation_test::Presenting;

TEST_CASE("the projector theme's text reads at 4.5:1 and every run line at 3:1",
          "[ui][presentation]") {
  const QPalette p = projectorPalette();
  const auto contrast = [&](QPalette::ColorGroup group, QPalette::ColorRole text,
                            QPalette::ColorRole background) {
    return contrastRatio(p.color(group, text), p.color(group, background));
  };
  for (const auto& [text, background] : {std::pair{QPalette::WindowText, QPalette::Window},
                                         {QPalette::Text, QPalette::Base},
                                         {QPalette::ButtonText, QPalette::Button},
                                         {QPalette::ToolTipText, QPalette::ToolTipBase},
                                         {QPalette::HighlightedText, QPalette::Highlight},
                                         {QPalette::Text, QPalette::AlternateBase},
                                         {QPalette::PlaceholderText, QPalette::Base}}) {
    INFO("roles " << text << " on " << background);
    CHECK(contrast(QPalette::Active, text, background) >= 4.5);
  }
  CHECK(contrast(QPalette::Disabled, QPalette::WindowText, QPalette::Window) >= 4.5);
  CHECK(contrast(QPalette::Disabled, QPalette::Text, QPalette::Base) >= 4.5);

  setPresentationLook({true, PresentationMode::kLineScale});
  const QColor plotBackground = p.color(QPalette::Base);
  // On the map, a path is drawn on its halo; over a white region of the map is the worst case.
  const QColor halo = over(TrajectoryPathLayer::haloColor(), Qt::white);
  for (int run = 0; run < 8; ++run) {
    const QColor color = runColor(run);
    INFO("run " << run << " " << color.name().toStdString());
    CHECK(contrastRatio(lineColorOn(color, plotBackground), plotBackground) >= 3.0);
    CHECK(contrastRatio(color, halo) >= 3.0);
  }
  setPresentationLook({});
  // On the desktop the run keeps its exact color and the halo lets the map show through.
  CHECK(lineColorOn(runColor(6), plotBackground) == runColor(6));
  CHECK(TrajectoryPathLayer::haloColor().alpha() < 255);
}

TEST_CASE("F5 presents the page large and thick; Esc gives everything back", "[ui][presentation]") {
  Presenting f;
  QDockWidget* functionDock = f.window.findChild<QDockWidget*>(QStringLiteral("FunctionDock"));
  REQUIRE(functionDock);
  REQUIRE(functionDock->isVisible());
  QAction* light = nullptr;
  for (QAction* action : f.window.themeActions()->actions())
    if (action->data().toString() == QStringLiteral("light")) light = action;
  REQUIRE(light);
  light->setChecked(true);
  const QFont font = QApplication::font();
  const QPalette palette = QApplication::palette();
  const QRect geometry = f.window.geometry();
  const QCPAxis* ticks = f.lossPlot()->xAxis;
  const QFont tickFont = ticks->tickLabelFont();
  const QCPGraph* curve = f.lossPlot()->graph(0);
  REQUIRE(curve);
  const double width = curve->pen().widthF();

  QTest::keyClick(&f.window, Qt::Key_F5);
  REQUIRE(f.presentation.isOn());
  CHECK(f.presentation.toggleAction()->isChecked());
  CHECK(waitUntil([&] { return f.window.isFullScreen(); }));
  CHECK(QApplication::font().pointSizeF() == Approx(font.pointSizeF() * 1.6));
  // Qt hands the new font and palette to the widgets through the event loop.
  // Readable from the back of a room: tick labels 1.6x, and never under 21 px.
  CHECK(waitUntil([&] {
    return pixels(ticks->tickLabelFont()) >=
           std::max(kPresentedAxisTextPixels, static_cast<int>(pixels(tickFont) * 1.6));
  }));
  CHECK(waitUntil([&] {
    return near(f.lossPlot()->graph(0)->pen().widthF(), width * PresentationMode::kLineScale);
  }));
  const QColor base = QApplication::palette().color(QPalette::Base);
  CHECK(base == projectorPalette().color(QPalette::Base));
  CHECK(contrastRatio(ticks->tickLabelColor(), base) >= 4.5);
  for (int i = 0; i < f.lossPlot()->graphCount(); ++i)
    CHECK(contrastRatio(f.lossPlot()->graph(i)->pen().color(), base) >= 3.0);
  CHECK_FALSE(functionDock->isVisible());  // folded
  CHECK(f.presentation.captionStrip()->isVisible());
  CHECK(f.presentation.captionLabel()->text().startsWith(QStringLiteral("Landscape")));
  CHECK_FALSE(f.window.themeActions()->isEnabled());  // the saved theme cannot change under it

  QTest::keyClick(&f.window, Qt::Key_Escape);
  REQUIRE_FALSE(f.presentation.isOn());
  CHECK_FALSE(f.presentation.toggleAction()->isChecked());
  CHECK(waitUntil([&] { return !f.window.isFullScreen(); }));
  CHECK(QApplication::font() == font);
  CHECK(QApplication::palette() == palette);
  CHECK(
      waitUntil([&] { return near(ticks->tickLabelFont().pointSizeF(), tickFont.pointSizeF()); }));
  CHECK(waitUntil([&] { return near(f.lossPlot()->graph(0)->pen().widthF(), width); }));
  CHECK(functionDock->isVisible());
  CHECK_FALSE(f.presentation.captionStrip()->isVisible());
  CHECK(light->isChecked());
  CHECK(f.window.themeActions()->isEnabled());
  CHECK(waitUntil([&] { return f.window.geometry() == geometry; }));
  // Esc is the fields' and dialogs' again.
  CHECK_FALSE(f.presentation.leaveAction()->isEnabled());
}

TEST_CASE("the presenter makes text larger and smaller within bounds", "[ui][presentation]") {
  Presenting f;
  // Outside the presentation the keys do nothing: Ctrl+- must not shrink a desktop window.
  const QFont font = QApplication::font();
  QTest::keyClick(&f.window, Qt::Key_Minus, Qt::ControlModifier);
  CHECK(f.presentation.fontScale() == Approx(PresentationMode::kDefaultFontScale));
  CHECK(QApplication::font() == font);

  const QCPAxis* ticks = f.lossPlot()->yAxis;
  const int desktop = pixels(ticks->tickLabelFont());
  f.presentation.enter();
  REQUIRE(waitUntil([&] { return pixels(ticks->tickLabelFont()) >= kPresentedAxisTextPixels; }));
  QTest::keyClick(&f.window, Qt::Key_Equal, Qt::ControlModifier);
  CHECK(f.presentation.fontScale() == Approx(1.7));
  CHECK(QApplication::font().pointSizeF() == Approx(font.pointSizeF() * 1.7));
  for (int i = 0; i < 30; ++i) QTest::keyClick(&f.window, Qt::Key_Equal, Qt::ControlModifier);
  CHECK(f.presentation.fontScale() == Approx(PresentationMode::kMaxFontScale));
  // The plots follow the font alone (no palette change): their tick labels grow too.
  CHECK(waitUntil([&] { return std::abs(pixels(ticks->tickLabelFont()) - desktop * 3) <= 1; }));
  for (int i = 0; i < 30; ++i) QTest::keyClick(&f.window, Qt::Key_Minus, Qt::ControlModifier);
  CHECK(f.presentation.fontScale() == Approx(PresentationMode::kMinFontScale));
  CHECK(QApplication::font().pointSizeF() == Approx(font.pointSizeF()));
  f.presentation.leave();
  CHECK(QApplication::font() == font);
}

TEST_CASE("presenting the Network page folds its left column; leaving unfolds it",
          "[ui][presentation]") {
  Presenting f;
  f.window.showPage(1);
  QWidget* dataPanel = f.window.findChild<DatasetPanel*>();
  const auto dataShown = [&] { return dataPanel && dataPanel->isVisible(); };
  REQUIRE(dataShown());
  f.presentation.enter();
  CHECK_FALSE(dataShown());
  CHECK(f.presentation.captionLabel()->text().startsWith(QStringLiteral("Network")));
  // A page shown while presenting is folded too, and a caption set for a lesson stays.
  f.presentation.setCaption(QStringLiteral("Adam is momentum plus RMSProp"));
  f.window.showPage(0);
  CHECK_FALSE(f.window.findChild<QDockWidget*>(QStringLiteral("FunctionDock"))->isVisible());
  CHECK(f.presentation.captionLabel()->text() == QStringLiteral("Adam is momentum plus RMSProp"));
  f.window.showPage(1);
  f.presentation.leave();
  CHECK(dataShown());
  f.window.showPage(0);
  CHECK(f.window.findChild<QDockWidget*>(QStringLiteral("FunctionDock"))->isVisible());
}

TEST_CASE("closing while presenting saves the window as the user keeps it", "[ui][presentation]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
  QByteArray layout;
  {
    Presenting f;
    WindowSession session(f.window, settings, dir.filePath(QStringLiteral("session.json")));
    layout = f.window.saveLayout();
    f.presentation.setFontScale(2.0);
    f.presentation.enter();
    REQUIRE(f.window.close());
    CHECK_FALSE(f.presentation.isOn());
    session.save();
  }
  CHECK(settings.value(QStringLiteral("window/state")).toByteArray() == layout);
  CHECK(settings.value(QStringLiteral("view/theme")).toString() == QStringLiteral("system"));
  CHECK(settings.value(QStringLiteral("presentation/fontScale")).toDouble() == Approx(2.0));
}
