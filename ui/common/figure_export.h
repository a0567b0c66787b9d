#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>
#include <optional>

class QCustomPlot;
class QWidget;

namespace optiscope::ui {

// What a figure is written as: a bitmap, or vectors (curves and paths as paths, text as text,
// a heatmap as the one image it is).
enum class FigureFormat { Png, Svg, Pdf };

// The format a file name asks for by its suffix (.png, .svg, .pdf), if any.
std::optional<FigureFormat> figureFormatOf(const QString& path);
QString figureFormatName(FigureFormat format);  // "PNG"; its suffix is the lower case
QString figureSuffix(FigureFormat format);

struct FigureOptions {
  FigureFormat format = FigureFormat::Png;
  // PNG only: pixels per unit of size (2 gives twice the pixels in each direction, for print or
  // a high-density screen).
  double scale = 1.0;
  // No background fill: the plots' own backgrounds (and a heatmap) still paint.
  bool transparent = false;
};

// A piece of a page that belongs in its figure: a plot, or a drawn view such as a network
// diagram, with the name the export dialog shows for it.
struct FigurePart {
  QString name;
  QWidget* widget = nullptr;
};

// Writes one part at `size` (its own size when empty): a plot is laid out again for that size,
// any other widget is drawn at its size on screen. The file is written to a temporary name and
// renamed: complete or untouched. Returns an error message, empty on success.
QString exportFigurePart(QWidget& part, QSize size, const FigureOptions& options,
                         const QString& path);
// Writes the visible parts together, arranged as they are on screen (the figure is their
// bounding box; what lies between them, such as panels and buttons, is left out).
QString exportFigureParts(const QList<FigurePart>& parts, const FigureOptions& options,
                          const QString& path);

// A widget drawn into a rect of a figure: a plot is laid out for the rect; any other widget is
// drawn at its own size, scaled to fit the rect.
struct PlacedPart {
  QWidget* widget = nullptr;
  QRect rect;  // in figure units
};
// The parts drawn over `size` pixels on `background` (animations draw each frame with it).
QImage renderFigureImage(const QList<PlacedPart>& parts, QSize size, const QColor& background);

// Whether `plot` is being laid out and drawn for a figure right now. Its axis ranges are
// restored afterwards; a view that reacts to layout or range changes (asking for a new
// landscape, remembering the user's zoom) ignores what happens meanwhile.
bool isBeingExported(const QCustomPlot& plot);

// The limits the dialog and the command line check: sides in [16, 16384] units, scale in
// [0.25, 8], and at most 400 megapixels in a PNG.
constexpr int kMinFigureSide = 16, kMaxFigureSide = 16384;
constexpr double kMinFigureScale = 0.25, kMaxFigureScale = 8.0;
// An error message if `size` at `options` cannot be written, empty if it can.
QString checkFigureSize(QSize size, const FigureOptions& options);

}  // namespace optiscope::ui
