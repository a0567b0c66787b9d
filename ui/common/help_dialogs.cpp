#include "ui/common/help_dialogs.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>

namespace optiscope::ui {

void showAboutBox(QWidget* parent) {
  QMessageBox::about(
      parent, QStringLiteral("About Optiscope"),
      QStringLiteral(
          "<h3>Optiscope %1</h3>"
          "<p>A laboratory for gradient-based optimizers: watch SGD, Momentum, AdaGrad, RMSProp, "
          "Adam and their relatives race on a loss surface, with the live per-parameter "
          "effective learning rate of every run.</p>"
          "<p>The optimizers match <code>torch.optim</code> 1.13 step for step (float64).</p>"
          "<p>Click the map to restart every run there; drag to pan, wheel to zoom. Every "
          "hyperparameter is in the panel on the right; changes apply at once.</p>"
          "<p>Built with Qt %2, QCustomPlot and Eigen.</p>")
          .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

namespace {

QString row(const QString& keys, const QString& effect) {
  return QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;&nbsp;</td><td>%2</td></tr>")
      .arg(keys.toHtmlEscaped(), effect.toHtmlEscaped());
}

}  // namespace

QString shortcutsHtml(const QString& page, const QList<ShortcutGroup>& groups) {
  QString html = QStringLiteral("<p>On the <b>%1</b> page:</p><table>").arg(page.toHtmlEscaped());
  QStringList listed;
  for (const ShortcutGroup& group : groups) {
    QString rows;
    for (const QAction* action : group.actions) {
      const QString keys = action->shortcut().toString(QKeySequence::NativeText);
      if (keys.isEmpty() || listed.contains(keys)) continue;
      listed << keys;
      QString name = action->text();
      name.remove(QLatin1Char('&'));
      name.remove(QStringLiteral("…"));
      rows += row(keys, name);
    }
    for (const auto& [gesture, effect] : group.gestures) rows += row(gesture, effect);
    if (rows.isEmpty()) continue;
    html += QStringLiteral("<tr><td colspan=\"2\"><br><i>%1</i></td></tr>")
                .arg(group.title.toHtmlEscaped()) +
            rows;
  }
  return html + QStringLiteral("</table>");
}

void showShortcuts(QWidget* parent, const QString& page, const QList<ShortcutGroup>& groups) {
  QMessageBox box(parent);
  box.setWindowTitle(QStringLiteral("Keyboard shortcuts"));
  box.setTextFormat(Qt::RichText);
  box.setText(shortcutsHtml(page, groups));
  box.exec();
}

}  // namespace optiscope::ui
