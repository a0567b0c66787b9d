#include "ui/common/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace optiscope::ui {
namespace {

// Widgets whose value the wheel changes (scroll bars excepted: scrolling is their value).
bool takesValueFromWheel(const QObject* object) {
  if (qobject_cast<const QScrollBar*>(object)) return false;
  return qobject_cast<const QAbstractSpinBox*>(object) || qobject_cast<const QComboBox*>(object) ||
         qobject_cast<const QAbstractSlider*>(object);
}

}  // namespace

void WheelGuard::installOnApplication() {
  if (!qApp || qApp->findChild<WheelGuard*>(QString(), Qt::FindDirectChildrenOnly)) return;
  qApp->installEventFilter(new WheelGuard(qApp));
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Polish && takesValueFromWheel(watched)) {
    auto* widget = static_cast<QWidget*>(watched);
    if (widget->focusPolicy() == Qt::WheelFocus) widget->setFocusPolicy(Qt::StrongFocus);
  } else if (event->type() == QEvent::Wheel && takesValueFromWheel(watched) &&
             !static_cast<QWidget*>(watched)->hasFocus()) {
    // The nearest scrolling panel around the widget gets the turn instead.
    auto* widget = static_cast<QWidget*>(watched);
    const auto* wheel = static_cast<QWheelEvent*>(event);
    for (QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
      auto* area = qobject_cast<QAbstractScrollArea*>(parent);
      if (!area || !area->viewport()->isAncestorOf(widget)) continue;
      const QPointF at = area->viewport()->mapFromGlobal(wheel->globalPosition());
      QWheelEvent forwarded(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                            wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                            wheel->source());
      QApplication::sendEvent(area->viewport(), &forwarded);
      break;
    }
    return true;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace optiscope::ui
