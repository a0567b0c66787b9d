// TensorFlow Playground's datasets (src/dataset.ts), re-implemented with our own seeded
// generator: the same shapes, scales, label rules and noise semantics; Playground's labels
// +1 / −1 are our classes 1 / 0.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "core/nn/dataset_generators.h"

namespace optiscope::datasets {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

}  // namespace

Dataset PointCollector::finish(TaskKind kind, int classes) const {
  Dataset data;
  data.kind = kind;
  data.classes = classes;
  const auto n = static_cast<Eigen::Index>(m_rows.size());
  data.points.resize(2, n);
  data.targets.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const Row& row = m_rows[static_cast<size_t>(j)];
    data.points.col(j) << row.x1, row.x2;
    data.targets[j] = row.target;
  }
  return data;
}

// Class 1 inside radius 2.5, class 0 in the ring 3.5–5; noise moves the point at which the
// label is decided by up to ±5·noise per coordinate, so labels flip near the boundary.
Dataset circle(int points, double noise, Random& random) {
  constexpr double radius = 5.0;
  PointCollector out(points);
  auto ring = [&](int count, double rMin, double rMax) {
    for (int i = 0; i < count; ++i) {
      const double r = random.uniform(rMin, rMax);
      const double angle = random.uniform(0.0, kTwoPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double noiseX = random.uniform(-radius, radius) * noise;
      const double noiseY = random.uniform(-radius, radius) * noise;
      const bool inside = std::hypot(x + noiseX, y + noiseY) < radius * 0.5;
      out.add(x, y, inside ? 1.0 : 0.0);
    }
  };
  ring(firstHalf(points), 0.0, radius * 0.5);
  ring(points / 2, radius * 0.7, radius);
  return out.finish(TaskKind::Classification, 2);
}

// Uniform on [−5, 5]², pushed 0.3 away from the axes; class 1 where x1·x2 >= 0 at the
// noisy point (noise: up to ±5·noise per coordinate).
Dataset xorQuadrants(int points, double noise, Random& random) {
  constexpr double padding = 0.3;
  PointCollector out(points);
  for (int i = 0; i < points; ++i) {
    double x = random.uniform(-5.0, 5.0);
    x += x > 0.0 ? padding : -padding;
    double y = random.uniform(-5.0, 5.0);
    y += y > 0.0 ? padding : -padding;
    const double noiseX = random.uniform(-5.0, 5.0) * noise;
    const double noiseY = random.uniform(-5.0, 5.0) * noise;
    out.add(x, y, (x + noiseX) * (y + noiseY) >= 0.0 ? 1.0 : 0.0);
  }
  return out.finish(TaskKind::Classification, 2);
}

// Class 1 around (2, 2), class 0 around (−2, −2); noise widens both: variance 0.5 + 7·noise.
Dataset twoGaussians(int points, double noise, Random& random) {
  const double sigma = std::sqrt(0.5 + noise * (3.5 / 0.5));
  PointCollector out(points);
  auto blob = [&](int count, double center, double label) {
    for (int i = 0; i < count; ++i) {
      const double x = center + sigma * random.normal();
      const double y = center + sigma * random.normal();
      out.add(x, y, label);
    }
  };
  blob(firstHalf(points), 2.0, 1.0);
  blob(points / 2, -2.0, 0.0);
  return out.finish(TaskKind::Classification, 2);
}

// Two interleaved arms of 1.75 turns out to radius 5; noise jitters each coordinate by up to
// ±noise.
Dataset spiral(int points, double noise, Random& random) {
  PointCollector out(points);
  auto arm = [&](int count, double phase, double label) {
    for (int i = 0; i < count; ++i) {
      const double s = static_cast<double>(i) / count;
      const double r = s * 5.0;
      const double t = 1.75 * s * kTwoPi + phase;
      const double x = r * std::sin(t) + random.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + random.uniform(-1.0, 1.0) * noise;
      out.add(x, y, label);
    }
  };
  arm(firstHalf(points), 0.0, 1.0);
  arm(points / 2, std::numbers::pi, 0.0);
  return out.finish(TaskKind::Classification, 2);
}

// Uniform on [−6, 6]²; target (x1 + x2) / 10 taken at a point moved by up to ±6·noise.
Dataset regressPlane(int points, double noise, Random& random) {
  constexpr double radius = 6.0;
  PointCollector out(points);
  for (int i = 0; i < points; ++i) {
    const double x = random.uniform(-radius, radius);
    const double y = random.uniform(-radius, radius);
    const double noiseX = random.uniform(-radius, radius) * noise;
    const double noiseY = random.uniform(-radius, radius) * noise;
    out.add(x, y, (x + noiseX + y + noiseY) / 10.0);
  }
  return out.finish(TaskKind::Regression, 0);
}

// Uniform on [−6, 6]²; six signed bumps (±1 at their centre, 0 beyond distance 2) in a 3×2
// grid; the target is the bump largest in magnitude at the point moved by up to ±6·noise.
Dataset regressGaussians(int points, double noise, Random& random) {
  constexpr double radius = 6.0;
  constexpr std::array<std::array<double, 3>, 6> bumps = {{{-4.0, 2.5, 1.0},
                                                           {0.0, 2.5, -1.0},
                                                           {4.0, 2.5, 1.0},
                                                           {-4.0, -2.5, -1.0},
                                                           {0.0, -2.5, 1.0},
                                                           {4.0, -2.5, -1.0}}};
  auto target = [&](double x, double y) {
    double best = 0.0;
    for (const auto& [cx, cy, sign] : bumps) {
      const double height = sign * std::clamp(1.0 - std::hypot(x - cx, y - cy) / 2.0, 0.0, 1.0);
      if (std::abs(height) > std::abs(best)) best = height;
    }
    return best;
  };
  PointCollector out(points);
  for (int i = 0; i < points; ++i) {
    const double x = random.uniform(-radius, radius);
    const double y = random.uniform(-radius, radius);
    const double noiseX = random.uniform(-radius, radius) * noise;
    const double noiseY = random.uniform(-radius, radius) * noise;
    out.add(x, y, target(x + noiseX, y + noiseY));
  }
  return out.finish(TaskKind::Regression, 0);
}

}  // namespace optiscope::datasets
