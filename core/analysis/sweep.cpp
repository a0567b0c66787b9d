#include "core/analysis/sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

OptimizerConfig withValue(const OptimizerConfig& config, const std::string& name, double value) {
  // formatDouble reads back to exactly `value`, so the config holds the very double swept.
  return withChanges(config, {{name, formatDouble(value)}});
}

void checkSecondAxis(const SweepAxis& axis, const std::vector<OptimizerConfig>& optimizers) {
  if (axis.values.empty()) throw SpecError("the second sweep axis '" + axis.name + "' is empty");
  if (axis.name == "lr") throw SpecError("the second sweep axis cannot be lr itself");
  for (const OptimizerConfig& config : optimizers) {
    const auto& params = findOptimizer(config.name).params;
    const auto it = std::find_if(params.begin(), params.end(),
                                 [&](const ParamInfo& p) { return p.name == axis.name; });
    if (it == params.end() || it->kind != ParamKind::Real)
      throw SpecError("optimizer '" + config.name + "' has no real hyperparameter '" + axis.name +
                      "' to sweep");
  }
}

}  // namespace

std::vector<double> logSpaced(double lo, double hi, int n) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo <= 0.0 || lo >= hi)
    throw SpecError("learning-rate range must have 0 < LO < HI, got " + formatDouble(lo) + ":" +
                    formatDouble(hi));
  if (n < 2) throw SpecError("a learning-rate range needs N >= 2 values, got " + std::to_string(n));
  // Stepping the decimal exponent makes whole decades land on exact powers of ten
  // (1e-4:1:5 gives 0.0001, 0.001, 0.01, 0.1, 1).
  const double a = std::log10(lo), b = std::log10(hi);
  std::vector<double> values(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) values[i] = std::pow(10.0, a + (b - a) * i / (n - 1));
  values.front() = lo;
  values.back() = hi;
  return values;
}

Sweep::Sweep(SweepPlan plan, std::shared_ptr<const SweepProblem> problem)
    : m_plan(std::move(plan)), m_problem(std::move(problem)) {
  if (m_plan.optimizers.empty()) throw SpecError("a sweep needs at least one optimizer");
  if (m_plan.learningRates.empty()) throw SpecError("a sweep needs at least one learning rate");
  // The learning-rate window is a contiguous stretch of this order.
  for (std::size_t i = 1; i < m_plan.learningRates.size(); ++i)
    if (!(m_plan.learningRates[i - 1] < m_plan.learningRates[i]))
      throw SpecError("a sweep's learning rates must increase strictly");
  if (m_plan.seeds < 1)
    throw SpecError("a sweep needs seeds >= 1, got " + std::to_string(m_plan.seeds));
  if (m_plan.second) checkSecondAxis(*m_plan.second, m_plan.optimizers);
  for (const OptimizerConfig& optimizer : m_plan.optimizers) {
    for (double lr : m_plan.learningRates) {
      const OptimizerConfig withLr = withValue(optimizer, "lr", lr);
      if (!m_plan.second) {
        m_configs.push_back(withLr);
      } else {
        for (double value : m_plan.second->values)
          m_configs.push_back(withValue(withLr, m_plan.second->name, value));
      }
      m_problem->check(m_configs.back());
    }
  }
}

std::size_t Sweep::secondCount() const { return m_plan.second ? m_plan.second->values.size() : 1; }

std::size_t Sweep::size() const {
  return m_configs.size() * static_cast<std::size_t>(m_plan.seeds);
}

SweepPoint Sweep::point(std::size_t index) const {
  const std::size_t seeds = static_cast<std::size_t>(m_plan.seeds);
  const std::size_t seconds = secondCount(), lrs = m_plan.learningRates.size();
  SweepPoint p;
  p.seed = index % seeds;
  index /= seeds;
  p.secondIndex = index % seconds;
  index /= seconds;
  p.lrIndex = index % lrs;
  p.optimizer = index / lrs;
  p.lr = m_plan.learningRates[p.lrIndex];
  p.secondValue = m_plan.second ? m_plan.second->values[p.secondIndex]
                                : std::numeric_limits<double>::quiet_NaN();
  return p;
}

const OptimizerConfig& Sweep::config(const SweepPoint& p) const {
  return m_configs[(p.optimizer * m_plan.learningRates.size() + p.lrIndex) * secondCount() +
                   p.secondIndex];
}

SweepResult Sweep::run(ThreadPool& pool, std::stop_token stop,
                       const std::function<void(const SweepRow&)>& onRow) const {
  std::vector<std::optional<RunSummary>> summaries(size());
  pool.forEach(
      size(),
      [&](std::size_t index) {
        const SweepPoint p = point(index);
        summaries[index] = m_problem->run(config(p), p.seed, stop);
        if (summaries[index] && onRow) onRow(SweepRow{p, *summaries[index]});
      },
      stop);
  SweepResult result;
  result.total = size();
  for (std::size_t i = 0; i < summaries.size(); ++i)
    if (summaries[i]) result.rows.push_back({point(i), *summaries[i]});
  result.complete = result.rows.size() == result.total;
  return result;
}

}  // namespace optiscope
