#include "ui/common/figure_export.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <cmath>
#include <functional>

#include "ui/common/plot_access.h"

namespace optiscope::ui {

// Named, not anonymous: the unity build puts several files into one translation unit.
namespace figure_export_impl {

constexpr double kMaxPngPixels = 400e6;
const char* const kExportingProperty = "optiscopeExporting";

// Draws a plot laid out for `rect`'s size, as vectors where the painter's device takes them.
// The plot's ranges and layout are the screen's again afterwards.
void drawPlot(QCPPainter& painter, QCustomPlot& plot, const QRect& rect, bool transparent) {
  const QBrush background = backgroundBrush(plot);
  QList<QPair<QCPAxis*, QCPRange>> ranges;
  for (QCPAxisRect* axisRect : plot.axisRects())
    for (QCPAxis* axis : axisRect->axes()) ranges.append({axis, axis->range()});
  plot.setProperty(kExportingProperty, true);
  if (transparent) plot.setBackground(Qt::NoBrush);
  painter.save();
  painter.translate(rect.topLeft());
  plot.toPainter(&painter, rect.width(), rect.height());
  painter.restore();
  if (transparent) plot.setBackground(background);
  for (const auto& [axis, range] : ranges) axis->setRange(range);
  plot.setProperty(kExportingProperty, false);
  // toPainter leaves the layout at the figure's size: the screen's buffers still hold the
  // right picture, but hover and clicks read the layout.
  plot.replot();
}

// A drawn view (not a plot): the widget paints itself, then each visible child in place, so
// that plots inside it are drawn as plots (vectors) and not as the bitmaps they cache.
void drawWidget(QCPPainter& painter, QWidget& widget, QPoint offset, bool transparent) {
  if (auto* plot = qobject_cast<QCustomPlot*>(&widget)) {
    drawPlot(painter, *plot, QRect(offset, plot->size()), transparent);
    return;
  }
  painter.save();
  widget.render(&painter, offset, QRegion(),
                transparent ? QWidget::RenderFlags() : QWidget::DrawWindowBackground);
  painter.restore();
  for (QObject* child : widget.children()) {
    auto* childWidget = qobject_cast<QWidget*>(child);
    if (!childWidget || childWidget->isWindow() || !childWidget->isVisible()) continue;
    drawWidget(painter, *childWidget, offset + childWidget->pos(), transparent);
  }
}

void drawPlaced(QCPPainter& painter, const QList<PlacedPart>& placed, bool transparent) {
  for (const PlacedPart& part : placed) {
    if (auto* plot = qobject_cast<QCustomPlot*>(part.widget)) {
      drawPlot(painter, *plot, part.rect, transparent);
    } else if (part.rect.size() == part.widget->size()) {
      drawWidget(painter, *part.widget, part.rect.topLeft(), transparent);
    } else {
      // Drawn at its own size, scaled to the rect (keeping its shape, centered).
      const QSize own = part.widget->size();
      const double scale = std::min(part.rect.width() / double(own.width()),
                                    part.rect.height() / double(own.height()));
      painter.save();
      painter.translate(part.rect.center() -
                        QPointF(own.width() * scale, own.height() * scale) / 2);
      painter.scale(scale, scale);
      drawWidget(painter, *part.widget, QPoint(), transparent);
      painter.restore();
    }
  }
}

QString writeFailed(const QString& path, const QString& why) {
  return QStringLiteral("cannot write %1: %2").arg(path, why);
}

// Renders `placed` over a figure of `size` units into `path`, in the format of `options`.
QString writeFigure(const QList<PlacedPart>& placed, QSize size, const FigureOptions& options,
                    const QString& path, const QColor& background) {
  if (QString problem = checkFigureSize(size, options); !problem.isEmpty()) return problem;
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return writeFailed(path, file.errorString());
  const auto paint = [&](QPaintDevice& device, bool vectors) {
    QCPPainter painter(&device);
    if (!painter.isActive()) return false;
    if (vectors) {
      painter.setMode(QCPPainter::pmVectorized);
      painter.setMode(QCPPainter::pmNoCaching);
    }
    if (!options.transparent) painter.fillRect(QRect(QPoint(), size), background);
    drawPlaced(painter, placed, options.transparent);
    return painter.end();
  };
  bool drawn = false;
  switch (options.format) {
    case FigureFormat::Png: {
      const QSize pixels(static_cast<int>(std::lround(size.width() * options.scale)),
                         static_cast<int>(std::lround(size.height() * options.scale)));
      QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
      if (image.isNull()) {
        file.cancelWriting();
        return QStringLiteral("not enough memory for a %1x%2 image")
            .arg(pixels.width())
            .arg(pixels.height());
      }
      image.setDevicePixelRatio(options.scale);
      image.fill(Qt::transparent);
      drawn = paint(image, false) && image.save(&file, "PNG");
      break;
    }
    case FigureFormat::Svg: {
      QSvgGenerator svg;
      svg.setOutputDevice(&file);
      svg.setSize(size);
      svg.setViewBox(QRect(QPoint(), size));
      svg.setTitle(QStringLiteral("Optiscope figure"));
      svg.setDescription(QStringLiteral("exported from Optiscope"));
      drawn = paint(svg, true);
      break;
    }
    case FigureFormat::Pdf: {
      QPdfWriter pdf(&file);
      pdf.setCreator(QStringLiteral("Optiscope"));
      pdf.setTitle(QStringLiteral("Optiscope figure"));
      // One unit, one point: the page is the figure.
      pdf.setResolution(72);
      pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
      pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
      drawn = paint(pdf, true);
      break;
    }
  }
  if (!drawn) {
    file.cancelWriting();
    return QStringLiteral("cannot draw the figure as %1").arg(figureFormatName(options.format));
  }
  if (!file.commit()) return writeFailed(path, file.errorString());
  return {};
}

QColor backgroundOf(QWidget& widget) { return widget.palette().color(QPalette::Window); }

}  // namespace figure_export_impl

using namespace figure_export_impl;

QImage renderFigureImage(const QList<PlacedPart>& parts, QSize size, const QColor& background) {
  QImage image(size, QImage::Format_RGB32);
  image.fill(background);
  QList<PlacedPart> placed;
  for (const PlacedPart& part : parts)
    if (part.widget && !part.widget->size().isEmpty()) placed.append(part);
  QCPPainter painter(&image);
  drawPlaced(painter, placed, false);
  painter.end();
  return image;
}

bool isBeingExported(const QCustomPlot& plot) { return plot.property(kExportingProperty).toBool(); }

std::optional<FigureFormat> figureFormatOf(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("png")) return FigureFormat::Png;
  if (suffix == QLatin1String("svg")) return FigureFormat::Svg;
  if (suffix == QLatin1String("pdf")) return FigureFormat::Pdf;
  return std::nullopt;
}

QString figureFormatName(FigureFormat format) {
  switch (format) {
    case FigureFormat::Png:
      return QStringLiteral("PNG");
    case FigureFormat::Svg:
      return QStringLiteral("SVG");
    case FigureFormat::Pdf:
      return QStringLiteral("PDF");
  }
  return {};
}

QString figureSuffix(FigureFormat format) { return figureFormatName(format).toLower(); }

QString checkFigureSize(QSize size, const FigureOptions& options) {
  const auto sideOk = [](int side) { return side >= kMinFigureSide && side <= kMaxFigureSide; };
  if (!sideOk(size.width()) || !sideOk(size.height()))
    return QStringLiteral("the figure's sides must be between %1 and %2, got %3x%4")
        .arg(kMinFigureSide)
        .arg(kMaxFigureSide)
        .arg(size.width())
        .arg(size.height());
  if (!(options.scale >= kMinFigureScale && options.scale <= kMaxFigureScale))
    return QStringLiteral("the scale must be between %1 and %2, got %3")
        .arg(kMinFigureScale)
        .arg(kMaxFigureScale)
        .arg(options.scale);
  if (options.format == FigureFormat::Png &&
      size.width() * options.scale * size.height() * options.scale > kMaxPngPixels)
    return QStringLiteral(
               "a %1x%2 figure at scale %3 is too large for a PNG (400 megapixels at most)")
        .arg(size.width())
        .arg(size.height())
        .arg(options.scale);
  return {};
}

QString exportFigurePart(QWidget& part, QSize size, const FigureOptions& options,
                         const QString& path) {
  if (size.isEmpty()) size = part.size();
  if (!qobject_cast<QCustomPlot*>(&part)) size = part.size();  // only a plot lays out anew
  return writeFigure({{&part, QRect(QPoint(), size)}}, size, options, path, backgroundOf(part));
}

QString exportFigureParts(const QList<FigurePart>& parts, const FigureOptions& options,
                          const QString& path) {
  QList<PlacedPart> placed;
  QRect bounds;
  QWidget* window = nullptr;
  for (const FigurePart& part : parts) {
    if (!part.widget || !part.widget->isVisible() || part.widget->size().isEmpty()) continue;
    window = part.widget->window();
    const QRect rect(part.widget->mapTo(window, QPoint()), part.widget->size());
    placed.append({part.widget, rect});
    bounds = bounds.united(rect);
  }
  if (placed.isEmpty()) return QStringLiteral("nothing on this page to export");
  for (PlacedPart& part : placed) part.rect.translate(-bounds.topLeft());
  return writeFigure(placed, bounds.size(), options, path, backgroundOf(*window));
}

}  // namespace optiscope::ui
