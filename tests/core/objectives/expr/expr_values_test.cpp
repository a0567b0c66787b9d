// Typed formulas against an independent evaluation: each formula is also written by hand in
// C++ here, and the compiled tape must agree with it to 1e-12 relative, its gradient with
// finite differences, its Hessian with finite differences of the gradient.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "core/objectives/objective.h"
#include "core/objectives/objective_test_support.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

struct HandWritten {
  std::string spec;
  std::function<double(const Eigen::VectorXd&)> f;
};

double relativeDifference(double a, double b) {
  return std::abs(a - b) / std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

const std::vector<HandWritten>& cases() {
  using std::numbers::e;
  using std::numbers::pi;
  static const std::vector<HandWritten> table = {
      {"expr:f=(1-x)^2+100*(y-x^2)^2",
       [](const Eigen::VectorXd& v) {
         return std::pow(1 - v[0], 2) + 100 * std::pow(v[1] - v[0] * v[0], 2);
       }},
      {"expr:f=a*x^2+b*y^2,a=1,b=10",
       [](const Eigen::VectorXd& v) { return v[0] * v[0] + 10 * v[1] * v[1]; }},
      {"expr:f=-x^2+y^3-2^-x+2^3^0.5",
       [](const Eigen::VectorXd& v) {
         return -(v[0] * v[0]) + std::pow(v[1], 3) - std::pow(2.0, -v[0]) +
                std::pow(2.0, std::pow(3.0, 0.5));
       }},
      {"expr:f=sin(x)*cos(y)+tan(x/4)+tanh(y)-sinh(x/3)+cosh(y/3)+atan(x*y)",
       [](const Eigen::VectorXd& v) {
         return std::sin(v[0]) * std::cos(v[1]) + std::tan(v[0] / 4) + std::tanh(v[1]) -
                std::sinh(v[0] / 3) + std::cosh(v[1] / 3) + std::atan(v[0] * v[1]);
       }},
      {"expr:f=exp(-(x^2+y^2)/2)+log(1+x^2)+log1p(y^2)+sqrt(x^2+y^2+1)",
       [](const Eigen::VectorXd& v) {
         return std::exp(-(v[0] * v[0] + v[1] * v[1]) / 2) + std::log(1 + v[0] * v[0]) +
                std::log1p(v[1] * v[1]) + std::sqrt(v[0] * v[0] + v[1] * v[1] + 1);
       }},
      {"expr:f=atan2(y,x+3)+hypot(x,y)+pow(x^2+1,y/2)+abs(x-y)",
       [](const Eigen::VectorXd& v) {
         return std::atan2(v[1], v[0] + 3) + std::hypot(v[0], v[1]) +
                std::pow(v[0] * v[0] + 1, v[1] / 2) + std::abs(v[0] - v[1]);
       }},
      {"expr:f=min(x,y)^2+max(x+1,2*y)+e^(x/5)-pi*y",
       [](const Eigen::VectorXd& v) {
         return std::pow(std::min(v[0], v[1]), 2) + std::max(v[0] + 1, 2 * v[1]) +
                std::pow(e, v[0] / 5) - pi * v[1];
       }},
      {"expr:f=1e-3*x^4 - 2.5E+1*y/(1.5+x^2) + .5*x*y",
       [](const Eigen::VectorXd& v) {
         return 1e-3 * std::pow(v[0], 4) - 25 * v[1] / (1.5 + v[0] * v[0]) + 0.5 * v[0] * v[1];
       }},
      {"expr:f=k*(x1-1)^2+(x2+x3)^2+x3^4/c,k=3,c=7",
       [](const Eigen::VectorXd& v) {
         return 3 * std::pow(v[0] - 1, 2) + std::pow(v[1] + v[2], 2) + std::pow(v[2], 4) / 7;
       }},
      // Himmelblau, written as the literature writes it.
      {"expr:f=(x^2+y-11)^2+(x+y^2-7)^2",
       [](const Eigen::VectorXd& v) {
         return std::pow(v[0] * v[0] + v[1] - 11, 2) + std::pow(v[0] + v[1] * v[1] - 7, 2);
       }},
  };
  return table;
}

}  // namespace

TEST_CASE("typed formulas agree with the same formulas written by hand to 1e-12") {
  for (const HandWritten& c : cases()) {
    INFO(c.spec);
    const auto f = makeObjective(c.spec);
    int checked = 0;
    for (const Eigen::VectorXd& x : randomPointsIn(f->viewBox(), 40, 7)) {
      const double expected = c.f(x);
      if (!std::isfinite(expected)) continue;
      INFO("at " << x.transpose());
      CHECK(relativeDifference(f->value(x), expected) <= 1e-12);
      ++checked;
    }
    CHECK(checked >= 35);
  }
}

TEST_CASE("gradients and Hessians of typed formulas match finite differences") {
  for (const HandWritten& c : cases()) {
    INFO(c.spec);
    const auto f = makeObjective(c.spec);
    for (const Eigen::VectorXd& x : randomPointsIn(f->viewBox(), 12, 11)) {
      INFO("at " << x.transpose());
      const Eigen::VectorXd g = gradientAt(*f, x);
      Eigen::VectorXd g2(x.size());
      CHECK(f->valueAndGradient(x, g2) == f->value(x));
      CHECK(g2 == g);
      // abs and min/max have kinks: stay clear of them for the difference quotients.
      if (c.spec.find("abs") != std::string::npos && std::abs(x[0] - x[1]) < 0.01) continue;
      if (c.spec.find("min(") != std::string::npos &&
          (std::abs(x[0] - x[1]) < 0.01 || std::abs(x[0] + 1 - 2 * x[1]) < 0.01))
        continue;
      CHECK(scaledMaxDifference(g, finiteDifferenceGradient(*f, x)) < 1e-7);
      const Eigen::MatrixXd h = f->hessian(x);
      CHECK(h.rows() == x.size());
      CHECK(scaledMaxDifference(h, finiteDifferenceHessian(*f, x)) < 1e-7);
      CHECK((h - h.transpose()).cwiseAbs().maxCoeff() == 0.0);
    }
  }
}

TEST_CASE("the typed Rosenbrock is the built-in one to 1e-14 in values and gradients") {
  const auto typed = makeObjective("expr:f=(1-x)^2+100*(y-x^2)^2");
  const auto builtIn = makeObjective("rosenbrock");
  Box box = builtIn->viewBox();
  int compared = 0;
  for (const Eigen::VectorXd& x : randomPointsIn(box, 500, 3)) {
    INFO("at " << x.transpose());
    const Eigen::VectorXd gt = gradientAt(*typed, x), gb = gradientAt(*builtIn, x);
    CHECK(relativeDifference(typed->value(x), builtIn->value(x)) <= 1e-14);
    // Relative to the gradient's size: a component that nearly cancels has no relative
    // accuracy in either implementation.
    CHECK((gt - gb).cwiseAbs().maxCoeff() <= 1e-14 * std::max(1.0, gb.cwiseAbs().maxCoeff()));
    CHECK(scaledMaxDifference(typed->hessian(x), builtIn->hessian(x)) <= 1e-13);
    ++compared;
  }
  CHECK(compared == 500);
}

TEST_CASE("the dimension of a typed formula is its highest variable") {
  CHECK(makeObjective("expr:f=x^2")->dim() == 2);
  CHECK(makeObjective("expr:f=y")->dim() == 2);
  CHECK(makeObjective("expr:f=3")->dim() == 2);
  CHECK(makeObjective("expr:f=x1^2")->dim() == 1);
  const auto f = makeObjective("expr:f=x7^2+x2");
  REQUIRE(f->dim() == 7);
  Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(7, 1.0, 7.0);
  Eigen::VectorXd g(7);
  CHECK(f->valueAndGradient(x, g) == 51.0);
  Eigen::VectorXd expected = Eigen::VectorXd::Zero(7);
  expected[1] = 1.0;
  expected[6] = 14.0;
  CHECK(g == expected);
}

TEST_CASE("operator precedence and associativity are those of mathematics") {
  const Eigen::Vector2d at(3.0, 2.0);
  const auto value = [&](const std::string& formula) {
    return makeObjective("expr:f=" + formula)->value(at);
  };
  CHECK(value("-x^2") == -9.0);     // -(x^2)
  CHECK(value("2^y^x") == 256.0);   // 2^(2^3)
  CHECK(value("2^-y") == 0.25);     // 2^(-2)
  CHECK(value("x-y-1") == 0.0);     // (x-y)-1
  CHECK(value("x/y/3") == 0.5);     // (x/y)/3
  CHECK(value("1+x*y^2") == 13.0);  // 1+(x*(y^2))
  CHECK(value("-x*-y") == 6.0);     // (-x)*(-y)
  CHECK(value("+x - -y") == 5.0);
  CHECK(value("(x+y)*(x-y)") == 5.0);
  CHECK(value("  x  *  y  ") == 6.0);
  CHECK(value("pow(y,x)") == 8.0);
  CHECK(value("1.5e1+2E-1") == 15.2);
}
