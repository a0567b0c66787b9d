// File → Export figure… and its parts (issue 13, item 1): a plot or the whole page as PNG, SVG
// or PDF. Vector files hold vectors (paths and text, the heatmap as one image), and exporting
// never changes what the user sees.
#include "ui/common/figure_export.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/figure_export_dialog.h"
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

constexpr int kTimeoutMs = 30000;

struct Fixture {
  AppWindow app;
  LandscapeView* view = app.landscape->view();
  QTemporaryDir dir;
  Fixture() {
    app.window.resize(1280, 800);
    app.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&app.window));
    app.landscapeController.step(60);
    REQUIRE(app.landscapeController.waitUntilIdle(kTimeoutMs));
    // The landscape as the user sees it: the fine grid for this view is on screen.
    REQUIRE(waitUntil(
        [&] {
          const auto shown = view->shownLandscape();
          return view->evaluator().settled() && shown &&
                 shown->generation == view->evaluator().lastGeneration();
        },
        kTimeoutMs));
  }
  QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
};

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int count(const QByteArray& text, const char* what) {
  return static_cast<int>(text.count(QByteArray(what)));
}

// The content streams of a PDF, inflated (Qt writes them deflated).
QList<QByteArray> pdfStreams(const QByteArray& pdf) {
  QList<QByteArray> streams;
  qsizetype at = 0;
  while ((at = pdf.indexOf("stream", at)) >= 0) {
    qsizetype begin = at + 6;
    if (pdf.mid(begin, 2) == "\r\n")
      begin += 2;
    else if (pdf.mid(begin, 1) == "\n")
      begin += 1;
    else {
      at = begin;
      continue;
    }
    const qsizetype end = pdf.indexOf("endstream", begin);
    if (end < 0) break;
    const QByteArray raw = pdf.mid(begin, end - begin);
    if (raw.startsWith('\x78')) {  // a zlib stream (deflated content), not an image's bytes
      // qUncompress wants the expected length first, big-endian; it grows past a low guess.
      streams.append(qUncompress(QByteArray("\x00\x10\x00\x00", 4) + raw));
    } else {
      streams.append(raw);
    }
    at = end + 9;
  }
  return streams;
}

double meanDifference(const QImage& a, const QImage& b) {
  const QImage x = a.convertToFormat(QImage::Format_RGB32);
  const QImage y = b.convertToFormat(QImage::Format_RGB32);
  double sum = 0.0;
  for (int row = 0; row < x.height(); ++row)
    for (int column = 0; column < x.width(); ++column) {
      const QRgb p = x.pixel(column, row), q = y.pixel(column, row);
      sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
             std::abs(qBlue(p) - qBlue(q));
    }
  return sum / (3.0 * x.width() * x.height());
}

}  // namespace

TEST_CASE("a plot exported as PNG has the chosen size times the scale", "[ui][export]") {
  Fixture f;
  QCustomPlot* plot = f.view->plot();
  FigureOptions png;
  png.scale = 2.0;
  REQUIRE(exportFigurePart(*plot, QSize(600, 400), png, f.path("plot.png")).isEmpty());
  const QImage image(f.path("plot.png"));
  CHECK(image.size() == QSize(1200, 800));
  CHECK(qAlpha(image.pixel(0, 0)) == 255);

  png.scale = 1.0;
  png.transparent = true;
  REQUIRE(exportFigurePart(*plot, QSize(600, 400), png, f.path("clear.png")).isEmpty());
  const QImage clear(f.path("clear.png"));
  CHECK(clear.size() == QSize(600, 400));
  CHECK(qAlpha(clear.pixel(0, 0)) == 0);  // outside the axis rect: nothing painted
}

TEST_CASE("a plot exported as SVG is vectors that draw what the PNG shows", "[ui][export]") {
  Fixture f;
  QCustomPlot* plot = f.view->plot();
  FigureOptions svg;
  svg.format = FigureFormat::Svg;
  REQUIRE(exportFigurePart(*plot, QSize(700, 500), svg, f.path("plot.svg")).isEmpty());
  const QByteArray text = readAll(f.path("plot.svg"));
  CHECK(text.contains("viewBox=\"0 0 700 500\""));
  CHECK(count(text, "<path") >= 5);   // each run's path is a path
  CHECK(count(text, "<text") >= 10);  // tick labels, axis labels, the legend
  CHECK(count(text, "<image") <= 2);  // the heatmap and the color bar, nothing else

  // Drawn back, the vectors look like the bitmap of the same plot.
  FigureOptions png;
  REQUIRE(exportFigurePart(*plot, QSize(700, 500), png, f.path("plot.png")).isEmpty());
  QSvgRenderer renderer(f.path("plot.svg"));
  REQUIRE(renderer.isValid());
  QImage drawn(700, 500, QImage::Format_ARGB32_Premultiplied);
  drawn.fill(Qt::white);
  QPainter painter(&drawn);
  renderer.render(&painter);
  painter.end();
  const double difference = meanDifference(drawn, QImage(f.path("plot.png")));
  INFO("mean difference per channel " << difference);
  CHECK(difference < 12.0);
}

TEST_CASE("a plot exported as PDF keeps its text as text", "[ui][export]") {
  Fixture f;
  FigureOptions pdf;
  pdf.format = FigureFormat::Pdf;
  REQUIRE(exportFigurePart(*f.view->plot(), QSize(700, 500), pdf, f.path("plot.pdf")).isEmpty());
  const QByteArray bytes = readAll(f.path("plot.pdf"));
  REQUIRE(bytes.startsWith("%PDF-"));
  CHECK(bytes.contains("/Font"));
  bool textShown = false;
  for (const QByteArray& stream : pdfStreams(bytes))
    textShown =
        textShown || (stream.contains("BT") && (stream.contains("Tj") || stream.contains("TJ")));
  CHECK(textShown);
}

TEST_CASE("exporting at another size changes nothing the user sees or asks for", "[ui][export]") {
  Fixture f;
  QCPAxis* x = f.view->plot()->xAxis;
  QCPAxis* y = f.view->plot()->yAxis;
  const QCPRange xBefore = x->range(), yBefore = y->range();
  const QRect rectBefore = f.view->plot()->axisRect()->rect();
  const int requests = f.view->evaluator().requestCount();
  const std::size_t drawn = f.view->drawnPathPoints(f.app.landscapeController.runIds().front());
  for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
    FigureOptions options;
    options.format = format;
    // A very different shape: equal aspect refits the figure, not the screen.
    REQUIRE(
        exportFigurePart(*f.view->plot(), QSize(1500, 300), options, f.path("wide.out")).isEmpty());
  }
  QApplication::processEvents();
  CHECK(x->range() == xBefore);
  CHECK(y->range() == yBefore);
  CHECK(f.view->plot()->axisRect()->rect() == rectBefore);
  CHECK(f.view->evaluator().requestCount() == requests);
  CHECK(f.view->drawnPathPoints(f.app.landscapeController.runIds().front()) == drawn);
}

TEST_CASE("the whole page is its plots as arranged on screen", "[ui][export]") {
  Fixture f;
  const QList<FigurePart> parts = f.app.landscape->figureParts();
  REQUIRE(parts.size() == 3);
  QRect bounds;
  for (const FigurePart& part : parts)
    bounds = bounds.united(QRect(part.widget->mapTo(&f.app.window, QPoint()), part.widget->size()));
  FigureOptions png;
  REQUIRE(exportFigureParts(parts, png, f.path("page.png")).isEmpty());
  CHECK(QImage(f.path("page.png")).size() == bounds.size());
  FigureOptions svg;
  svg.format = FigureFormat::Svg;
  REQUIRE(exportFigureParts(parts, svg, f.path("page.svg")).isEmpty());
  const QByteArray text = readAll(f.path("page.svg"));
  CHECK(count(text, "<text") >= 30);  // three plots' labels
  CHECK(count(text, "<image") <= 2);
}

TEST_CASE("bad figure sizes and unwritable places are refused, and leave no file", "[ui][export]") {
  Fixture f;
  FigureOptions png;
  CHECK_FALSE(exportFigurePart(*f.view->plot(), QSize(5, 400), png, f.path("tiny.png")).isEmpty());
  png.scale = 100;
  CHECK_FALSE(
      exportFigurePart(*f.view->plot(), QSize(600, 400), png, f.path("huge.png")).isEmpty());
  png.scale = 1;
  const QString error =
      exportFigurePart(*f.view->plot(), QSize(600, 400), png, f.path("missing/dir/x.png"));
  CHECK(error.contains(QStringLiteral("cannot write")));
  CHECK(QDir(f.dir.path()).entryList(QDir::Files).isEmpty());
}

TEST_CASE("File → Export figure… writes the chosen part in the chosen format", "[ui][export]") {
  Fixture f;
  FigureExportDialog* dialog = f.app.window.openFigureExport(0);  // the landscape
  REQUIRE(dialog);
  CHECK(dialog->partBox()->currentText() == QStringLiteral("Landscape"));
  CHECK(dialog->widthBox()->value() == f.view->plot()->width());
  dialog->formatBox()->setCurrentIndex(dialog->formatBox()->findText(QStringLiteral("SVG")));
  CHECK_FALSE(dialog->scaleBox()->isEnabled());  // a PNG's only
  dialog->widthBox()->setValue(640);
  dialog->heightBox()->setValue(480);

  // A place that cannot be written: the dialog says so and stays open.
  QString asked;
  dialog->setFileChooser([&](const QString& suggested, const QString&) {
    asked = suggested;
    return f.path("no/such/folder/figure.svg");
  });
  dialog->exportChosen();
  CHECK(asked.endsWith(QStringLiteral("optiscope-landscape.svg")));
  CHECK(dialog->problemLabel()->isVisibleTo(dialog));
  CHECK(dialog->isVisible());

  // Enter exports (asks for the file); a cancelled file dialog writes nothing.
  bool chooserAsked = false;
  dialog->setFileChooser([&](const QString&, const QString&) {
    chooserAsked = true;
    return QString();
  });
  QTest::keyClick(dialog->formatBox(), Qt::Key_Return);
  CHECK(chooserAsked);
  CHECK(dialog->isVisible());

  // A name without the suffix gets it.
  QPointer<FigureExportDialog> alive(dialog);
  dialog->setFileChooser([&](const QString&, const QString&) { return f.path("figure"); });
  dialog->exportChosen();
  REQUIRE(QFile::exists(f.path("figure.svg")));
  CHECK(readAll(f.path("figure.svg")).contains("viewBox=\"0 0 640 480\""));
  CHECK(waitUntil([&] { return alive.isNull(); }));  // closed (and deleted) on success

  // The whole page: its size is the arrangement's, not editable.
  FigureExportDialog* page = f.app.window.openFigureExport();
  CHECK(page->partBox()->currentIndex() == 0);
  CHECK_FALSE(page->widthBox()->isEnabled());
  page->reject();
}
