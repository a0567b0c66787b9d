#include "core/objectives/expr/expr_minima.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <optional>

namespace optiscope::expr {
namespace {

constexpr int kNewtonIterations = 100;
constexpr int kLineSearchHalvings = 60;

// Halton sequence: evenly spread, deterministic starts in any dimension.
double radicalInverse(int index, int base) {
  double result = 0.0, fraction = 1.0 / base;
  for (int i = index; i > 0; i /= base, fraction /= base) result += fraction * (i % base);
  return result;
}

std::vector<Eigen::VectorXd> startsIn(const Box& box) {
  const Eigen::Index n = box.lower.size();
  const Eigen::VectorXd width = box.upper - box.lower;
  std::vector<Eigen::VectorXd> starts;
  if (n <= 2) {
    // Cell centres of a regular lattice: 12 × 12 in 2D, 24 in 1D.
    const int perAxis = n == 2 ? 12 : 24;
    const int count = n == 2 ? perAxis * perAxis : perAxis;
    for (int k = 0; k < count; ++k) {
      Eigen::VectorXd x(n);
      x[0] = box.lower[0] + (k % perAxis + 0.5) / perAxis * width[0];
      if (n == 2) x[1] = box.lower[1] + (k / perAxis + 0.5) / perAxis * width[1];
      starts.push_back(x);
    }
    return starts;
  }
  static constexpr int kPrimes[kMaxMinimaSearchDimension] = {
      2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71};
  starts.push_back(box.lower + 0.5 * width);
  for (int k = 1; k <= 64; ++k) {
    Eigen::VectorXd x(n);
    for (Eigen::Index i = 0; i < n; ++i)
      x[i] = box.lower[i] + radicalInverse(k, kPrimes[i]) * width[i];
    starts.push_back(x);
  }
  return starts;
}

struct Found {
  Eigen::VectorXd x;
  double f;
};

class NewtonSearch {
 public:
  NewtonSearch(const Tape& tape, const Box& box)
      : m_tape(tape),
        m_scratch(2 * static_cast<size_t>(tape.size())),
        m_lower(box.lower - (box.upper - box.lower)),
        m_upper(box.upper + (box.upper - box.lower)) {}

  std::optional<Found> from(Eigen::VectorXd x) {
    const Eigen::Index n = x.size();
    Eigen::VectorXd g(n), step(n), trial(n);
    double f = m_tape.gradient(x.data(), g.data(), m_scratch.data());
    for (int iteration = 0; iteration < kNewtonIterations; ++iteration) {
      if (!std::isfinite(f) || !g.allFinite() || !inside(x)) return std::nullopt;
      if (g.lpNorm<Eigen::Infinity>() <= 1e-12 * (1.0 + std::abs(f))) break;
      const Eigen::MatrixXd h = m_tape.hessian(x.data());
      if (!h.allFinite()) return std::nullopt;
      // Saddle-free Newton: |eigenvalues|, floored, so every step descends.
      const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(h);
      const Eigen::VectorXd magnitude = eigen.eigenvalues().cwiseAbs();
      const double floor = 1e-10 * std::max(1.0, magnitude.maxCoeff());
      step =
          -eigen.eigenvectors() *
          ((eigen.eigenvectors().transpose() * g).array() / magnitude.array().max(floor)).matrix();
      const double slope = g.dot(step);
      double length = 1.0, trialValue = f;
      bool moved = false;
      for (int halving = 0; halving < kLineSearchHalvings; ++halving, length *= 0.5) {
        trial = x + length * step;
        trialValue = m_tape.value(trial.data(), m_scratch.data());
        if (std::isfinite(trialValue) && trialValue <= f + 1e-4 * length * slope) {
          moved = true;
          break;
        }
      }
      if (!moved) break;  // no decrease left at double precision
      x = trial;
      f = m_tape.gradient(x.data(), g.data(), m_scratch.data());
    }
    if (!std::isfinite(f) || !inside(x)) return std::nullopt;
    if (g.lpNorm<Eigen::Infinity>() > 1e-7 * (1.0 + std::abs(f))) return std::nullopt;
    const Eigen::VectorXd curvature = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(
                                          m_tape.hessian(x.data()), Eigen::EigenvaluesOnly)
                                          .eigenvalues();
    if (!curvature.allFinite()) return std::nullopt;
    const double scale = std::max(1.0, curvature.cwiseAbs().maxCoeff());
    if (curvature.minCoeff() < -1e-6 * scale) return std::nullopt;  // a saddle or a maximum
    return Found{x, f};
  }

 private:
  bool inside(const Eigen::VectorXd& x) const {
    return (x.array() >= m_lower.array()).all() && (x.array() <= m_upper.array()).all();
  }

  const Tape& m_tape;
  std::vector<double> m_scratch;
  Eigen::VectorXd m_lower, m_upper;
};

bool lexicographicallyBefore(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return a[i] < b[i];
  return false;
}

}  // namespace

std::vector<Minimum> findGlobalMinima(const Tape& tape, const Box& box) {
  if (box.lower.size() > kMaxMinimaSearchDimension || tape.dimension() != box.lower.size())
    return {};
  NewtonSearch search(tape, box);
  const double mergeDistance = 1e-6 * std::max(1.0, (box.upper - box.lower).maxCoeff());
  std::vector<Found> found;
  for (const Eigen::VectorXd& start : startsIn(box)) {
    const std::optional<Found> end = search.from(start);
    if (!end) continue;
    bool merged = false;
    for (Found& known : found) {
      if ((known.x - end->x).lpNorm<Eigen::Infinity>() > mergeDistance) continue;
      if (end->f < known.f) known = *end;
      merged = true;
      break;
    }
    if (!merged) found.push_back(*end);
  }
  if (found.empty()) return {};

  double lowest = found.front().f;
  for (const Found& m : found) lowest = std::min(lowest, m.f);
  const double tolerance = 1e-9 * std::max(1.0, std::abs(lowest));
  std::vector<Found> global;
  for (const Found& m : found)
    if (m.f <= lowest + tolerance) global.push_back(m);
  std::sort(global.begin(), global.end(),
            [](const Found& a, const Found& b) { return lexicographicallyBefore(a.x, b.x); });

  // Evenly spaced samples when a whole valley floor is minimal.
  std::vector<Minimum> minima;
  const size_t count = std::min(global.size(), static_cast<size_t>(kMaxReportedMinima));
  for (size_t k = 0; k < count; ++k) {
    const Found& m = global[k * global.size() / count];
    minima.push_back({m.x, m.f});
  }
  return minima;
}

}  // namespace optiscope::expr
