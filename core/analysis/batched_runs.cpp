#include "core/analysis/batched_runs.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/util/kernel_attributes.h"

namespace optiscope {
namespace {

// RunSummary::observe for every running run at once, without a branch per run, and a count of
// the runs whose row is not finite (they diverge at this step). x − x is 0 for a finite x and
// NaN otherwise, so one comparison tests all five values of a row.
OPTISCOPE_KERNEL Eigen::Index observeRows(Eigen::Index n, const double* __restrict loss,
                                          const double* __restrict x, const double* __restrict y,
                                          const double* __restrict gx, const double* __restrict gy,
                                          const double* __restrict running, double* __restrict best,
                                          double* __restrict reached, double step,
                                          double minimumValue) {
  Eigen::Index diverging = 0;
  OPTISCOPE_SIMD_REDUCTION(+ : diverging)
  for (Eigen::Index i = 0; i < n; ++i) {
    // `&` rather than `&&`: no short circuit, so the conditions stay vector masks.
    const double l = loss[i];
    const bool live = running[i] != 0.0;
    best[i] = live & (l < best[i]) ? l : best[i];
    const bool reaches = (reached[i] < 0.0) & (std::abs(l - minimumValue) <= kLossTolerance);
    reached[i] = live & reaches ? step : reached[i];
    const double probe =
        (l - l) + (x[i] - x[i]) + (y[i] - y[i]) + (gx[i] - gx[i]) + (gy[i] - gy[i]);
    diverging += live & !(probe == 0.0) ? 1 : 0;
  }
  return diverging;
}

bool allFinite(double a, double b, double c, double d, double e) {
  return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d) &&
         std::isfinite(e);
}

}  // namespace

bool BatchedRuns::canBatch(const OptimizerConfig& optimizer, const ScheduleConfig& schedule) {
  // reduce_on_plateau (alone or inside a sequence) steps on each run's own loss, so runs of
  // one batch would need different learning rates.
  return makeOptimizer(optimizer)->elementwise() &&
         schedule.spec().find("reduce_on_plateau") == std::string::npos;
}

BatchedRuns::BatchedRuns(const Objective& objective, const OptimizerConfig& optimizer,
                         const ScheduleConfig& schedule, double noiseSigma, std::uint64_t noiseSeed,
                         const Eigen::VectorXd& xs, const Eigen::VectorXd& ys)
    : m_objective(objective.clone()),
      m_optimizer(makeOptimizer(optimizer)),
      m_schedule(makeSchedule(schedule)),
      m_noise(noiseSigma, noiseSeed),
      m_count(xs.size()),
      m_minimumValue(objective.minimumValue()),
      m_running(xs.size()) {
  if (objective.dim() != 2) throw std::logic_error("BatchedRuns needs a 2D function");
  if (ys.size() != xs.size()) throw std::logic_error("BatchedRuns: xs and ys differ in size");
  if (!canBatch(optimizer, schedule))
    throw std::logic_error("BatchedRuns: '" + optimizer.name + "' with schedule '" + schedule.name +
                           "' cannot be stepped as one vector");
  // Run::reset's order: hyperparameters (set by makeOptimizer), state, then the schedule.
  m_optimizer->init(2 * m_count);
  m_schedule->attach(*m_optimizer);
  m_params.resize(2 * m_count);
  m_params.head(m_count) = xs;
  m_params.tail(m_count) = ys;
  m_gradient.resize(2 * m_count);
  m_loss.resize(m_count);
  m_best.setConstant(m_count, std::numeric_limits<double>::infinity());
  m_toleranceStep.setConstant(m_count, -1.0);
  m_running01.setOnes(m_count);
  m_divergedAt.assign(static_cast<std::size_t>(m_count), -1);
  m_divergedLoss.resize(m_count);
  m_divergedX.resize(m_count);
  m_divergedY.resize(m_count);
  evaluate();
  record();
}

void BatchedRuns::evaluate() {
  const Eigen::Index n = m_count;
  m_objective->valuesAndGradients(m_params.head(n), m_params.tail(n), m_loss, m_gradient.head(n),
                                  m_gradient.tail(n));
  if (m_noise.sigma() == 0.0) return;  // as GradientNoise::perturb: -0.0 stays -0.0
  // GradientNoise::perturb's g_i += σ·z(seed, step, i), with i = 0 for x and 1 for y.
  const double zx = m_noise.sigma() * m_noise.standardNormal(m_step, 0);
  const double zy = m_noise.sigma() * m_noise.standardNormal(m_step, 1);
  for (Eigen::Index i = 0; i < n; ++i) m_gradient[i] += zx;
  for (Eigen::Index i = n; i < 2 * n; ++i) m_gradient[i] += zy;
}

void BatchedRuns::record() {
  const Eigen::Index n = m_count;
  const double* x = m_params.data();
  const double* g = m_gradient.data();
  const Eigen::Index diverging =
      observeRows(n, m_loss.data(), x, x + n, g, g + n, m_running01.data(), m_best.data(),
                  m_toleranceStep.data(), static_cast<double>(m_step), m_minimumValue);
  if (diverging == 0) return;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (m_running01[i] == 0.0 || allFinite(m_loss[i], x[i], x[n + i], g[i], g[n + i])) continue;
    m_running01[i] = 0.0;
    m_divergedAt[i] = m_step;
    m_divergedLoss[i] = m_loss[i];
    m_divergedX[i] = x[i];
    m_divergedY[i] = x[n + i];
    --m_running;
  }
}

void BatchedRuns::advance() {
  if (m_running == 0) return;
  m_optimizer->step(m_params, m_gradient);
  ++m_step;
  evaluate();
  record();
  // Only schedules that ignore the loss get here (canBatch).
  m_schedule->step(*m_optimizer, std::numeric_limits<double>::quiet_NaN());
}

RunSummary BatchedRuns::summary(Eigen::Index i) const {
  RunSummary s;
  const bool diverged = m_divergedAt[i] >= 0;
  s.finalLoss = diverged ? m_divergedLoss[i] : m_loss[i];
  s.bestLoss = m_best[i];
  s.stepsToTolerance = static_cast<long long>(m_toleranceStep[i]);
  s.divergedAt = m_divergedAt[i];
  return s;
}

double BatchedRuns::finalX(Eigen::Index i) const {
  return m_divergedAt[i] >= 0 ? m_divergedX[i] : m_params[i];
}

double BatchedRuns::finalY(Eigen::Index i) const {
  return m_divergedAt[i] >= 0 ? m_divergedY[i] : m_params[m_count + i];
}

}  // namespace optiscope
