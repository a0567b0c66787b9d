#include "ui/common/speed_scale.h"

#include <catch2/catch.hpp>
#include <cmath>

using optiscope::ui::SpeedScale;

TEST_CASE("the speed slider runs from 1 step/s to unlimited on a log scale", "[ui][speed]") {
  CHECK(SpeedScale::speedAt(0) == 1.0);
  CHECK(SpeedScale::speedAt(SpeedScale::kNotchesPerDecade) == 10.0);
  CHECK(SpeedScale::speedAt(2 * SpeedScale::kNotchesPerDecade) == 100.0);
  CHECK(SpeedScale::speedAt(SpeedScale::kUnlimitedNotch - 1) == 1e5);
  CHECK(std::isinf(SpeedScale::speedAt(SpeedScale::kUnlimitedNotch)));
  // Evenly spaced in log: every notch multiplies the speed by the same factor.
  for (int notch = 0; notch < SpeedScale::kUnlimitedNotch - 1; ++notch) {
    const double ratio = SpeedScale::speedAt(notch + 1) / SpeedScale::speedAt(notch);
    CHECK(ratio == Approx(std::pow(10.0, 0.1)).epsilon(1e-12));
  }
}

TEST_CASE("every notch maps back to itself and speeds snap to the nearest notch", "[ui][speed]") {
  for (int notch = 0; notch <= SpeedScale::kUnlimitedNotch; ++notch)
    CHECK(SpeedScale::notchFor(SpeedScale::speedAt(notch)) == notch);
  CHECK(SpeedScale::notchFor(0.2) == 0);
  CHECK(SpeedScale::notchFor(1e9) == SpeedScale::kUnlimitedNotch - 1);
  CHECK(SpeedScale::notchFor(110.0) == 2 * SpeedScale::kNotchesPerDecade);
  CHECK(SpeedScale::label(std::numeric_limits<double>::infinity()) == "unlimited");
  CHECK(SpeedScale::label(1.0) == "1 step/s");
  CHECK(SpeedScale::label(SpeedScale::speedAt(1)) == "1.26 steps/s");
}
