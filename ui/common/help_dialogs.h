#pragma once

#include <QList>

class QAction;
class QWidget;

namespace optiscope::ui {

void showAboutBox(QWidget* parent);
// Lists every action that has a shortcut, as the menus define them (so the list cannot drift).
void showShortcuts(QWidget* parent, const QList<QAction*>& actions);

}  // namespace optiscope::ui
