// Color is never the only cue: each run's marker shape and dash pattern, the same everywhere.
#include "ui/common/run_cue.h"

#include <qcustomplot.h>

#include <QSet>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/drawn_icons.h"
#include "ui/common/run_palette.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/loss_plot.h"
#include "ui/landscape/side_plots.h"

using namespace optiscope;
using namespace optiscope::ui;

TEST_CASE("the palette's runs have eight different markers and dash patterns", "[ui][runcue]") {
  QSet<int> shapes;
  QSet<QString> dashes;
  for (int i = 0; i < kRunCues; ++i) {
    const QColor color = runColor(i);
    CHECK(runCueIndex(color) == i);
    shapes.insert(static_cast<int>(runMarker(color)));
    const QPen pen = withRunDash(QPen(color, 1), color);
    QString dash = QString::number(static_cast<int>(pen.style()));
    for (qreal length : pen.dashPattern()) dash += QStringLiteral(",%1").arg(length);
    dashes.insert(dash);
  }
  CHECK(shapes.size() == kRunCues);
  CHECK(dashes.size() == kRunCues);
  CHECK(withRunDash(QPen(Qt::black, 1, Qt::DotLine), runColor(0)).style() == Qt::SolidLine);
  // A color of the user's own gets a cue of the set, the same each time.
  const QColor own(12, 34, 56);
  CHECK(runCueIndex(own) >= 0);
  CHECK(runCueIndex(own) < kRunCues);
  CHECK(runCueIndex(own) == runCueIndex(QColor(12, 34, 56)));
}

TEST_CASE("a run's marker is the same in the legend, on its curves and as its swatch",
          "[ui][runcue]") {
  AppWindow app;
  LandscapeController& controller = app.landscapeController;
  REQUIRE(controller.runIds().size() >= 3);
  QCustomPlot* landscape = app.landscape->view()->plot();
  QCustomPlot* loss = app.landscape->sidePlots()->lossPlot();
  QSet<int> shapes;
  QSet<Qt::PenStyle> styles;
  for (RunId id : controller.runIds()) {
    const QColor color = controller.style(id).color;
    const QCPScatterStyle::ScatterShape shape = runMarker(color);
    shapes.insert(static_cast<int>(shape));
    INFO("run " << controller.style(id).label.toStdString());
    bool inLegend = false;
    for (int i = 0; i < landscape->legend->itemCount(); ++i)
      if (auto* item = qobject_cast<QCPPlottableLegendItem*>(landscape->legend->item(i)))
        if (item->plottable()->name().startsWith(controller.style(id).label))
          inLegend = static_cast<QCPCurve*>(item->plottable())->scatterStyle().shape() == shape;
    CHECK(inLegend);
    bool onCurve = false;
    for (int i = 0; i < loss->graphCount(); ++i)
      if (loss->graph(i)->name() == controller.style(id).label) {
        onCurve = loss->graph(i)->scatterStyle().shape() == shape;
        styles.insert(loss->graph(i)->pen().style());
      }
    CHECK(onCurve);
  }
  CHECK(shapes.size() == static_cast<int>(controller.runIds().size()));
  CHECK(styles.size() >= 2);  // solid for the first run, patterns for the others
  // The swatch is the marker's shape: a circle leaves its corners empty, a square fills them.
  const QImage circle = colorSwatchIcon(runColor(0), Qt::black).pixmap(32, 32).toImage();
  const QImage square = colorSwatchIcon(runColor(1), Qt::black).pixmap(32, 32).toImage();
  CHECK(qAlpha(circle.pixel(3, 3)) == 0);
  CHECK(qAlpha(square.pixel(3, 3)) > 0);
  CHECK(qAlpha(circle.pixel(16, 16)) > 0);
}
