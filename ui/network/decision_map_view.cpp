#include "ui/network/decision_map_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "core/nn/dataset.h"
#include "ui/network/network_colors.h"

namespace optiscope::ui {

DecisionMapView::DecisionMapView(QWidget* parent) : QWidget(parent) {
  QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
  setCursor(Qt::PointingHandCursor);
}

void DecisionMapView::setRun(RunId id, const QString& label, const QColor& color) {
  m_run = id;
  m_label = label;
  m_color = color;
  setToolTip(m_framed ? QStringLiteral("%1 — click to select this run").arg(label) : QString());
  update();
}

void DecisionMapView::setFramed(bool framed) {
  m_framed = framed;
  updateGeometry();
  update();
}

void DecisionMapView::setSelected(bool selected) {
  if (m_selected == selected) return;
  m_selected = selected;
  update();
}

void DecisionMapView::setData(std::shared_ptr<const DataSplit> data, const GridBox& box) {
  m_data = std::move(data);
  m_box = box;
  update();
}

void DecisionMapView::setImage(const QImage& image, long long step) {
  m_image = image;
  m_step = step;
  update();
}

void DecisionMapView::setShowTestPoints(bool show) {
  m_showTest = show;
  update();
}

void DecisionMapView::setCaption(const QStringList& forms) {
  if (forms == m_caption) return;
  m_caption = forms;
  setToolTip(caption());
  update();
}

QString DecisionMapView::shownCaption() const {
  const int room = static_cast<int>(pictureRect().width());
  for (const QString& form : m_caption)
    if (fontMetrics().horizontalAdvance(form) <= room) return form;
  // Not even the shortest form fits a map this small: cut it rather than overflow.
  return fontMetrics().elidedText(m_caption.value(m_caption.size() - 1), Qt::ElideRight, room);
}

int DecisionMapView::captionHeight() const { return m_framed ? 2 * fontMetrics().height() + 4 : 0; }

QSize DecisionMapView::sizeHint() const { return QSize(320, 320 + captionHeight()); }
QSize DecisionMapView::minimumSizeHint() const { return QSize(72, 72 + captionHeight()); }
int DecisionMapView::heightForWidth(int width) const { return width + captionHeight(); }

QRectF DecisionMapView::pictureRect() const {
  const int top = m_framed ? fontMetrics().height() + 2 : 0;
  const int bottom = m_framed ? fontMetrics().height() + 2 : 0;
  const double side = std::max(10, std::min(width() - 6, height() - top - bottom - 6));
  return QRectF((width() - side) / 2.0, top + 3, side, side);
}

QPointF DecisionMapView::toWidget(double x1, double x2) const {
  const QRectF r = pictureRect();
  return {r.left() + (x1 - m_box.x1Min) / (m_box.x1Max - m_box.x1Min) * r.width(),
          r.bottom() - (x2 - m_box.x2Min) / (m_box.x2Max - m_box.x2Min) * r.height()};
}

void DecisionMapView::drawPoints(QPainter& painter, bool test) const {
  const Dataset& set = test ? m_data->test : m_data->train;
  const double radius = std::clamp(pictureRect().width() / 90.0, 1.6, 3.5);
  painter.setPen(QPen(test ? QColor(30, 30, 30) : QColor(Qt::white), test ? 1.2 : 1.0));
  for (Eigen::Index j = 0; j < set.size(); ++j) {
    const double target = set.targets[j];
    const QColor fill = set.kind == TaskKind::Regression ? QColor(divergingColor(target))
                                                         : classColor(static_cast<int>(target));
    painter.setBrush(fill);
    painter.drawEllipse(toWidget(set.points(0, j), set.points(1, j)), radius, radius);
  }
}

void DecisionMapView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  const QRectF picture = pictureRect();
  if (m_image.isNull())
    painter.fillRect(picture, palette().color(QPalette::Base));
  else
    painter.drawImage(picture, m_image);
  if (m_data) {
    painter.save();
    painter.setClipRect(picture);
    drawPoints(painter, false);
    if (m_showTest) drawPoints(painter, true);
    painter.restore();
  }
  if (!m_framed) return;
  const QColor ink = palette().color(QPalette::WindowText);
  painter.setPen(QPen(m_color, m_selected ? 4.0 : 2.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(picture.adjusted(-1, -1, 1, 1));
  QFont bold = font();
  bold.setBold(m_selected);
  painter.setFont(bold);
  painter.setPen(m_color);
  const QRectF labelRect(picture.left(), 0, picture.width(), picture.top() - 2);
  painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignBottom,
                   fontMetrics().elidedText(m_label, Qt::ElideRight, int(picture.width())));
  painter.setFont(font());
  painter.setPen(ink);
  const QRectF captionRect(picture.left(), picture.bottom() + 3, picture.width(),
                           fontMetrics().height() + 2);
  painter.drawText(captionRect, Qt::AlignLeft | Qt::AlignTop, shownCaption());
}

void DecisionMapView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_run != 0) emit clicked(m_run);
  QWidget::mousePressEvent(event);
}

}  // namespace optiscope::ui
