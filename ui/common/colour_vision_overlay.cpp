#include "ui/common/colour_vision_overlay.h"

#include <QEvent>
#include <QPainter>

namespace optiscope::ui {

ColourVisionOverlay::ColourVisionOverlay(ColourVision vision, QWidget* window)
    : QWidget(window), m_vision(vision), m_window(window) {
  setObjectName(QStringLiteral("ColourVisionOverlay"));
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setFocusPolicy(Qt::NoFocus);
  setGeometry(window->rect());
  window->installEventFilter(this);
  connect(&m_timer, &QTimer::timeout, this, &ColourVisionOverlay::refresh);
  m_timer.start(kRefreshMs);
  raise();
  show();
  refresh();
}

void ColourVisionOverlay::refresh() {
  if (!m_window->isVisible() || m_window->size().isEmpty()) return;
  if (m_frame.size() != m_window->size() * m_window->devicePixelRatioF()) {
    m_frame = QImage(m_window->size() * m_window->devicePixelRatioF(), QImage::Format_RGB32);
    m_frame.setDevicePixelRatio(m_window->devicePixelRatioF());
  }
  // The window draws its children, this overlay among them: while rendering it draws nothing.
  m_rendering = true;
  m_window->render(&m_frame);
  m_rendering = false;
  simulate(m_frame, m_vision);
  update();
}

void ColourVisionOverlay::paintEvent(QPaintEvent* event) {
  Q_UNUSED(event);
  if (m_rendering || m_frame.isNull()) return;
  QPainter painter(this);
  painter.drawImage(QPoint(0, 0), m_frame);
}

bool ColourVisionOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_window && event->type() == QEvent::Resize) {
    setGeometry(m_window->rect());
    raise();
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace optiscope::ui
