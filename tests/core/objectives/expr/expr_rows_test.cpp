// The row program (expr_rows.h) is value() at every point, bit for bit, for formulas of every
// operation and operand shape, rows of any length (partial blocks) and extreme coordinates.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/objectives/objective.h"

using namespace optiscope;

namespace {

bool sameBits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;  // IEEE fixes no NaN payload
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

Eigen::VectorXd rowOf(Eigen::Index length) {
  Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(length, -3.0, 3.0);
  const double inf = std::numeric_limits<double>::infinity();
  const double extremes[] = {0.0, -0.0, 1e-300, -1e150, 1e200, inf, -inf, std::nan("")};
  for (Eigen::Index k = 0; k < 8 && k < length; ++k) xs[(k * 37) % length] = extremes[k];
  return xs;
}

}  // namespace

TEST_CASE("values() of a typed surface is value() at every point, bit for bit") {
  const std::vector<std::string> formulas = {
      "(1-x)^2+100*(y-x^2)^2",
      "sin(x)*cos(y)+tan(x/4)-tanh(y)*sinh(x/3)+cosh(y/3)+atan(x*y)",
      "exp(-(x^2+y^2)/2)+log(1+x^2)+log1p(y^2)+sqrt(abs(x)+y^2)",
      "atan2(y,x)+atan2(x,y)+hypot(x,y)+hypot(y,2)+pow(x^2+1,y/2)+pow(2,x)+x^y",
      "min(x,y)+max(x,2)+min(3,x)+max(y,x^2)+x^-1.5+x^3+y^0.5-x/y+y/x",
      "a*x^2+b*y^2,a=1,b=10",
      "y^2+3",  // no x at all: the whole row is one value
      "x",      // the row is x itself
  };
  for (const std::string& formula : formulas) {
    const auto f = makeObjective("expr:f=" + formula);
    INFO(formula);
    for (const Eigen::Index length : {1, 7, 255, 256, 257, 1000}) {
      const Eigen::VectorXd xs = rowOf(length);
      Eigen::VectorXd row(length);
      for (const double y :
           {-1.7, 0.0, 0.5, 2.25, 1e200, -std::numeric_limits<double>::infinity()}) {
        INFO("length " << length << ", y = " << y);
        f->values(xs, y, row);
        for (Eigen::Index i = 0; i < length; ++i) {
          const double expected = f->value(Eigen::Vector2d(xs[i], y));
          if (!sameBits(row[i], expected))
            FAIL_CHECK("x = " << xs[i] << ": " << row[i] << " vs " << expected);
        }
      }
    }
  }
}

TEST_CASE("values() of a typed surface rejects N-d formulas and mismatched sizes") {
  const auto nd = makeObjective("expr:f=x1+x2+x3");
  Eigen::VectorXd xs = Eigen::VectorXd::Zero(4), out(4), shorter(3);
  CHECK_THROWS_AS(nd->values(xs, 0.0, out), std::logic_error);
  const auto plane = makeObjective("expr:f=x+y");
  CHECK_THROWS_AS(plane->values(xs, 0.0, shorter), std::logic_error);
}
