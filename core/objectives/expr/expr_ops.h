#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace optiscope::expr {

// The operations a typed formula compiles to. Leaves (Const, Var, Param) load a value; unary
// operations read operand `a`, binary ones `a` and `b`. Square and PowConst are what `u^c`
// becomes once the exponent is a known constant: they keep the derivatives away from log(u),
// which is NaN for u < 0 although u^2 is perfectly smooth there.
enum class Op : std::uint8_t {
  Const,
  Var,
  Param,
  // unary
  Neg,
  Square,
  PowConst,  // a^c with the constant c stored in the instruction
  Abs,
  Sqrt,
  Exp,
  Log,
  Log1p,
  Sin,
  Cos,
  Tan,
  Tanh,
  Sinh,
  Cosh,
  Atan,
  // binary
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Atan2,
  Min,
  Max,
  Hypot,
};

inline bool isLeaf(Op op) { return op == Op::Const || op == Op::Var || op == Op::Param; }
inline bool isBinary(Op op) { return op >= Op::Add; }

// A function a formula may call by name, and how many arguments it takes.
struct FunctionInfo {
  std::string_view name;
  Op op;
  int arity;
};

// abs sqrt exp log log1p sin cos tan tanh sinh cosh atan atan2 min max pow hypot.
std::optional<FunctionInfo> findFunction(std::string_view name);
// "abs, sqrt, ...": for error messages.
std::string_view functionList();

// The value of one operation. `c` is the constant of PowConst. These few lines are the only
// definition of each operation, shared by the scalar, row and derivative evaluators, so the
// landscape grid and the optimizers see the same bits.
inline double apply(Op op, double a, double b, double c) {
  switch (op) {
    case Op::Neg:
      return -a;
    case Op::Square:
      return a * a;
    case Op::PowConst:
      return std::pow(a, c);
    case Op::Abs:
      return std::fabs(a);
    case Op::Sqrt:
      return std::sqrt(a);
    case Op::Exp:
      return std::exp(a);
    case Op::Log:
      return std::log(a);
    case Op::Log1p:
      return std::log1p(a);
    case Op::Sin:
      return std::sin(a);
    case Op::Cos:
      return std::cos(a);
    case Op::Tan:
      return std::tan(a);
    case Op::Tanh:
      return std::tanh(a);
    case Op::Sinh:
      return std::sinh(a);
    case Op::Cosh:
      return std::cosh(a);
    case Op::Atan:
      return std::atan(a);
    case Op::Add:
      return a + b;
    case Op::Sub:
      return a - b;
    case Op::Mul:
      return a * b;
    case Op::Div:
      return a / b;
    case Op::Pow:
      return std::pow(a, b);
    case Op::Atan2:
      return std::atan2(a, b);
    case Op::Min:
      // At a tie or a NaN: the second argument, the same rule as the derivative below.
      return a < b ? a : b;
    case Op::Max:
      return a > b ? a : b;
    case Op::Hypot:
      return std::hypot(a, b);
    case Op::Const:
    case Op::Var:
    case Op::Param:
      break;
  }
  return c;
}

// First and second partial derivatives of one operation r = op(a, b) at (a, b), given its
// value r. Unary operations leave the b entries at 0.
struct Partials {
  double a = 0.0, b = 0.0;              // ∂r/∂a, ∂r/∂b
  double aa = 0.0, ab = 0.0, bb = 0.0;  // second derivatives
};

// `second` = false skips the second derivatives (the gradient needs only the first).
Partials partials(Op op, double a, double b, double c, double r, bool second);

}  // namespace optiscope::expr
