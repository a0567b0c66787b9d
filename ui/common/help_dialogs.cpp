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

void showShortcuts(QWidget* parent, const QList<QAction*>& actions) {
  QString rows;
  for (const QAction* action : actions) {
    if (action->shortcut().isEmpty()) continue;
    QString name = action->text();
    name.remove(QLatin1Char('&'));
    rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;&nbsp;</td><td>%2</td></tr>")
                .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                     name.toHtmlEscaped());
  }
  rows += QStringLiteral(
      "<tr><td><b>Click</b>&nbsp;&nbsp;&nbsp;</td><td>restart every run at that point</td></tr>"
      "<tr><td><b>Drag / Wheel</b>&nbsp;&nbsp;&nbsp;</td><td>pan / zoom the landscape</td></tr>");
  QMessageBox box(parent);
  box.setWindowTitle(QStringLiteral("Keyboard shortcuts"));
  box.setTextFormat(Qt::RichText);
  box.setText(QStringLiteral("<table>%1</table>").arg(rows));
  box.exec();
}

}  // namespace optiscope::ui
