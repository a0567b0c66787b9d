#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/objectives/expr/expr_ops.h"

namespace optiscope::expr {

// One operation of a parsed formula. Operands are indices of earlier nodes.
struct Node {
  Op op = Op::Const;
  int a = -1, b = -1;
  double constant = 0.0;  // Const: the value; PowConst: the exponent
  int index = 0;  // Var: the coordinate (x = 0, y = 1; x1 = 0, x2 = 1, ...); Param: its slot
};

// A formula as written: nodes in evaluation order (operands first), the value is the last one.
struct Formula {
  std::vector<Node> nodes;
  int dimension = 2;     // 2 for x, y (also when only one of them, or none, appears); n for x1..xn
  bool indexed = false;  // written with x1..xn
  std::vector<std::string> parameters;  // in order of first use; Param nodes index this list
};

// The most coordinates a formula may use (x1..x1000): larger ones cannot be typed sensibly, and
// the bound keeps a typo like x100000000 from allocating gigabytes.
constexpr int kMaxVariables = 1000;

// Parses a formula:  expr := term (('+'|'-') term)*,  term := unary (('*'|'/') unary)*,
// unary := ('-'|'+') unary | power,  power := primary ('^' unary)?  (right-associative, and
// tighter than a leading minus: -x^2 = -(x^2), 2^-x = 2^(-x)),  primary := number | name |
// function '(' expr (',' expr)* ')' | '(' expr ')'.
// Names: x and y, or x1..xn (not both); pi and e; the functions of findFunction(); anything else
// must be one of `parameterNames`. With parameterNames == nullptr every other name is taken as
// a parameter (to list the parameters a formula needs). Throws SpecError naming the problem and
// its 1-based column in `text`, e.g. "expected ')' at column 14".
Formula parseFormula(std::string_view text, const std::vector<std::string>* parameterNames);

// Whether `name` may name a parameter: an identifier that is not a variable, constant or
// function. Returns the reason it may not, or an empty string.
std::string parameterNameProblem(std::string_view name);

}  // namespace optiscope::expr
