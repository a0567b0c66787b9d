// Datasets Playground users asked for, drawn at Playground's scale (about [−6, 6]²).
#include <cmath>
#include <numbers>

#include "core/nn/dataset_generators.h"

namespace optiscope::datasets {

// Two interleaving half circles (as scikit-learn's make_moons) scaled by 3 and centred:
// class 0 the upper arc, class 1 the lower one. noise adds N(0, (2·noise)²) per coordinate.
Dataset moons(int points, double noise, Random& random) {
  constexpr double scale = 3.0;
  PointCollector out(points);
  auto arc = [&](int count, double label) {
    for (int i = 0; i < count; ++i) {
      const double t = random.uniform(0.0, std::numbers::pi);
      double x = std::cos(t), y = std::sin(t);
      if (label == 1.0) {
        x = 1.0 - x;
        y = 0.5 - y;
      }
      x = scale * (x - 0.5) + 2.0 * noise * random.normal();
      y = scale * (y - 0.25) + 2.0 * noise * random.normal();
      out.add(x, y, label);
    }
  };
  arc(points / 2, 0.0);
  arc(firstHalf(points), 1.0);
  return out.finish(TaskKind::Classification, 2);
}

// Uniform on [−6, 6]², a 4×4 board of 3×3 squares: class 1 on the squares whose indices sum
// to an even number, decided at the point moved by up to ±6·noise (as xor's noise).
Dataset checkerboard(int points, double noise, Random& random) {
  constexpr double radius = 6.0, square = 3.0;
  PointCollector out(points);
  for (int i = 0; i < points; ++i) {
    const double x = random.uniform(-radius, radius);
    const double y = random.uniform(-radius, radius);
    const double noiseX = random.uniform(-radius, radius) * noise;
    const double noiseY = random.uniform(-radius, radius) * noise;
    const auto cell = static_cast<long long>(std::floor((x + noiseX) / square) +
                                             std::floor((y + noiseY) / square));
    out.add(x, y, cell % 2 == 0 ? 1.0 : 0.0);
  }
  return out.finish(TaskKind::Classification, 2);
}

// Playground's spiral with three arms, 120° apart, classes 0, 1, 2 (the first arms take the
// remainder when the points do not divide by three).
Dataset spiral3(int points, double noise, Random& random) {
  PointCollector out(points);
  for (int arm = 0; arm < 3; ++arm) {
    const int count = points / 3 + (arm < points % 3 ? 1 : 0);
    const double phase = 2.0 * std::numbers::pi * arm / 3.0;
    for (int i = 0; i < count; ++i) {
      const double s = static_cast<double>(i) / count;
      const double r = s * 5.0;
      const double t = 1.75 * s * 2.0 * std::numbers::pi + phase;
      const double x = r * std::sin(t) + random.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + random.uniform(-1.0, 1.0) * noise;
      out.add(x, y, static_cast<double>(arm));
    }
  }
  return out.finish(TaskKind::Classification, 3);
}

}  // namespace optiscope::datasets
