#include "core/objectives/separable_functions.h"

#include <cmath>
#include <numbers>

#include "core/objectives/separable_objective.h"

namespace optiscope {
namespace {

// Sphere: f(x) = Σ x_i²; minimum 0 at the origin. Domain [-5.12, 5.12]^d.
struct SphereTerm {
  static constexpr std::string_view kName = "sphere";
  static constexpr std::string_view kSummary = "round bowl; minimum 0 at the origin";
  static constexpr double kMinimizer = 0.0, kMinimumPerCoordinate = 0.0;
  static constexpr double kLow = -5.12, kHigh = 5.12;

  template <class T>
  T operator()(const T& x) const {
    return x * x;
  }
  static double start(Eigen::Index i) { return i % 2 == 0 ? -4.0 : 3.0; }
};

// Rastrigin: f(x) = 10d + Σ (x_i² − 10·cos 2πx_i); minimum 0 at the origin, local minima
// near every integer point. Domain [-5.12, 5.12]^d.
struct RastriginTerm {
  static constexpr std::string_view kName = "rastrigin";
  static constexpr std::string_view kSummary =
      "bowl covered in a grid of local minima; minimum 0 at the origin";
  static constexpr double kMinimizer = 0.0, kMinimumPerCoordinate = 0.0;
  static constexpr double kLow = -5.12, kHigh = 5.12;

  template <class T>
  T operator()(const T& x) const {
    using std::cos;
    return 10.0 + (x * x - 10.0 * cos(2.0 * std::numbers::pi * x));
  }
  static double start(Eigen::Index i) { return i % 2 == 0 ? -4.3 : 3.7; }
};

// Styblinski–Tang: f(x) = ½ Σ (x_i⁴ − 16x_i² + 5x_i); minimum −39.16616570377141·d at
// x_i = −2.903534027771177 (root of 4x³ − 32x + 5 and its value, 25 digits with mpmath,
// rounded to double). A local minimum near x_i = 2.7468 in every coordinate. Domain [-5, 5]^d.
struct StyblinskiTangTerm {
  static constexpr std::string_view kName = "styblinski_tang";
  static constexpr std::string_view kSummary =
      "2^d basins, one global; minimum -39.166*d at x_i = -2.9035";
  static constexpr double kMinimizer = -2.903534027771177;
  static constexpr double kMinimumPerCoordinate = -39.16616570377141;
  static constexpr double kLow = -5.0, kHigh = 5.0;

  template <class T>
  T operator()(const T& x) const {
    const T x2 = x * x;
    return 0.5 * (x2 * x2 - 16.0 * x2 + 5.0 * x);
  }
  // Just right of each coordinate's local maximum (x ≈ 0.157): small steps roll into the
  // local basin at +2.75, momentum may not.
  static double start(Eigen::Index i) { return i % 2 == 0 ? 0.3 : 4.5; }
};

}  // namespace

ObjectiveInfo describeSphere() { return describeSeparable<SphereTerm>(); }
ObjectiveInfo describeRastrigin() { return describeSeparable<RastriginTerm>(); }
ObjectiveInfo describeStyblinskiTang() { return describeSeparable<StyblinskiTangTerm>(); }

}  // namespace optiscope
