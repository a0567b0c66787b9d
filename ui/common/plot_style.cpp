#include "ui/common/plot_style.h"

#include <qcustomplot.h>

#include "ui/common/presentation_look.h"

namespace optiscope::ui {

void styleAxis(QCPAxis& axis, const QPalette& palette, const QFont& font) {
  const QColor text = palette.color(QPalette::WindowText);
  const double width = scaledWidth(1);
  axis.setBasePen(QPen(text, width));
  axis.setTickPen(QPen(text, width));
  axis.setSubTickPen(QPen(text, width));
  axis.setTickLabelColor(text);
  axis.setLabelColor(text);
  QFont axisFont = font;
  if (presentationLook().presenting && QFontInfo(font).pixelSize() < kPresentedAxisTextPixels)
    axisFont.setPixelSize(kPresentedAxisTextPixels);
  axis.setTickLabelFont(axisFont);
  axis.setLabelFont(axisFont);
}

void applyPalette(QCustomPlot& plot, const QPalette& palette) {
  const QColor background = palette.color(QPalette::Base);
  const QColor text = palette.color(QPalette::WindowText);
  QColor grid = text;
  grid.setAlpha(presentationLook().presenting ? 70 : 40);
  QColor subGrid = text;
  subGrid.setAlpha(18);
  plot.setBackground(background);
  for (QCPAxisRect* rect : plot.axisRects()) {
    rect->setBackground(background);
    for (QCPAxis* axis : rect->axes()) {
      styleAxis(*axis, palette, plot.font());
      axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
      axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
      axis->grid()->setZeroLinePen(Qt::NoPen);
    }
  }
  if (plot.legend) {
    QColor legendBackground = background;
    legendBackground.setAlpha(215);
    plot.legend->setBrush(legendBackground);
    plot.legend->setBorderPen(QPen(grid, 1));
    plot.legend->setTextColor(text);
    plot.legend->setFont(plot.font());
  }
}

}  // namespace optiscope::ui
