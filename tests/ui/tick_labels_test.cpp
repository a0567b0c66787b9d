// Tick and color-bar labels at round values that never collide, on every plot of both pages
// at the smallest size each gets at 1024x700 (issue 12, item 5).
#include <qcustomplot.h>

#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>

#include "ui/app_window.h"
#include "ui/common/fitted_ticker.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_evaluator.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/side_plots.h"
#include "ui/network/insight/loss_slice_view.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

QList<QCPAxis*> axesOf(QCustomPlot& plot) {
  QList<QCPAxis*> axes;
  for (QCPAxisRect* rect : plot.axisRects()) axes += rect->axes();
  for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) axes += scale->axis();
  return axes;
}

// "0.0122" has 3, "1000" and "10k" 1, "2.5M" 2; powers of ten ("10⁻⁵") 1.
int significantDigits(const QString& label) {
  QString mantissa;
  for (QChar c : label) {
    if (c == QLatin1Char('e') || c.unicode() > 127) break;  // exponent, superscripts
    if (c.isDigit() || c == QLatin1Char('.')) mantissa += c;
  }
  if (!mantissa.contains(QLatin1Char('.')))
    while (mantissa.size() > 1 && mantissa.endsWith(QLatin1Char('0'))) mantissa.chop(1);
  mantissa.remove(QLatin1Char('.'));
  while (mantissa.startsWith(QLatin1Char('0')) && mantissa.size() > 1) mantissa.remove(0, 1);
  return static_cast<int>(mantissa.size());
}

// Every labelled axis of `plot`: labels apart from each other and inside the widget, at round
// values that are the values of their ticks. Returns how many labels were checked.
int checkLabels(QCustomPlot& plot, const QString& where) {
  int checked = 0;
  for (QCPAxis* axis : axesOf(plot)) {
    if (!axis->visible() || !axis->tickLabels() || axis->tickVector().isEmpty()) continue;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    REQUIRE(ticks.size() == labels.size());
    const QFontMetricsF metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    std::vector<std::pair<double, double>> spans;  // along the axis, in pixels
    for (int i = 0; i < ticks.size(); ++i) {
      INFO(where.toStdString() << ": axis '" << axis->label().toStdString() << "' label '"
                               << labels[i].toStdString() << "'");
      const double at = axis->coordToPixel(ticks[i]);
      const double extent = horizontal ? metrics.horizontalAdvance(labels[i]) : metrics.height();
      spans.emplace_back(at - extent / 2, at + extent / 2);
      if (axis->axisType() == QCPAxis::atRight) {
        const double right = axis->axisRect()->right() + axis->offset() + axis->tickLengthOut() +
                             axis->tickLabelPadding() + metrics.horizontalAdvance(labels[i]);
        CHECK(right <= plot.width() + 1.0);  // not clipped at the widget's edge
      }
      auto* fitted = dynamic_cast<FittedTicker*>(axis->ticker().data());
      if (fitted && fitted->namesValues()) {
        const double value = fitted->labelValue(ticks[i]);
        const double read = valueOfLabel(labels[i]);
        CHECK(std::abs(read - value) <= 1e-9 * std::max(1.0, std::abs(value)));
        CHECK(significantDigits(labels[i]) <= 3);
      }
      ++checked;
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i) {
      INFO(where.toStdString() << ": axis '" << axis->label().toStdString() << "' labels "
                               << labels.join(QStringLiteral(" | ")).toStdString());
      CHECK(spans[i - 1].second <= spans[i].first);
    }
  }
  return checked;
}

// Replots every plot on screen and checks it.
int checkVisiblePlots(QWidget& window, const QString& where) {
  int checked = 0, plots = 0;
  for (QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
    if (!plot->isVisible()) continue;
    plot->replot();
    plot->replot();  // as the second frame shows it, after the first one's layout
    checked += checkLabels(
        *plot, where + QStringLiteral(" ") + plot->parentWidget()->metaObject()->className());
    ++plots;
  }
  CHECK(plots > 0);
  return checked;
}

struct Fixture {
  AppWindow app;
  explicit Fixture(QSize size) {
    app.window.resize(size);
    app.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  }
  bool waitForLandscape() {
    LandscapeView* view = app.landscape->view();
    return waitUntil(
        [&] {
          const auto shown = view->shownLandscape();
          return view->evaluator().settled() && shown && shown->resolution == Resolution::kFine;
        },
        20000);
  }
};

}  // namespace

TEST_CASE("the Landscape page's labels are round and apart at 1024x700 and 1600x1000",
          "[ui][ticks]") {
  for (QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
    Fixture f(size);
    REQUIRE(f.waitForLandscape());
    // 10^5 steps: the log step axis spans five decades, the loss axis many more.
    f.app.landscapeController.step(100'000);
    REQUIRE(f.app.landscapeController.waitUntilIdle(30000));
    QApplication::processEvents();
    CHECK(checkVisiblePlots(f.app.window, QStringLiteral("landscape")) > 20);

    // Zoomed in where f is small: the color bar's labels are small numbers.
    LandscapeView* view = f.app.landscape->view();
    view->axisRect()->axis(QCPAxis::atBottom)->setRange(0.9, 1.1);
    view->axisRect()->axis(QCPAxis::atLeft)->setRange(0.9, 1.1);
    REQUIRE(f.waitForLandscape());
    QApplication::processEvents();
    checkVisiblePlots(f.app.window, QStringLiteral("landscape zoomed"));
    // The linear step axis too.
    f.app.landscape->sidePlots()->setLogStepAxis(false);
    checkVisiblePlots(f.app.window, QStringLiteral("landscape linear steps"));
  }
}

TEST_CASE("the Network page's labels are round and apart at 1024x700", "[ui][ticks]") {
  Fixture f(QSize(1024, 700));
  f.app.window.showPage(1);
  NetworkController& network = f.app.networkController;
  network.step(100 * network.stepsPerEpoch());  // 100 epochs: the band axes read 0 .. 100
  REQUIRE(network.waitUntilIdle(60000));
  network.pollNow();
  QApplication::processEvents();
  CHECK(checkVisiblePlots(f.app.window, QStringLiteral("network")) > 10);
  auto* insight = qobject_cast<QTabWidget*>(f.app.network->insight());
  REQUIRE(insight);
  insight->setCurrentIndex(1);  // the loss landscape
  auto* slice = f.app.window.findChild<LossSliceView*>();
  REQUIRE(slice);
  // Its labels are those of the fine slice, once that is drawn.
  REQUIRE(waitUntil(
      [&] {
        const auto shown = slice->shownSlice();
        return shown && shown->resolution == Resolution::kFine && !slice->computing();
      },
      60000));
  QApplication::processEvents();
  checkVisiblePlots(f.app.window, QStringLiteral("network slice"));
}

TEST_CASE("label formats name round values exactly", "[ui][ticks]") {
  const QLocale c = QLocale::c();
  CHECK(roundLabel(0.25, 0.05, c) == QStringLiteral("0.25"));
  CHECK(roundLabel(1500, 500, c) == QStringLiteral("1500"));
  CHECK(roundLabel(2e-5, 1e-5, c) == QStringLiteral("2e-05"));
  CHECK(countLabel(950, c) == QStringLiteral("950"));
  CHECK(countLabel(10000, c) == QStringLiteral("10k"));
  CHECK(countLabel(2.5e6, c) == QStringLiteral("2.5M"));
  CHECK(powerOfTenLabel(-3, true, c) == QStringLiteral("0.001"));
  CHECK(powerOfTenLabel(-5, true, c) == QStringLiteral("10⁻⁵"));
  CHECK(powerOfTenLabel(12, false, c) == QStringLiteral("10¹²"));
  for (const char* label : {"0.25", "1500", "2e-05", "950", "10k", "2.5M", "0.001"})
    CHECK(std::isfinite(valueOfLabel(QString::fromLatin1(label))));
  CHECK(valueOfLabel(QStringLiteral("10⁻⁵")) == 1e-5);
  CHECK(valueOfLabel(QStringLiteral("10¹²")) == 1e12);
  CHECK(valueOfLabel(QStringLiteral("2.5M")) == 2.5e6);
  CHECK(std::isnan(valueOfLabel(QStringLiteral("b"))));
}
