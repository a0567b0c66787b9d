#include "ui/common/plot_style.h"

#include <qcustomplot.h>

namespace optiscope::ui {

void applyPalette(QCustomPlot& plot, const QPalette& palette) {
  const QColor background = palette.color(QPalette::Base);
  const QColor text = palette.color(QPalette::WindowText);
  QColor grid = text;
  grid.setAlpha(40);
  QColor subGrid = text;
  subGrid.setAlpha(18);
  plot.setBackground(background);
  for (QCPAxisRect* rect : plot.axisRects()) {
    rect->setBackground(background);
    for (QCPAxis* axis : rect->axes()) {
      axis->setBasePen(QPen(text, 1));
      axis->setTickPen(QPen(text, 1));
      axis->setSubTickPen(QPen(text, 1));
      axis->setTickLabelColor(text);
      axis->setLabelColor(text);
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
  }
}

}  // namespace optiscope::ui
