#include <cmath>
#include <numbers>

#include "core/objectives/formula_objective.h"
#include "core/objectives/functions_2d.h"

namespace optiscope {
namespace {

using std::numbers::pi;

Box square(double low, double high) {
  return {Eigen::Vector2d(low, low), Eigen::Vector2d(high, high)};
}

// Ackley (a = 20, b = 0.2, c = 2π, d = 2):
//   f(x, y) = −20·exp(−0.2·√(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + 20 + e;
// minimum 0 at the origin, a regular grid of local minima around it. Evaluated on
// [-32.768, 32.768]²; [-5, 5]² shows the central funnel.
//
// The first term is a cone: it has no derivative at the origin. There we use its zero
// subgradient and no curvature (the Hessian keeps only the cosine part), so the minimum's
// gradient vanishes and nothing returns NaN.
struct Ackley {
  static constexpr std::string_view kName = "ackley";
  static constexpr std::string_view kSummary =
      "egg-crate of local minima in a funnel; minimum 0 at the origin";

  template <class T>
  T operator()(const T& x, const T& y) const {
    using std::cos, std::exp, std::sqrt;
    const T meanSquare = 0.5 * (x * x + y * y);
    const T cone =
        plainValue(meanSquare) == 0.0 ? T(-20.0) : T(-20.0 * exp(-0.2 * sqrt(meanSquare)));
    return cone - exp(0.5 * (cos(2.0 * pi * x) + cos(2.0 * pi * y))) + 20.0 + std::numbers::e;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d::Zero(), 0.0}}; }
  Box viewBox() const { return square(-5.0, 5.0); }
  // SGD and Adam stop in a local dimple; momentum 0.9 (lr 0.01) rolls to the centre.
  Eigen::Vector2d start() const { return {-2.3, 2.6}; }
};

// Lévy N.13: f(x, y) = sin²(3πx) + (x − 1)²(1 + sin²(3πy)) + (y − 1)²(1 + sin²(2πy));
// minimum 0 at (1, 1). Domain [-10, 10]².
struct Levy13 {
  static constexpr std::string_view kName = "levy13";
  static constexpr std::string_view kSummary = "ripples over a bowl; minimum 0 at (1, 1)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    using std::sin;
    const T s1 = sin(3.0 * pi * x), s2 = sin(3.0 * pi * y), s3 = sin(2.0 * pi * y);
    const T dx = x - 1.0, dy = y - 1.0;
    return s1 * s1 + dx * dx * (1.0 + s2 * s2) + dy * dy * (1.0 + s3 * s3);
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d(1.0, 1.0), 0.0}}; }
  Box viewBox() const { return square(-10.0, 10.0); }
  Eigen::Vector2d start() const { return {-4.3, 3.7}; }
};

// McCormick: f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1 on x ∈ [-1.5, 4],
// y ∈ [-3, 4]. Its stationary points solve cos(x + y) = −½, x − y = 1, which gives the
// minimum exactly: (½ − π/3, −½ − π/3) with value −√3/2 − π/3 = −1.9132229549810364.
// Note it is unbounded below outside that box (f → −∞ along x = y → −∞): the global
// minimum of the literature is the box's.
struct McCormick {
  static constexpr std::string_view kName = "mccormick";
  static constexpr std::string_view kSummary =
      "smooth tilted valley; minimum -1.9132 at (-0.547, -1.547)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    using std::sin;
    const T d = x - y;
    return sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1.0;
  }
  std::vector<Minimum> minima() const {
    return {{Eigen::Vector2d(0.5 - pi / 3.0, -0.5 - pi / 3.0), -1.9132229549810364}};
  }
  Box viewBox() const { return {Eigen::Vector2d(-1.5, -3.0), Eigen::Vector2d(4.0, 4.0)}; }
  Eigen::Vector2d start() const { return {3.0, -2.0}; }
};

// Easom: f(x, y) = −cos x·cos y·exp(−((x − π)² + (y − π)²)); minimum −1 at (π, π).
// The literature evaluates it on [-100, 100]², where all but a pinhole is flat to machine
// precision; the view box frames the hole and its rim instead.
struct Easom {
  static constexpr std::string_view kName = "easom";
  static constexpr std::string_view kSummary =
      "a narrow hole in a flat plain; minimum -1 at (pi, pi)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    using std::cos, std::exp;
    const T dx = x - pi, dy = y - pi;
    return -cos(x) * cos(y) * exp(-(dx * dx + dy * dy));
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d(pi, pi), -1.0}}; }
  Box viewBox() const { return square(-1.0, 7.0); }
  // On the gentle outer slope of the hole, where gradients are small.
  Eigen::Vector2d start() const { return {2.0, 1.8}; }
};

}  // namespace

ObjectiveInfo describeAckley() { return describeFormula<Ackley>(); }
ObjectiveInfo describeLevy13() { return describeFormula<Levy13>(); }
ObjectiveInfo describeMcCormick() { return describeFormula<McCormick>(); }
ObjectiveInfo describeEasom() { return describeFormula<Easom>(); }

}  // namespace optiscope
