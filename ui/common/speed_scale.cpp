#include "ui/common/speed_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optiscope::ui {

double SpeedScale::speedAt(int notch) {
  if (notch >= kUnlimitedNotch) return std::numeric_limits<double>::infinity();
  const int clamped = std::max(notch, 0);
  return std::pow(10.0, static_cast<double>(clamped) / kNotchesPerDecade);
}

int SpeedScale::notchFor(double stepsPerSecond) {
  if (std::isinf(stepsPerSecond) && stepsPerSecond > 0) return kUnlimitedNotch;
  if (!(stepsPerSecond > 1.0)) return 0;
  const long notch = std::lround(std::log10(stepsPerSecond) * kNotchesPerDecade);
  return static_cast<int>(std::min<long>(notch, kUnlimitedNotch - 1));
}

QString SpeedScale::label(double stepsPerSecond) {
  if (std::isinf(stepsPerSecond)) return QStringLiteral("unlimited");
  if (stepsPerSecond == 1.0) return QStringLiteral("1 step/s");
  if (stepsPerSecond < 100.0)
    return QStringLiteral("%1 steps/s").arg(QString::number(stepsPerSecond, 'g', 3));
  return QStringLiteral("%L1 steps/s").arg(stepsPerSecond, 0, 'f', 0);
}

}  // namespace optiscope::ui
