#include <cmath>
#include <numbers>

#include "core/objectives/formula_objective.h"
#include "core/objectives/functions_2d.h"

namespace optiscope {
namespace {

Box square(double half) { return {Eigen::Vector2d(-half, -half), Eigen::Vector2d(half, half)}; }

// f(x, y) = ½·(x, y) A (x, y)ᵀ with A = R(θ)·diag(1, κ)·R(θ)ᵀ, R(θ) = [[cos θ, −sin θ],
// [sin θ, cos θ]], θ = angle in degrees, κ = condition (≥ 1). Written out:
//   A = [[c² + κ·s², (1 − κ)·c·s], [(1 − κ)·c·s, s² + κ·c²]],  c = cos θ, s = sin θ.
// Curvature 1 along (c, s) and κ along (−s, c): the textbook ill-conditioned bowl.
// Minimum 0 at the origin.
struct Quadratic {
  static constexpr std::string_view kName = "quadratic";
  static constexpr std::string_view kSummary =
      "rotated ill-conditioned bowl 0.5 x'Ax; minimum 0 at the origin";

  double a11 = 1.0, a12 = 0.0, a22 = 1.0;

  static Quadratic make(double condition, double angleDegrees) {
    const double theta = angleDegrees * std::numbers::pi / 180.0;
    const double c = std::cos(theta), s = std::sin(theta);
    return {c * c + condition * s * s, (1.0 - condition) * c * s, s * s + condition * c * c};
  }

  template <class T>
  T operator()(const T& x, const T& y) const {
    return 0.5 * (a11 * x * x + 2.0 * a12 * x * y + a22 * y * y);
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d::Zero(), 0.0}}; }
  Box viewBox() const { return square(5.0); }
  // Off both principal axes (for angle 0), so plain gradient descent zigzags.
  Eigen::Vector2d start() const { return {-4.0, 2.0}; }
};

// f(x, y) = x² − y²: a pure saddle at the origin. It has no minimum (unbounded below along
// y), so globalMinima() is empty; the race is how fast each optimizer escapes.
struct Saddle {
  static constexpr std::string_view kName = "saddle";
  static constexpr std::string_view kSummary = "x^2 - y^2; no minimum, escape the saddle";

  template <class T>
  T operator()(const T& x, const T& y) const {
    return x * x - y * y;
  }
  std::vector<Minimum> minima() const { return {}; }
  Box viewBox() const { return square(2.0); }
  // Almost on the attracting axis: the escape starts slowly.
  Eigen::Vector2d start() const { return {-1.8, 0.02}; }
};

// Booth: f(x, y) = (x + 2y − 7)² + (2x + y − 5)²; minimum 0 at (1, 3). Domain [-10, 10]².
struct Booth {
  static constexpr std::string_view kName = "booth";
  static constexpr std::string_view kSummary = "tilted quadratic bowl; minimum 0 at (1, 3)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    const T a = x + 2.0 * y - 7.0;
    const T b = 2.0 * x + y - 5.0;
    return a * a + b * b;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d(1.0, 3.0), 0.0}}; }
  Box viewBox() const { return square(10.0); }
  // Mostly along the flat eigen-direction (1, −1), with some of the steep one.
  Eigen::Vector2d start() const { return {-6.0, 8.0}; }
};

// Matyas: f(x, y) = 0.26·(x² + y²) − 0.48·x·y; minimum 0 at the origin. Domain [-10, 10]².
// A plate with condition number 25 along the diagonal.
struct Matyas {
  static constexpr std::string_view kName = "matyas";
  static constexpr std::string_view kSummary = "flat diagonal plate; minimum 0 at the origin";

  template <class T>
  T operator()(const T& x, const T& y) const {
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d::Zero(), 0.0}}; }
  Box viewBox() const { return square(10.0); }
  Eigen::Vector2d start() const { return {-8.0, -6.0}; }
};

}  // namespace

ObjectiveInfo describeQuadratic() {
  return {
      std::string(Quadratic::kName),
      std::string(Quadratic::kSummary),
      false,
      {realParam("condition", 10.0, "ratio of the largest to the smallest curvature", 1.0, 1e12),
       realParam("angle", 0.0, "rotation of the principal axes, in degrees", -360.0, 360.0)},
      [](const ParamValues& v) {
        return std::make_unique<FormulaObjective<Quadratic>>(
            Quadratic::make(v.real("condition"), v.real("angle")));
      }};
}

ObjectiveInfo describeSaddle() { return describeFormula<Saddle>(); }
ObjectiveInfo describeBooth() { return describeFormula<Booth>(); }
ObjectiveInfo describeMatyas() { return describeFormula<Matyas>(); }

}  // namespace optiscope
