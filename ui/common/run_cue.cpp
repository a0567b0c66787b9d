#include "ui/common/run_cue.h"

#include <QHash>
#include <QList>
#include <array>

#include "ui/common/run_palette.h"

namespace optiscope::ui {

int runCueIndex(const QColor& color) {
  for (int i = 0; i < kRunCues; ++i)
    if (runColor(i).rgb() == color.rgb()) return i;
  return static_cast<int>(qHash(color.rgb()) % kRunCues);
}

QCPScatterStyle::ScatterShape runMarker(const QColor& color) {
  // Filled shapes, each recognisable at 8 pixels; the start (crossed circle) and the minima
  // (star) have shapes of their own.
  static constexpr std::array<QCPScatterStyle::ScatterShape, kRunCues> shapes = {
      QCPScatterStyle::ssCircle,           QCPScatterStyle::ssSquare,
      QCPScatterStyle::ssDiamond,          QCPScatterStyle::ssTriangle,
      QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssPlusSquare,
      QCPScatterStyle::ssPlusCircle,       QCPScatterStyle::ssCrossSquare};
  return shapes[static_cast<std::size_t>(runCueIndex(color))];
}

QCPScatterStyle runMarkerStyle(const QColor& color, const QColor& outline, double size) {
  return QCPScatterStyle(runMarker(color), QPen(outline, size / 7), QBrush(color), size);
}

QPen withRunDash(QPen pen, const QColor& color) {
  // In units of the pen's width; the first is a solid line.
  static const std::array<QList<qreal>, kRunCues> patterns = {
      QList<qreal>{}, {6, 3}, {1.5, 2.5},      {6, 2.5, 1.5, 2.5},
      {12, 3},        {3, 3}, {12, 3, 1.5, 3}, {6, 2.5, 1.5, 2.5, 1.5, 2.5}};
  const QList<qreal>& pattern = patterns[static_cast<std::size_t>(runCueIndex(color))];
  if (pattern.isEmpty()) {
    pen.setStyle(Qt::SolidLine);
  } else {
    pen.setDashPattern(pattern);
  }
  return pen;
}

}  // namespace optiscope::ui
