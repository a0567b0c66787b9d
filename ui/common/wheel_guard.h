#pragma once

#include <QObject>

namespace optiscope::ui {

// The mouse wheel changes a value only in the widget that has the keyboard focus. Scrolling a
// panel of combo boxes, spin boxes and sliders would otherwise change whichever one passed
// under the pointer (a run's optimizer turned from adam into adamw, its schedule into
// `step`), without a click and without a word. Over an unfocused value widget the wheel turn
// goes to the nearest scrolling panel around it instead, so the panel scrolls. Value widgets also
// stop taking the focus from the wheel itself (Qt::WheelFocus becomes Qt::StrongFocus): a
// click, or Tab, is what selects one. Scroll bars keep their wheel.
class WheelGuard : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;

  // Guards every widget of the application, once (later calls do nothing).
  static void installOnApplication();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace optiscope::ui
