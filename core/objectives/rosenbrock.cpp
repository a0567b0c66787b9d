#include "core/objectives/rosenbrock.h"

#include "core/util/kernel_attributes.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// valueAndGradient's 2D expressions over a batch of points; vectorized, each point bit for bit
// what valueAndGradient gives (the same IEEE operations in the same order).
OPTISCOPE_KERNEL void rosenbrockBatch(Eigen::Index n, const double* __restrict x,
                                      const double* __restrict y, double* __restrict f,
                                      double* __restrict gx, double* __restrict gy) {
  OPTISCOPE_SIMD
  for (Eigen::Index i = 0; i < n; ++i) {
    const double px = x[i], py = y[i];
    const double t = py - px * px;
    gx[i] = (-2.0 * (1.0 - px)) - ((400.0 * px) * t);
    gy[i] = 200.0 * t;
    f[i] = (1.0 - px) * (1.0 - px) + 100.0 * (t * t);
  }
}

}  // namespace

Rosenbrock::Rosenbrock(Eigen::Index dim) : m_dim(dim) {
  if (dim < 2) throw SpecError("rosenbrock: dim must be >= 2");
}

ObjectiveInfo Rosenbrock::describe() {
  return {"rosenbrock",
          "curved narrow valley; minimum 0 at (1, ..., 1)",
          true,
          {integerParam("dim", 2, "number of coordinates", 2, 100000)},
          [](const ParamValues& v) { return std::make_unique<Rosenbrock>(v.integer("dim")); }};
}

double Rosenbrock::value(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  double f = 0.0;
  for (Eigen::Index i = 0; i + 1 < m_dim; ++i) {
    const double t = x[i + 1] - x[i] * x[i];
    f += (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * (t * t);
  }
  return f;
}

void Rosenbrock::values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                        Eigen::Ref<Eigen::VectorXd> out) const {
  if (m_dim != 2 || out.size() != xs.size()) {
    Objective::values(xs, y, out);  // throws the common error
    return;
  }
  const double* __restrict x = xs.data();
  double* __restrict f = out.data();
  // value()'s loop body for i = 0, including its start from f = 0, written out for two points
  // at a time: straight-line pairs that the compiler's SLP pass turns into vector instructions
  // at -O2 (the loop vectorizer would need -O3 or -fopenmp-simd here).
  const Eigen::Index n = xs.size();
  Eigen::Index i = 0;
  for (; i + 2 <= n; i += 2) {
    const double x0 = x[i], x1 = x[i + 1];
    const double t0 = y - x0 * x0, t1 = y - x1 * x1;
    const double a0 = 1.0 - x0, a1 = 1.0 - x1;
    f[i] = 0.0 + (a0 * a0 + 100.0 * (t0 * t0));
    f[i + 1] = 0.0 + (a1 * a1 + 100.0 * (t1 * t1));
  }
  for (; i < n; ++i) {
    const double t = y - x[i] * x[i];
    f[i] = 0.0 + ((1.0 - x[i]) * (1.0 - x[i]) + 100.0 * (t * t));
  }
}

double Rosenbrock::valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                                    Eigen::Ref<Eigen::VectorXd> g) const {
  // Written out literally (and compiled without fp contraction) because torch parity is
  // bit-exact only if every rounding happens in the same order as in the reference.
  if (m_dim == 2) {
    const double px = x[0], py = x[1];
    const double t = py - px * px;
    g[0] = (-2.0 * (1.0 - px)) - ((400.0 * px) * t);
    g[1] = 200.0 * t;
    return (1.0 - px) * (1.0 - px) + 100.0 * (t * t);
  }
  g.setZero();
  double f = 0.0;
  for (Eigen::Index i = 0; i + 1 < m_dim; ++i) {
    const double t = x[i + 1] - x[i] * x[i];
    g[i] += (-2.0 * (1.0 - x[i])) - ((400.0 * x[i]) * t);
    g[i + 1] += 200.0 * t;
    f += (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * (t * t);
  }
  return f;
}

void Rosenbrock::valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                                    const Eigen::Ref<const Eigen::VectorXd>& y,
                                    Eigen::Ref<Eigen::VectorXd> f, Eigen::Ref<Eigen::VectorXd> gx,
                                    Eigen::Ref<Eigen::VectorXd> gy) const {
  if (!batchFits(x, y, f, gx, gy)) {
    Objective::valuesAndGradients(x, y, f, gx, gy);  // throws the common error
    return;
  }
  rosenbrockBatch(x.size(), x.data(), y.data(), f.data(), gx.data(), gy.data());
}

Eigen::MatrixXd Rosenbrock::hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m_dim, m_dim);
  for (Eigen::Index i = 0; i + 1 < m_dim; ++i) {
    h(i, i) += 2.0 - 400.0 * x[i + 1] + 1200.0 * x[i] * x[i];
    h(i, i + 1) -= 400.0 * x[i];
    h(i + 1, i) -= 400.0 * x[i];
    h(i + 1, i + 1) += 200.0;
  }
  return h;
}

std::vector<Minimum> Rosenbrock::globalMinima() const {
  return {{Eigen::VectorXd::Ones(m_dim), 0.0}};
}

Box Rosenbrock::viewBox() const {
  Box box{Eigen::VectorXd::Constant(m_dim, -2.0), Eigen::VectorXd::Constant(m_dim, 2.0)};
  if (m_dim == 2) {
    box.lower[1] = -1.0;
    box.upper[1] = 3.0;
  }
  return box;
}

Eigen::VectorXd Rosenbrock::defaultStart() const {
  if (m_dim == 2) return Eigen::Vector2d(-1.5, 2.0);
  Eigen::VectorXd start(m_dim);
  for (Eigen::Index i = 0; i < m_dim; ++i) start[i] = i % 2 == 0 ? -1.2 : 1.0;
  return start;
}

std::unique_ptr<Objective> Rosenbrock::clone() const { return std::make_unique<Rosenbrock>(*this); }

}  // namespace optiscope
