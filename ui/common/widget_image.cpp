#include "ui/common/widget_image.h"

#include <qcustomplot.h>

#include <QPixmap>
#include <QSaveFile>

namespace optiscope::ui {

QString saveWidgetImage(QWidget& widget, const QString& path) {
  for (QCustomPlot* plot : widget.findChildren<QCustomPlot*>()) plot->replot();
  const QPixmap image = widget.grab();
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
  if (!image.save(&file, "PNG")) {
    file.cancelWriting();
    return QStringLiteral("cannot encode %1 as PNG").arg(path);
  }
  if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
  return {};
}

}  // namespace optiscope::ui
