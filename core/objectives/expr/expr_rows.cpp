#include "core/objectives/expr/expr_rows.h"

#include <algorithm>

namespace optiscope::expr {
namespace {

constexpr int kBlock = RowProgram::kBlock;

// Operand shapes of one loop: a unary operation, or a binary one on two blocks, a block and a
// row constant, or a row constant and a block.
enum Shape { kUnary, kBlockBlock, kBlockScalar, kScalarBlock };

using Loop = void (*)(const double* a, double sa, const double* b, double sb, double* out,
                      double c);

// Each loop is compiled for AVX-512, AVX (+FMA) and baseline x86-64, and the loader picks one
// clone for the CPU, as core/optim/kernel_dispatch.h does for the optimizer kernels (see there
// why not under sanitizers). The clones perform the same IEEE operations (-ffp-contract=off
// forbids fusing), so rows stay bit for bit the scalar value(); only the vector width differs.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define OPTISCOPE_ROW_KERNEL __attribute__((target_clones("avx512f", "fma", "default")))
#else
#define OPTISCOPE_ROW_KERNEL
#endif

// Always the full block: a trip count known at compile time lets -O2 vectorize the loop
// without a scalar remainder (the last, partial block runs on padding).
template <Op kOp, Shape kShape>
OPTISCOPE_ROW_KERNEL void loop(const double* __restrict a, double sa, const double* __restrict b,
                               double sb, double* __restrict out, double c) {
  for (int i = 0; i < kBlock; ++i) {
    if constexpr (kShape == kUnary) out[i] = apply(kOp, a[i], 0.0, c);
    if constexpr (kShape == kBlockBlock) out[i] = apply(kOp, a[i], b[i], c);
    if constexpr (kShape == kBlockScalar) out[i] = apply(kOp, a[i], sb, c);
    if constexpr (kShape == kScalarBlock) out[i] = apply(kOp, sa, b[i], c);
  }
}

template <Op kOp>
Loop binaryLoop(Shape shape) {
  switch (shape) {
    case kBlockBlock:
      return &loop<kOp, kBlockBlock>;
    case kBlockScalar:
      return &loop<kOp, kBlockScalar>;
    default:
      return &loop<kOp, kScalarBlock>;
  }
}

Loop loopFor(Op op, Shape shape) {
  switch (op) {
    case Op::Neg:
      return &loop<Op::Neg, kUnary>;
    case Op::Square:
      return &loop<Op::Square, kUnary>;
    case Op::PowConst:
      return &loop<Op::PowConst, kUnary>;
    case Op::Abs:
      return &loop<Op::Abs, kUnary>;
    case Op::Sqrt:
      return &loop<Op::Sqrt, kUnary>;
    case Op::Exp:
      return &loop<Op::Exp, kUnary>;
    case Op::Log:
      return &loop<Op::Log, kUnary>;
    case Op::Log1p:
      return &loop<Op::Log1p, kUnary>;
    case Op::Sin:
      return &loop<Op::Sin, kUnary>;
    case Op::Cos:
      return &loop<Op::Cos, kUnary>;
    case Op::Tan:
      return &loop<Op::Tan, kUnary>;
    case Op::Tanh:
      return &loop<Op::Tanh, kUnary>;
    case Op::Sinh:
      return &loop<Op::Sinh, kUnary>;
    case Op::Cosh:
      return &loop<Op::Cosh, kUnary>;
    case Op::Atan:
      return &loop<Op::Atan, kUnary>;
    case Op::Add:
      return binaryLoop<Op::Add>(shape);
    case Op::Sub:
      return binaryLoop<Op::Sub>(shape);
    case Op::Mul:
      return binaryLoop<Op::Mul>(shape);
    case Op::Div:
      return binaryLoop<Op::Div>(shape);
    case Op::Pow:
      return binaryLoop<Op::Pow>(shape);
    case Op::Atan2:
      return binaryLoop<Op::Atan2>(shape);
    case Op::Min:
      return binaryLoop<Op::Min>(shape);
    case Op::Max:
      return binaryLoop<Op::Max>(shape);
    case Op::Hypot:
      return binaryLoop<Op::Hypot>(shape);
    case Op::Const:
    case Op::Var:
    case Op::Param:
      break;
  }
  return nullptr;  // leaves are never steps
}

}  // namespace

RowProgram::RowProgram(const Tape& tape) {
  const std::vector<Node>& code = tape.code();
  const int size = static_cast<int>(code.size());
  std::vector<bool> onX(code.size(), false);
  std::vector<int> lastUse(code.size(), -1);
  for (int k = 0; k < size; ++k) {
    const Node& n = code[static_cast<size_t>(k)];
    if (n.op == Op::Var) onX[static_cast<size_t>(k)] = n.index == 0;
    if (n.a >= 0) lastUse[static_cast<size_t>(n.a)] = k;
    if (n.b >= 0) lastUse[static_cast<size_t>(n.b)] = k;
    if (n.a >= 0 && onX[static_cast<size_t>(n.a)]) onX[static_cast<size_t>(k)] = true;
    if (n.b >= 0 && onX[static_cast<size_t>(n.b)]) onX[static_cast<size_t>(k)] = true;
  }

  std::vector<Operand> operands(code.size());
  std::vector<int> freeRegisters;
  for (int k = 0; k < size; ++k) {
    const Node& n = code[static_cast<size_t>(k)];
    if (!onX[static_cast<size_t>(k)]) {
      m_uniformNodes.push_back(k);
      operands[static_cast<size_t>(k)] = {Source::Uniform, k};
      continue;
    }
    if (n.op == Op::Var) {
      operands[static_cast<size_t>(k)] = {Source::X, 0};
      continue;
    }
    Step step{n.op, operands[static_cast<size_t>(n.a)], {}, n.constant, 0, nullptr};
    Shape shape = kUnary;
    if (n.b >= 0) {
      step.b = operands[static_cast<size_t>(n.b)];
      shape = step.a.source == Source::Uniform   ? kScalarBlock
              : step.b.source == Source::Uniform ? kBlockScalar
                                                 : kBlockBlock;
    }
    step.loop = loopFor(n.op, shape);
    // The output register is taken before the operands' are released: a loop's output never
    // aliases its inputs (the loops are declared __restrict).
    if (freeRegisters.empty()) {
      step.out = m_registers++;
    } else {
      step.out = freeRegisters.back();
      freeRegisters.pop_back();
    }
    operands[static_cast<size_t>(k)] = {Source::Register, step.out};
    for (const int operand : {n.a, n.b}) {
      if (operand < 0 || lastUse[static_cast<size_t>(operand)] != k) continue;
      const Operand& used = operands[static_cast<size_t>(operand)];
      if (used.source == Source::Register &&
          std::find(freeRegisters.begin(), freeRegisters.end(), used.index) == freeRegisters.end())
        freeRegisters.push_back(used.index);
    }
    m_steps.push_back(step);
  }
  m_result = operands.back();
}

void RowProgram::evaluate(const Tape& tape, const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                          Eigen::Ref<Eigen::VectorXd> out) const {
  const std::vector<Node>& code = tape.code();
  // Uniform node values, the registers and a padded copy of the last partial block of x.
  thread_local std::vector<double> scratch;
  const size_t needed = code.size() + static_cast<size_t>(m_registers + 1) * kBlock;
  if (scratch.size() < needed) scratch.resize(needed);
  double* uniform = scratch.data();
  double* registers = uniform + code.size();
  double* paddedX = registers + static_cast<size_t>(m_registers) * kBlock;

  for (const int k : m_uniformNodes) {
    const Node& n = code[static_cast<size_t>(k)];
    if (n.op == Op::Const) {
      uniform[k] = n.constant;
    } else if (n.op == Op::Var) {
      uniform[k] = y;  // the only coordinate a uniform node can read
    } else {
      uniform[k] = apply(n.op, uniform[n.a], n.b >= 0 ? uniform[n.b] : 0.0, n.constant);
    }
  }
  const Eigen::Index count = xs.size();
  if (m_result.source == Source::Uniform) {
    out.setConstant(uniform[m_result.index]);
    return;
  }

  for (Eigen::Index start = 0; start < count; start += kBlock) {
    const int length = static_cast<int>(std::min<Eigen::Index>(kBlock, count - start));
    const double* x = xs.data() + start;
    if (length < kBlock) {
      std::copy(x, x + length, paddedX);
      std::fill(paddedX + length, paddedX + kBlock, 0.0);
      x = paddedX;
    }
    const auto block = [&](const Operand& o) -> const double* {
      return o.source == Source::X ? x : registers + static_cast<size_t>(o.index) * kBlock;
    };
    for (const Step& step : m_steps) {
      const bool aScalar = step.a.source == Source::Uniform;
      const bool bScalar = step.b.source == Source::Uniform;
      step.loop(aScalar ? nullptr : block(step.a), aScalar ? uniform[step.a.index] : 0.0,
                bScalar ? nullptr : block(step.b), bScalar ? uniform[step.b.index] : 0.0,
                registers + static_cast<size_t>(step.out) * kBlock, step.constant);
    }
    const double* result = block(m_result);
    std::copy(result, result + length, out.data() + start);
  }
}

}  // namespace optiscope::expr
