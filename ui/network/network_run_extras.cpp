#include "ui/network/network_run_extras.h"

#include <QCoreApplication>

namespace optiscope::ui {
namespace {

QString number(double value) { return QString::number(value, 'g', 3); }
QString tr(const char* text) { return QCoreApplication::translate("NetworkRunExtras", text); }

}  // namespace

QString NetworkRunExtras::status(const RunSnapshot* run) const {
  if (!run || !run->epochs) return tr("epoch 0");
  QString text = tr("epoch %1").arg(run->epochs->epoch);
  if (run->epochs->last) {
    const NetworkMetrics& m = run->epochs->last->metrics;
    text += tr(" · loss %1 / %2").arg(number(m.trainLoss), number(m.testLoss));
    if (m.testAccuracy) text += tr(" · test acc %1").arg(number(*m.testAccuracy));
  }
  if (run->diverged) text += tr(" · diverged at step %L1").arg(run->divergedAt);
  return text;
}

QString NetworkRunExtras::addRunTip() const {
  return tr("another optimizer training the same initial network");
}

}  // namespace optiscope::ui
