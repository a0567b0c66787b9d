#include "ui/landscape/start_rates.h"

#include <map>

namespace optiscope::ui {

QString landscapeStartSpec(const QString& optimizer) {
  // bench/choose_start_rates.sh (in the comments: median log10 f after 500 steps over
  // rosenbrock, himmelblau, quadratic, booth and matyas). rprop and adadelta
  // keep torch's rate: rprop's steps grow to its step_max whatever lr is, and adadelta's lr=1
  // is already the one that goes furthest.
  static const std::map<QString, QString> rates = {
      {QStringLiteral("sgd"), QStringLiteral("0.001")},        // 0.47
      {QStringLiteral("adagrad"), QStringLiteral("0.1")},      // -0.05
      {QStringLiteral("rmsprop"), QStringLiteral("0.01")},     // -0.45
      {QStringLiteral("adam"), QStringLiteral("0.1")},         // -18.5
      {QStringLiteral("adamw"), QStringLiteral("0.1")},        // -3.94
      {QStringLiteral("adamax"), QStringLiteral("0.1")},       // -5.10
      {QStringLiteral("nadam"), QStringLiteral("0.02")},       // -0.60
      {QStringLiteral("radam"), QStringLiteral("0.001")},      // 1.35
      {QStringLiteral("asgd"), QStringLiteral("0.001")},       // 0.47
      {QStringLiteral("lion"), QStringLiteral("0.05")},        // -28.0
      {QStringLiteral("adabelief"), QStringLiteral("0.001")},  // 0.90
      {QStringLiteral("yogi"), QStringLiteral("0.1")},         // -18.4
      {QStringLiteral("adabound"), QStringLiteral("0.1")}};    // -18.5
  const auto found = rates.find(optimizer);
  return found == rates.end() ? optimizer
                              : QStringLiteral("%1:lr=%2").arg(optimizer, found->second);
}

}  // namespace optiscope::ui
