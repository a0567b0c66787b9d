#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QAction;
class QWidget;

namespace optiscope::ui {

// One group of the shortcuts list ("Playback", "Runs", ...): the actions with a shortcut, as
// the menus define them (so the list cannot drift), and mouse gestures as (gesture, effect).
struct ShortcutGroup {
  QString title;
  QList<QAction*> actions;
  QList<QPair<QString, QString>> gestures;
};

void showAboutBox(QWidget* parent);
// The shortcuts list of the page titled `page` as rich text: one table section per group,
// each key once (the first group naming it wins), empty groups left out.
QString shortcutsHtml(const QString& page, const QList<ShortcutGroup>& groups);
void showShortcuts(QWidget* parent, const QString& page, const QList<ShortcutGroup>& groups);

}  // namespace optiscope::ui
