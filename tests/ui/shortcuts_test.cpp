// F1 lists the shortcuts of the page on screen, grouped, each key once (issue 12, item 10).
#include <QAction>
#include <QRegularExpression>
#include <QTest>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/help_dialogs.h"
#include "ui/main_window.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// Every key sequence the groups list, in order (repeats included).
QStringList listedKeys(const QList<ShortcutGroup>& groups) {
  QStringList keys;
  for (const ShortcutGroup& group : groups)
    for (const QAction* action : group.actions)
      if (!action->shortcut().isEmpty())
        keys << action->shortcut().toString(QKeySequence::NativeText);
  return keys;
}

QStringList groupTitles(const QList<ShortcutGroup>& groups) {
  QStringList titles;
  for (const ShortcutGroup& group : groups) titles << group.title;
  return titles;
}

// The bold keys of the rendered list, in order.
QStringList renderedKeys(const QString& html) {
  QStringList keys;
  static const QRegularExpression bold(QStringLiteral("<td><b>([^<]*)</b>"));
  for (const QRegularExpressionMatch& match : bold.globalMatch(html)) keys << match.captured(1);
  return keys;
}

}  // namespace

TEST_CASE("F1 groups the Landscape page's shortcuts and lists each key once", "[ui][shortcuts]") {
  AppWindow app;
  app.window.showPage(0);
  const QList<ShortcutGroup> groups = app.window.shortcutGroups();
  CHECK(groupTitles(groups) ==
        QStringList{"Playback", "Runs", "View", "Pages", "Presentation", "File"});
  const QStringList keys = listedKeys(groups);
  QStringList unique = keys;
  CHECK(unique.removeDuplicates() == 0);
  for (const char* key :
       {"Space", "Right", "R", "Home", "L", "C", "X", "Ctrl+1", "Ctrl+2", "F5", "Esc", "Ctrl+-"})
    CHECK(keys.count(QString::fromLatin1(key)) == 1);

  const QString html = shortcutsHtml(QStringLiteral("Landscape"), groups);
  QStringList rendered = renderedKeys(html);
  CHECK(rendered.removeDuplicates() == 0);
  CHECK(rendered.contains(QStringLiteral("Space")));
  CHECK(rendered.contains(QStringLiteral("Click")));  // the landscape's mouse gestures
  CHECK(html.contains(QStringLiteral("<b>Landscape</b>")));
  for (const char* title : {"Playback", "Runs", "View", "Pages", "Presentation", "File"})
    CHECK(html.contains(QStringLiteral("<i>%1</i>").arg(QString::fromLatin1(title))));
}

TEST_CASE("on the Network page F1 lists no Landscape view keys", "[ui][shortcuts]") {
  AppWindow app;
  app.window.showPage(1);
  const QList<ShortcutGroup> groups = app.window.shortcutGroups();
  const QStringList keys = listedKeys(groups);
  CHECK(keys.count(QStringLiteral("Space")) == 1);
  for (const char* key : {"Home", "L", "C", "X"})
    CHECK_FALSE(keys.contains(QString::fromLatin1(key)));
  const QString html = shortcutsHtml(QStringLiteral("Network"), groups);
  CHECK_FALSE(renderedKeys(html).contains(QStringLiteral("Click")));
  CHECK(html.contains(QStringLiteral("Hover a neuron")));
}

TEST_CASE("a key two groups name is listed once, under the first", "[ui][shortcuts]") {
  QAction play(QStringLiteral("Play"));
  play.setShortcut(Qt::Key_Space);
  QAction again(QStringLiteral("Play again"));
  again.setShortcut(Qt::Key_Space);
  const QString html = shortcutsHtml(QStringLiteral("Test"), {{QStringLiteral("A"), {&play}, {}},
                                                              {QStringLiteral("B"), {&again}, {}}});
  CHECK(renderedKeys(html) == QStringList{"Space"});
  CHECK(html.contains(QStringLiteral("Play")));
  CHECK_FALSE(html.contains(QStringLiteral("Play again")));
  CHECK_FALSE(html.contains(QStringLiteral("<i>B</i>")));  // an empty group is left out
}
