// View → Simulate colour vision, and the run palette's claim that it survives colour blindness.
#include "ui/common/colour_vision.h"

#include <QAction>
#include <QActionGroup>
#include <QGraphicsColorizeEffect>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "ui/app_window.h"
#include "ui/common/colour_vision_overlay.h"
#include "ui/common/run_palette.h"

using namespace optiscope::ui;

namespace colour_vision_test {

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// CIE L*a*b* (D65) of an sRGB color, for CIE76 color differences.
std::array<double, 3> lab(const QColor& color) {
  const double r = linear(color.redF()), g = linear(color.greenF()), b = linear(color.blueF());
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double difference(const QColor& a, const QColor& b) {
  const auto la = lab(a), lb = lab(b);
  return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

// The smallest difference between any two colors of `palette` as `vision` sees them.
double closestPair(const std::vector<QColor>& palette, ColourVision vision) {
  double closest = 1e9;
  for (std::size_t i = 0; i < palette.size(); ++i)
    for (std::size_t j = i + 1; j < palette.size(); ++j)
      closest = std::min(closest,
                         difference(simulated(palette[i], vision), simulated(palette[j], vision)));
  return closest;
}

constexpr ColourVision kDichromacies[] = {ColourVision::Protanopia, ColourVision::Deuteranopia,
                                          ColourVision::Tritanopia};

}  // namespace colour_vision_test

using colour_vision_test::closestPair;
using colour_vision_test::difference;
using colour_vision_test::kDichromacies;

TEST_CASE("simulated colour vision keeps grays and confuses what each dichromat confuses",
          "[ui][colourvision]") {
  for (int level = 0; level < 256; level += 15)
    for (ColourVision vision : kDichromacies) {
      const QColor gray(level, level, level);
      CHECK(difference(simulated(gray, vision), gray) < 1.0);
    }
  for (const QColor color : {QColor(230, 159, 0), QColor(0, 114, 178), QColor(12, 200, 99)})
    CHECK(simulated(color, ColourVision::Normal) == color);
  // Red and green, far apart for most of us, come within half that distance without red or
  // green cones (what is left is mostly lightness); without blue cones they stay apart.
  const QColor red(220, 30, 30), green(30, 150, 30);
  CHECK(difference(red, green) > 70);
  CHECK(difference(simulated(red, ColourVision::Protanopia),
                   simulated(green, ColourVision::Protanopia)) < 35);
  CHECK(difference(simulated(red, ColourVision::Deuteranopia),
                   simulated(green, ColourVision::Deuteranopia)) < 35);
  CHECK(difference(simulated(red, ColourVision::Tritanopia),
                   simulated(green, ColourVision::Tritanopia)) > 60);
}

TEST_CASE("the run palette stays apart under every colour blindness; a red-green one does not",
          "[ui][colourvision]") {
  std::vector<QColor> runs;
  for (int i = 0; i < 8; ++i) runs.push_back(runColor(i));
  const std::vector<QColor> redGreen = {QColor("#ff0000"), QColor("#00a000"), QColor("#0000ff"),
                                        QColor("#ff8000"), QColor("#808000"), QColor("#a000a0"),
                                        QColor("#00c0c0"), QColor("#606060")};
  CHECK(closestPair(runs, ColourVision::Normal) > 20);
  for (ColourVision vision : kDichromacies) {
    INFO(colourVisionName(vision).toStdString());
    CHECK(closestPair(runs, vision) >= 7);  // CIE76: 2.3 is just noticeable
  }
  CHECK(closestPair(redGreen, ColourVision::Protanopia) < 7);
  CHECK(closestPair(redGreen, ColourVision::Deuteranopia) < 7);
}

TEST_CASE("View → Simulate colour vision shows the window recolored, until Normal vision",
          "[ui][colourvision]") {
  AppWindow app;
  MainWindow& window = app.window;
  window.resize(900, 600);
  window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&window));
  QAction* deutan = nullptr;
  QAction* normal = nullptr;
  for (QAction* action : window.colourVisionActions()->actions()) {
    if (action->data().toString() == QStringLiteral("Deuteranopia")) deutan = action;
    if (action->data().toString() == QStringLiteral("Normal")) normal = action;
  }
  REQUIRE(deutan);
  REQUIRE(normal);
  CHECK(normal->isChecked());
  QImage seen(window.size(), QImage::Format_RGB32);
  window.render(&seen);  // as everyone sees it

  deutan->trigger();
  CHECK(window.colourVision() == ColourVision::Deuteranopia);
  ColourVisionOverlay* overlay = window.colourVisionOverlay();
  REQUIRE(overlay);
  CHECK(overlay->isVisible());
  CHECK(overlay->geometry() == window.rect());
  CHECK(overlay->testAttribute(Qt::WA_TransparentForMouseEvents));  // the window stays usable
  overlay->refresh();
  const QImage& frame = overlay->frame();
  REQUIRE(frame.size() == seen.size());
  QImage expected = seen;
  simulate(expected, ColourVision::Deuteranopia);
  // The scene is paused, so the window is as it was; the overlay shows it recolored.
  long long differing = 0, recolored = 0;
  for (int y = 0; y < seen.height(); y += 7)
    for (int x = 0; x < seen.width(); x += 7) {
      differing += frame.pixel(x, y) != expected.pixel(x, y);
      recolored += frame.pixel(x, y) != seen.pixel(x, y);
    }
  CHECK(differing == 0);
  CHECK(recolored > 50);  // the run colors (and the map, once drawn) did change
  // It follows the window's size.
  window.resize(800, 560);
  CHECK(overlay->geometry() == window.rect());

  normal->trigger();
  CHECK(window.colourVision() == ColourVision::Normal);
  CHECK_FALSE(window.colourVisionOverlay());
}
