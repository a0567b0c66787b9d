// Keyboard-complete: every control the keyboard can reach is reached by Tab, and has a name a
// screen reader can say.
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QSet>
#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>

#include "ui/app_window.h"

using namespace optiscope::ui;

namespace accessibility_test {

// The visible controls of the window that take the keyboard on Tab (a spin box's own line
// edit is part of its spin box).
QList<QWidget*> tabbableControls(QWidget& window) {
  QList<QWidget*> controls;
  for (QWidget* widget : window.findChildren<QWidget*>()) {
    if (!widget->isVisibleTo(&window) || !widget->isEnabled()) continue;
    if (!(widget->focusPolicy() & Qt::TabFocus)) continue;
    if (qobject_cast<QAbstractSpinBox*>(widget->parentWidget())) continue;
    controls << widget;
  }
  return controls;
}

QString describe(const QWidget* widget) {
  return QStringLiteral("%1 '%2' in %3")
      .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
           widget->parentWidget()
               ? QString::fromLatin1(widget->parentWidget()->metaObject()->className())
               : QStringLiteral("-"));
}

}  // namespace accessibility_test

using accessibility_test::describe;
using accessibility_test::tabbableControls;

TEST_CASE("every control of both pages has a name a screen reader can say", "[ui][accessibility]") {
  AppWindow app;
  app.window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  for (int page = 0; page < 2; ++page) {
    app.window.showPage(page);
    const QList<QWidget*> controls = tabbableControls(app.window);
    CHECK(controls.size() > 20);
    for (QWidget* control : controls) {
      QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(control);
      REQUIRE(accessible);
      INFO("page " << page << ": " << describe(control).toStdString());
      CHECK_FALSE(accessible->text(QAccessible::Name).trimmed().isEmpty());
    }
  }
}

TEST_CASE("Tab reaches every control of the page on screen", "[ui][accessibility]") {
  AppWindow app;
  app.window.show();
  app.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&app.window));
  for (int page = 0; page < 2; ++page) {
    app.window.showPage(page);
    const QList<QWidget*> controls = tabbableControls(app.window);
    QSet<QWidget*> reached;
    QTest::keyClick(&app.window, Qt::Key_Tab);
    for (int press = 0; press < 3 * controls.size() && QApplication::focusWidget(); ++press) {
      QWidget* focus = QApplication::focusWidget();
      // A spin box's line edit stands for its spin box.
      if (qobject_cast<QAbstractSpinBox*>(focus->parentWidget())) focus = focus->parentWidget();
      reached.insert(focus);
      QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (QWidget* control : controls) {
      // A tab widget's keyboard is its tab bar's (the pages' bar takes none, by design: Space
      // and the arrows stay playback keys); an exclusive group is one Tab stop, its buttons
      // chosen with the arrows.
      if (qobject_cast<QTabWidget*>(control)) continue;
      const auto* button = qobject_cast<QAbstractButton*>(control);
      if (button && button->group() && button->group()->exclusive()) {
        bool groupReached = false;
        for (QAbstractButton* member : button->group()->buttons())
          groupReached = groupReached || reached.contains(member);
        CHECK(groupReached);
        continue;
      }
      INFO("page " << page << ": " << describe(control).toStdString());
      CHECK(reached.contains(control));
    }
  }
}
