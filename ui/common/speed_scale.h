#pragma once

#include <QString>

namespace optiscope::ui {

// The playback speed slider's scale: notches spaced evenly in log10(steps/s) from 1 step/s to
// 10^kDecades steps/s, and one more notch, the rightmost, for unlimited. A logarithmic scale lets
// one slider reach both "watch every step" and "a hundred thousand steps a second".
struct SpeedScale {
  static constexpr int kNotchesPerDecade = 10;
  static constexpr int kDecades = 5;
  static constexpr int kUnlimitedNotch = kNotchesPerDecade * kDecades + 1;

  // Steps per second at a notch in [0, kUnlimitedNotch]; +inf at kUnlimitedNotch.
  static double speedAt(int notch);
  // The notch whose speed is nearest to `stepsPerSecond` in log space (+inf: unlimited).
  static int notchFor(double stepsPerSecond);
  // "1 step/s", "1.26 steps/s", "251 steps/s", "unlimited".
  static QString label(double stepsPerSecond);
};

}  // namespace optiscope::ui
