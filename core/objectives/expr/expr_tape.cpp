#include "core/objectives/expr/expr_tape.h"

#include <bit>
#include <cstdint>
#include <map>
#include <tuple>

namespace optiscope::expr {
namespace {

// Builds the compiled code node by node: folds what is constant, shares what repeats.
class Compiler {
 public:
  int constant(double value) { return intern({Op::Const, -1, -1, value, 0}); }

  int node(Node n) {
    const bool aConst = n.a >= 0 && isConstant(n.a);
    const bool bConst = n.b >= 0 && isConstant(n.b);
    if (!isLeaf(n.op) && aConst && (!isBinary(n.op) || bConst))
      return constant(apply(n.op, valueOf(n.a), n.b >= 0 ? valueOf(n.b) : 0.0, n.constant));
    if (n.op == Op::Pow && bConst) {
      // A constant exponent: no log of the base in the derivatives, and u^2 is one product.
      const double c = valueOf(n.b);
      if (c == 1.0) return n.a;
      if (c == 2.0) return intern({Op::Square, n.a, -1, 0.0, 0});
      return intern({Op::PowConst, n.a, -1, c, 0});
    }
    return intern(n);
  }

  std::vector<Node> finish(int root) {
    // Keep only what the value depends on, in the same order.
    std::vector<bool> needed(m_code.size(), false);
    needed[static_cast<size_t>(root)] = true;
    for (int k = root; k >= 0; --k) {
      if (!needed[static_cast<size_t>(k)]) continue;
      const Node& n = m_code[static_cast<size_t>(k)];
      if (n.a >= 0) needed[static_cast<size_t>(n.a)] = true;
      if (n.b >= 0) needed[static_cast<size_t>(n.b)] = true;
    }
    std::vector<int> renumbered(m_code.size(), -1);
    std::vector<Node> kept;
    for (int k = 0; k <= root; ++k) {
      if (!needed[static_cast<size_t>(k)]) continue;
      Node n = m_code[static_cast<size_t>(k)];
      if (n.a >= 0) n.a = renumbered[static_cast<size_t>(n.a)];
      if (n.b >= 0) n.b = renumbered[static_cast<size_t>(n.b)];
      renumbered[static_cast<size_t>(k)] = static_cast<int>(kept.size());
      kept.push_back(n);
    }
    return kept;
  }

 private:
  bool isConstant(int k) const { return m_code[static_cast<size_t>(k)].op == Op::Const; }
  double valueOf(int k) const { return m_code[static_cast<size_t>(k)].constant; }

  int intern(const Node& n) {
    const auto key = std::make_tuple(static_cast<int>(n.op), n.a, n.b,
                                     std::bit_cast<std::uint64_t>(n.constant), n.index);
    const auto [it, inserted] = m_seen.emplace(key, static_cast<int>(m_code.size()));
    if (inserted) m_code.push_back(n);
    return it->second;
  }

  std::vector<Node> m_code;
  std::map<std::tuple<int, int, int, std::uint64_t, int>, int> m_seen;
};

}  // namespace

Tape::Tape(const Formula& formula, const std::vector<double>& parameterValues)
    : m_dimension(formula.dimension) {
  Compiler compiler;
  std::vector<int> compiled(formula.nodes.size());
  for (size_t k = 0; k < formula.nodes.size(); ++k) {
    Node n = formula.nodes[k];
    if (n.op == Op::Param) {
      compiled[k] = compiler.constant(parameterValues.at(static_cast<size_t>(n.index)));
      continue;
    }
    if (n.a >= 0) n.a = compiled[static_cast<size_t>(n.a)];
    if (n.b >= 0) n.b = compiled[static_cast<size_t>(n.b)];
    compiled[k] = compiler.node(n);
  }
  m_code = compiler.finish(compiled.back());
}

void Tape::forward(const double* x, double* v) const {
  for (size_t k = 0; k < m_code.size(); ++k) {
    const Node& n = m_code[k];
    switch (n.op) {
      case Op::Const:
        v[k] = n.constant;
        break;
      case Op::Var:
        v[k] = x[n.index];
        break;
      default:
        v[k] = apply(n.op, v[n.a], n.b >= 0 ? v[n.b] : 0.0, n.constant);
    }
  }
}

double Tape::value(const double* x, double* scratch) const {
  forward(x, scratch);
  return scratch[m_code.size() - 1];
}

void Tape::reverse(const double* v, double* w) const {
  const int last = static_cast<int>(m_code.size()) - 1;
  for (int k = 0; k < last; ++k) w[k] = 0.0;
  w[last] = 1.0;
  for (int k = last; k >= 0; --k) {
    const Node& n = m_code[static_cast<size_t>(k)];
    // A zero adjoint contributes nothing; skipping it also keeps an infinite partial of a
    // branch that does not matter (0·sqrt(x) at x = 0) from turning the gradient into NaN.
    if (isLeaf(n.op) || w[k] == 0.0) continue;
    const Partials p = partials(n.op, v[n.a], n.b >= 0 ? v[n.b] : 0.0, n.constant, v[k], false);
    if (!isConstant(n.a)) w[n.a] += p.a * w[k];
    if (n.b >= 0 && !isConstant(n.b)) w[n.b] += p.b * w[k];
  }
}

double Tape::gradient(const double* x, double* g, double* scratch) const {
  double* v = scratch;
  double* w = scratch + m_code.size();
  forward(x, v);
  reverse(v, w);
  for (int i = 0; i < m_dimension; ++i) g[i] = 0.0;
  for (size_t k = 0; k < m_code.size(); ++k)
    if (m_code[k].op == Op::Var) g[m_code[k].index] += w[k];
  return v[m_code.size() - 1];
}

Eigen::MatrixXd Tape::hessian(const double* x) const {
  const size_t size = m_code.size();
  std::vector<double> v(size), w(size), t(size), s(size);
  std::vector<Partials> p(size);
  forward(x, v.data());
  reverse(v.data(), w.data());
  for (size_t k = 0; k < size; ++k) {
    const Node& n = m_code[k];
    if (!isLeaf(n.op))
      p[k] = partials(n.op, v[n.a], n.b >= 0 ? v[n.b] : 0.0, n.constant, v[k], true);
  }
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m_dimension, m_dimension);
  for (int i = 0; i < m_dimension; ++i) {
    // Tangents t = ∂node/∂x_i (forward), then s = ∂(adjoint)/∂x_i (reverse): row i of H.
    for (size_t k = 0; k < size; ++k) {
      const Node& n = m_code[k];
      if (n.op == Op::Var) {
        t[k] = n.index == i ? 1.0 : 0.0;
      } else if (n.op == Op::Const) {
        t[k] = 0.0;
      } else {
        double tk = t[n.a] == 0.0 ? 0.0 : p[k].a * t[n.a];
        if (n.b >= 0 && t[n.b] != 0.0) tk += p[k].b * t[n.b];
        t[k] = tk;
      }
    }
    for (size_t k = 0; k < size; ++k) s[k] = 0.0;
    for (size_t j = size; j-- > 0;) {
      const Node& n = m_code[j];
      if (n.op == Op::Var) {
        h(i, n.index) += s[j];
        continue;
      }
      if (isLeaf(n.op)) continue;
      const double ta = t[n.a], tb = n.b >= 0 ? t[n.b] : 0.0;
      // Only non-zero terms: a partial may be infinite where its factor is exactly 0.
      auto spread = [&](int operand, double first, double withA, double withB) {
        if (isConstant(operand)) return;
        double d = s[j] == 0.0 ? 0.0 : first * s[j];
        if (w[j] != 0.0) {
          double curvature = ta == 0.0 ? 0.0 : withA * ta;
          if (tb != 0.0) curvature += withB * tb;
          d += w[j] * curvature;
        }
        s[static_cast<size_t>(operand)] += d;
      };
      spread(n.a, p[j].a, p[j].aa, p[j].ab);
      if (n.b >= 0) spread(n.b, p[j].b, p[j].ab, p[j].bb);
    }
  }
  // Symmetric in exact arithmetic; the two triangles may differ in the last bits.
  return 0.5 * (h + h.transpose());
}

}  // namespace optiscope::expr
