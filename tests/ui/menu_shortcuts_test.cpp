// Keyboard-complete: every action of every menu (submenus included) has a shortcut of its own.
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <catch2/catch.hpp>

#include "ui/app_window.h"

using namespace optiscope::ui;

namespace menu_shortcuts_test {

void collect(const QMenu& menu, const QString& path, QList<QPair<QString, QAction*>>& into) {
  for (QAction* action : menu.actions()) {
    if (action->isSeparator() || !action->isVisible()) continue;
    const QString name = path + QStringLiteral(" → ") + action->text().remove('&');
    if (action->menu())
      collect(*action->menu(), name, into);
    else
      into.append({name, action});
  }
}

}  // namespace menu_shortcuts_test

TEST_CASE("every menu action of both pages has a shortcut, each its own", "[ui][keyboard]") {
  AppWindow app;
  for (int page = 0; page < 2; ++page) {
    app.window.showPage(page);
    QList<QPair<QString, QAction*>> actions;
    for (QAction* top : app.window.menuBar()->actions())
      if (top->menu()) menu_shortcuts_test::collect(*top->menu(), top->text().remove('&'), actions);
    CHECK(actions.size() > 30);
    QSet<QString> keys;
    for (const auto& [name, action] : actions) {
      INFO("page " << page << ": " << name.toStdString());
      CHECK_FALSE(action->shortcut().isEmpty());
      const QString key = action->shortcut().toString();
      CHECK_FALSE(keys.contains(key));
      keys.insert(key);
    }
  }
}
