#include "core/objectives/expr/expr_ops.h"

#include <array>

namespace optiscope::expr {
namespace {

constexpr std::array<FunctionInfo, 17> kFunctions = {{
    {"abs", Op::Abs, 1},
    {"sqrt", Op::Sqrt, 1},
    {"exp", Op::Exp, 1},
    {"log", Op::Log, 1},
    {"log1p", Op::Log1p, 1},
    {"sin", Op::Sin, 1},
    {"cos", Op::Cos, 1},
    {"tan", Op::Tan, 1},
    {"tanh", Op::Tanh, 1},
    {"sinh", Op::Sinh, 1},
    {"cosh", Op::Cosh, 1},
    {"atan", Op::Atan, 1},
    {"atan2", Op::Atan2, 2},
    {"min", Op::Min, 2},
    {"max", Op::Max, 2},
    {"pow", Op::Pow, 2},
    {"hypot", Op::Hypot, 2},
}};

double sign(double a) { return static_cast<double>((a > 0.0) - (a < 0.0)); }

}  // namespace

std::optional<FunctionInfo> findFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions)
    if (f.name == name) return f;
  return std::nullopt;
}

std::string_view functionList() {
  return "abs, sqrt, exp, log, log1p, sin, cos, tan, tanh, sinh, cosh, atan, atan2, min, max, "
         "pow, hypot";
}

Partials partials(Op op, double a, double b, double c, double r, bool second) {
  Partials p;
  switch (op) {
    case Op::Neg:
      p.a = -1.0;
      break;
    case Op::Square:
      p.a = 2.0 * a;
      p.aa = 2.0;
      break;
    case Op::PowConst:
      // c·a^(c−1) and c(c−1)·a^(c−2), written with powers of a (not r/a) so that a = 0 is fine.
      p.a = c * std::pow(a, c - 1.0);
      if (second) p.aa = c * (c - 1.0) * std::pow(a, c - 2.0);
      break;
    case Op::Abs:
      p.a = sign(a);  // 0 at the kink, as torch's sign
      break;
    case Op::Sqrt:
      p.a = 0.5 / r;
      if (second) p.aa = -0.25 / (r * a);
      break;
    case Op::Exp:
      p.a = r;
      p.aa = r;
      break;
    case Op::Log:
      p.a = 1.0 / a;
      if (second) p.aa = -1.0 / (a * a);
      break;
    case Op::Log1p:
      p.a = 1.0 / (1.0 + a);
      if (second) p.aa = -(p.a * p.a);
      break;
    case Op::Sin:
      p.a = std::cos(a);
      p.aa = -r;
      break;
    case Op::Cos:
      p.a = -std::sin(a);
      p.aa = -r;
      break;
    case Op::Tan:
      p.a = 1.0 + r * r;
      if (second) p.aa = 2.0 * r * p.a;
      break;
    case Op::Tanh:
      p.a = 1.0 - r * r;
      if (second) p.aa = -2.0 * r * p.a;
      break;
    case Op::Sinh:
      p.a = std::cosh(a);
      p.aa = r;
      break;
    case Op::Cosh:
      p.a = std::sinh(a);
      p.aa = r;
      break;
    case Op::Atan: {
      const double q = 1.0 + a * a;
      p.a = 1.0 / q;
      if (second) p.aa = -2.0 * a / (q * q);
      break;
    }
    case Op::Add:
      p.a = 1.0;
      p.b = 1.0;
      break;
    case Op::Sub:
      p.a = 1.0;
      p.b = -1.0;
      break;
    case Op::Mul:
      p.a = b;
      p.b = a;
      p.ab = 1.0;
      break;
    case Op::Div:
      p.a = 1.0 / b;
      p.b = -r / b;
      if (second) {
        p.ab = -1.0 / (b * b);
        p.bb = 2.0 * r / (b * b);
      }
      break;
    case Op::Pow: {
      // r = a^b = exp(b·ln a): ∂a = b·a^(b−1), ∂b = r·ln a.
      const double logA = std::log(a);
      const double powMinusOne = std::pow(a, b - 1.0);
      p.a = b * powMinusOne;
      // 0^b is 0 for every b > 0: no slope in b there, where r·ln a would be 0·(−inf).
      p.b = r == 0.0 ? 0.0 : r * logA;
      if (second) {
        p.aa = b * (b - 1.0) * std::pow(a, b - 2.0);
        p.ab = powMinusOne * (1.0 + b * logA);
        p.bb = r == 0.0 ? 0.0 : p.b * logA;
      }
      break;
    }
    case Op::Atan2: {
      // r = atan2(a, b), the angle of the point (b, a).
      const double q = a * a + b * b;
      p.a = b / q;
      p.b = -a / q;
      if (second) {
        const double q2 = q * q;
        p.aa = -2.0 * a * b / q2;
        p.bb = 2.0 * a * b / q2;
        p.ab = (a * a - b * b) / q2;
      }
      break;
    }
    case Op::Min:
      // The branch apply() took: a when a < b, else b.
      if (a < b) {
        p.a = 1.0;
      } else {
        p.b = 1.0;
      }
      break;
    case Op::Max:
      if (a > b) {
        p.a = 1.0;
      } else {
        p.b = 1.0;
      }
      break;
    case Op::Hypot:
      p.a = a / r;
      p.b = b / r;
      if (second) {
        const double r3 = r * r * r;
        p.aa = b * b / r3;
        p.bb = a * a / r3;
        p.ab = -a * b / r3;
      }
      break;
    case Op::Const:
    case Op::Var:
    case Op::Param:
      break;
  }
  return p;
}

}  // namespace optiscope::expr
