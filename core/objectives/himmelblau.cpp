#include "core/objectives/himmelblau.h"

#include "core/util/kernel_attributes.h"

namespace optiscope {
namespace {

// valueAndGradient's expressions over a batch of points, vectorized and bit for bit the same.
OPTISCOPE_KERNEL void himmelblauBatch(Eigen::Index n, const double* __restrict x,
                                      const double* __restrict y, double* __restrict f,
                                      double* __restrict gx, double* __restrict gy) {
  OPTISCOPE_SIMD
  for (Eigen::Index i = 0; i < n; ++i) {
    const double px = x[i], py = y[i];
    const double a = (px * px + py) - 11.0;
    const double b = (px + py * py) - 7.0;
    gx[i] = (4.0 * px) * a + 2.0 * b;
    gy[i] = 2.0 * a + (4.0 * py) * b;
    f[i] = a * a + b * b;
  }
}

}  // namespace

ObjectiveInfo Himmelblau::describe() {
  return {"himmelblau",
          "four equal minima (value 0) around a central maximum",
          false,
          {},
          [](const ParamValues&) { return std::make_unique<Himmelblau>(); }};
}

double Himmelblau::value(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  const double a = (x[0] * x[0] + x[1]) - 11.0;
  const double b = (x[0] + x[1] * x[1]) - 7.0;
  return a * a + b * b;
}

void Himmelblau::values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                        Eigen::Ref<Eigen::VectorXd> out) const {
  if (out.size() != xs.size()) {
    Objective::values(xs, y, out);  // throws the common error
    return;
  }
  const double* __restrict x = xs.data();
  double* __restrict f = out.data();
  const double ySquared = y * y;
  for (Eigen::Index i = 0; i < xs.size(); ++i) {
    const double a = (x[i] * x[i] + y) - 11.0;
    const double b = (x[i] + ySquared) - 7.0;
    f[i] = a * a + b * b;
  }
}

double Himmelblau::valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                                    Eigen::Ref<Eigen::VectorXd> g) const {
  // Literal expressions in torch's evaluation order: parity tests compare bit for bit.
  const double px = x[0], py = x[1];
  const double a = (px * px + py) - 11.0;
  const double b = (px + py * py) - 7.0;
  g[0] = (4.0 * px) * a + 2.0 * b;
  g[1] = 2.0 * a + (4.0 * py) * b;
  return a * a + b * b;
}

void Himmelblau::valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                                    const Eigen::Ref<const Eigen::VectorXd>& y,
                                    Eigen::Ref<Eigen::VectorXd> f, Eigen::Ref<Eigen::VectorXd> gx,
                                    Eigen::Ref<Eigen::VectorXd> gy) const {
  if (!batchFits(x, y, f, gx, gy)) {
    Objective::valuesAndGradients(x, y, f, gx, gy);  // throws the common error
    return;
  }
  himmelblauBatch(x.size(), x.data(), y.data(), f.data(), gx.data(), gy.data());
}

Eigen::MatrixXd Himmelblau::hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  const double px = x[0], py = x[1];
  const double a = (px * px + py) - 11.0;
  const double b = (px + py * py) - 7.0;
  Eigen::Matrix2d h;
  h << 4.0 * a + 8.0 * px * px + 2.0, 4.0 * (px + py),  //
      4.0 * (px + py), 4.0 * b + 8.0 * py * py + 2.0;
  return h;
}

std::vector<Minimum> Himmelblau::globalMinima() const {
  // Roots of the gradient refined to 40 digits (mpmath), rounded to double.
  return {{Eigen::Vector2d(3.0, 2.0), 0.0},
          {Eigen::Vector2d(-2.805118086952745, 3.131312518250573), 0.0},
          {Eigen::Vector2d(-3.779310253377747, -3.2831859912861696), 0.0},
          {Eigen::Vector2d(3.5844283403304917, -1.8481265269644036), 0.0}};
}

Box Himmelblau::viewBox() const { return {Eigen::Vector2d(-5.0, -5.0), Eigen::Vector2d(5.0, 5.0)}; }

Eigen::VectorXd Himmelblau::defaultStart() const { return Eigen::Vector2d(0.5, -1.5); }

std::unique_ptr<Objective> Himmelblau::clone() const { return std::make_unique<Himmelblau>(*this); }

}  // namespace optiscope
