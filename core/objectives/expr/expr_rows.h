#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/objectives/expr/expr_tape.h"

namespace optiscope::expr {

// A 2D tape rearranged to evaluate one landscape row (many x, one y) fast, like numexpr:
//  - what does not depend on x (y, constants and everything built from them only) is computed
//    once per row;
//  - every operation on x runs as a tight loop over a block of kBlock points, so the
//    interpreter's dispatch is paid once per block instead of once per point, and the loops
//    vectorize.
// Each loop applies the very operation Tape::value() applies (expr_ops.h's apply), so a row is
// bit for bit the values at its points.
class RowProgram {
 public:
  static constexpr int kBlock = 256;

  explicit RowProgram(const Tape& tape);

  // out[i] = f(xs[i], y) for the tape this program was built from; sizes are checked by the
  // caller. Scratch space is per thread and reused, so rows allocate nothing after the first.
  void evaluate(const Tape& tape, const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                Eigen::Ref<Eigen::VectorXd> out) const;

 private:
  // Where a loop reads an operand: a register of kBlock values, the row's x, or a value that
  // is the same all along the row.
  enum class Source : unsigned char { Register, X, Uniform };
  struct Operand {
    Source source = Source::Uniform;
    int index = 0;  // register number, or tape node for Uniform
  };
  struct Step {
    Op op;
    Operand a, b;
    double constant;
    int out;  // register
    // The loop for this operation and operand shape, chosen once here rather than per block.
    void (*loop)(const double* a, double sa, const double* b, double sb, double* out, double c);
  };

  std::vector<int> m_uniformNodes;  // tape nodes that do not depend on x, in order
  std::vector<Step> m_steps;        // one loop per node that depends on x
  Operand m_result;
  int m_registers = 0;
};

}  // namespace optiscope::expr
