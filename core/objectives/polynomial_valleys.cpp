#include "core/objectives/formula_objective.h"
#include "core/objectives/functions_2d.h"

namespace optiscope {
namespace {

Box rectangle(double xLow, double xHigh, double yLow, double yHigh) {
  return {Eigen::Vector2d(xLow, yLow), Eigen::Vector2d(xHigh, yHigh)};
}

// Beale: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²;
// minimum 0 at (3, 0.5). Domain [-4.5, 4.5]². Flat plateaus between steep walls.
struct Beale {
  static constexpr std::string_view kName = "beale";
  static constexpr std::string_view kSummary = "flat plateaus, steep walls; minimum 0 at (3, 0.5)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    const T xy = x * y;
    const T a = 1.5 - x + xy;
    const T b = 2.25 - x + xy * y;
    const T c = 2.625 - x + xy * y * y;
    return a * a + b * b + c * c;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d(3.0, 0.5), 0.0}}; }
  Box viewBox() const { return rectangle(-4.5, 4.5, -4.5, 4.5); }
  Eigen::Vector2d start() const { return {1.0, 1.5}; }
};

// Goldstein–Price: f = [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]
//                    · [30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)];
// minimum 3 at (0, −1); local minima 30 at (−0.6, −0.4), 84 at (1.8, 0.2), 840 at (1.2, 0.8).
// Domain [-2, 2]². Values span six orders of magnitude: a test of step-size robustness.
struct GoldsteinPrice {
  static constexpr std::string_view kName = "goldstein_price";
  static constexpr std::string_view kSummary =
      "values over six decades, local minima; minimum 3 at (0, -1)";

  template <class T>
  T operator()(const T& x, const T& y) const {
    const T s = x + y + 1.0;
    const T d = 2.0 * x - 3.0 * y;
    const T a =
        1.0 + s * s * (19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y);
    const T b =
        30.0 + d * d * (18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y);
    return a * b;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d(0.0, -1.0), 3.0}}; }
  Box viewBox() const { return rectangle(-2.0, 2.0, -2.0, 2.0); }
  // Three outcomes (torch 1.13, 1500 steps): SGD lr 1e-5 reaches 3, momentum 0.9 stops at 84,
  // Adam lr 0.05 at 30.
  Eigen::Vector2d start() const { return {-1.5, -1.5}; }
};

// Three-hump camel: f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²; minimum 0 at the origin, local
// minima near ±(1.748, −0.874). Evaluated on [-5, 5]²; [-2, 2]² shows the three humps.
struct ThreeHumpCamel {
  static constexpr std::string_view kName = "three_hump_camel";
  static constexpr std::string_view kSummary =
      "two local minima beside the global one; minimum 0 at the origin";

  template <class T>
  T operator()(const T& x, const T& y) const {
    const T x2 = x * x;
    return 2.0 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6.0 + x * y + y * y;
  }
  std::vector<Minimum> minima() const { return {{Eigen::Vector2d::Zero(), 0.0}}; }
  Box viewBox() const { return rectangle(-2.0, 2.0, -2.0, 2.0); }
  // Plain SGD (lr 0.01) settles on the local minimum (-1.75, 0.87); Adam reaches the origin.
  Eigen::Vector2d start() const { return {-1.5, -1.5}; }
};

// Six-hump camel: f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²; two global minima
// −1.0316284534898774 at ±(0.08984201310031806, −0.7126564030207396) (refined with mpmath
// to 25 digits, rounded to double). Evaluated on [-3, 3] x [-2, 2]; plotted on
// [-2, 2] x [-1, 1].
struct SixHumpCamel {
  static constexpr std::string_view kName = "six_hump_camel";
  static constexpr std::string_view kSummary =
      "two symmetric global minima -1.0316 among four local ones";

  template <class T>
  T operator()(const T& x, const T& y) const {
    const T x2 = x * x, y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
  }
  std::vector<Minimum> minima() const {
    const Eigen::Vector2d p(0.08984201310031806, -0.7126564030207396);
    const double value = -1.0316284534898774;
    return {{p, value}, {-p, value}};
  }
  Box viewBox() const { return rectangle(-2.0, 2.0, -1.0, 1.0); }
  // Between three basins: SGD (lr 0.01) stops at a local minimum (2.1), momentum 0.9 at
  // another (-0.22), Adam and RMSprop reach the global one.
  Eigen::Vector2d start() const { return {-1.35, -0.95}; }
};

}  // namespace

ObjectiveInfo describeBeale() { return describeFormula<Beale>(); }
ObjectiveInfo describeGoldsteinPrice() { return describeFormula<GoldsteinPrice>(); }
ObjectiveInfo describeThreeHumpCamel() { return describeFormula<ThreeHumpCamel>(); }
ObjectiveInfo describeSixHumpCamel() { return describeFormula<SixHumpCamel>(); }

}  // namespace optiscope
