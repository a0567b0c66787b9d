#include "ui/common/drawn_icons.h"

#include <qcustomplot.h>

#include <QPainter>
#include <QPixmap>
#include <functional>

#include "ui/common/run_cue.h"

namespace optiscope::ui {
namespace {

constexpr int kSize = 32;  // drawn large, scaled down crisply on any device pixel ratio

QIcon drawIcon(const std::function<void(QPainter&)>& draw) {
  QPixmap pixmap(kSize, kSize);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  draw(painter);
  return QIcon(pixmap);
}

}  // namespace

QIcon colorSwatchIcon(const QColor& fill, const QColor& outline) {
  // The run's marker shape in its color (run_cue.h): what marks the run on every plot.
  QPixmap pixmap(kSize, kSize);
  pixmap.fill(Qt::transparent);
  QCPPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  const QCPScatterStyle marker = runMarkerStyle(fill, outline, kSize - 6);
  marker.applyTo(&painter, QPen(outline));
  marker.drawShape(&painter, kSize / 2.0, kSize / 2.0);
  painter.end();
  return QIcon(pixmap);
}

QIcon renameIcon(const QColor& pen) {
  return drawIcon([&](QPainter& p) {
    p.setPen(QPen(pen, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    // The pencil's body, slanted, its point at the bottom left, and the line it draws.
    const QPolygonF body({{22, 5}, {27, 10}, {11, 26}, {5, 27}, {6, 21}});
    p.drawPolygon(body);
    p.drawLine(QPointF(19, 8), QPointF(24, 13));
  });
}

QIcon duplicateIcon(const QColor& pen) {
  return drawIcon([&](QPainter& p) {
    p.setPen(QPen(pen, 2.5));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(4, 4, 17, 17), 3, 3);
    // The front sheet hides the back one: clear its area, then outline it.
    p.setCompositionMode(QPainter::CompositionMode_Clear);
    p.fillRect(QRectF(9.5, 9.5, 20, 20), Qt::transparent);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.drawRoundedRect(QRectF(11, 11, 17, 17), 3, 3);
  });
}

QIcon removeIcon(const QColor& pen) {
  return drawIcon([&](QPainter& p) {
    p.setPen(QPen(pen, 3, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(8, 8), QPointF(24, 24));
    p.drawLine(QPointF(24, 8), QPointF(8, 24));
  });
}

QIcon playIcon(const QColor& fill) {
  return drawIcon([&](QPainter& p) {
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawPolygon(QPolygonF({QPointF(8, 5), QPointF(27, 16), QPointF(8, 27)}));
  });
}

QIcon pauseIcon(const QColor& fill) {
  return drawIcon([&](QPainter& p) {
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(7, 5, 6.5, 22), 1.5, 1.5);
    p.drawRoundedRect(QRectF(18.5, 5, 6.5, 22), 1.5, 1.5);
  });
}

QIcon stepIcon(const QColor& fill) {
  return drawIcon([&](QPainter& p) {
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawPolygon(QPolygonF({QPointF(5, 5), QPointF(21, 16), QPointF(5, 27)}));
    p.drawRoundedRect(QRectF(22, 5, 5.5, 22), 1.5, 1.5);
  });
}

QIcon resetIcon(const QColor& pen) {
  return drawIcon([&](QPainter& p) {
    p.setPen(QPen(pen, 3.2, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    const QRectF circle(6, 6, 20, 20);
    p.drawArc(circle, 100 * 16, 290 * 16);  // three quarters of a turn, open at the top
    p.setPen(Qt::NoPen);
    p.setBrush(pen);
    p.drawPolygon(QPolygonF({QPointF(12, 1.5), QPointF(20, 6.5), QPointF(12, 11.5)}));
  });
}

}  // namespace optiscope::ui
