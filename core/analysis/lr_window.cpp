#include "core/analysis/lr_window.h"

#include <cmath>
#include <limits>

namespace optiscope {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The finished runs of one curve, per lr index.
std::vector<std::vector<RunSummary>> curveRuns(const Sweep& sweep, const SweepResult& result,
                                               std::size_t optimizer, std::size_t secondIndex) {
  std::vector<std::vector<RunSummary>> runs(sweep.plan().learningRates.size());
  for (const SweepRow& row : result.rows)
    if (row.point.optimizer == optimizer && row.point.secondIndex == secondIndex)
      runs[row.point.lrIndex].push_back(row.summary);
  return runs;
}

double lossAbove(const RunSummary& summary, double reference) {
  if (summary.divergedAt >= 0 || !std::isfinite(summary.finalLoss)) return kInf;
  return std::isnan(reference) ? summary.finalLoss : summary.finalLoss - reference;
}

}  // namespace

double metricValue(const RunSummary& summary, SweepMetric metric) {
  switch (metric) {
    case SweepMetric::FinalLoss:
      return summary.divergedAt >= 0 ? kInf : summary.finalLoss;
    case SweepMetric::BestLoss:
      return summary.bestLoss;
    case SweepMetric::StepsToTolerance:
      return summary.stepsToTolerance >= 0 ? static_cast<double>(summary.stepsToTolerance) : kInf;
  }
  return kInf;
}

std::vector<SweepCurvePoint> sweepCurve(const Sweep& sweep, const SweepResult& result,
                                        std::size_t optimizer, std::size_t secondIndex,
                                        SweepMetric metric) {
  const auto runs = curveRuns(sweep, result, optimizer, secondIndex);
  std::vector<SweepCurvePoint> curve;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].empty()) continue;
    SweepCurvePoint point;
    point.lr = sweep.plan().learningRates[i];
    std::vector<double> samples;
    for (const RunSummary& run : runs[i]) {
      samples.push_back(metricValue(run, metric));
      point.diverged += run.divergedAt >= 0 ? 1 : 0;
      point.reached += run.stepsToTolerance >= 0 ? 1 : 0;
    }
    point.stats = seedStatistics(std::move(samples));
    curve.push_back(point);
  }
  return curve;
}

LrWindow goodLrWindow(const Sweep& sweep, const SweepResult& result, std::size_t optimizer,
                      std::size_t secondIndex, WindowCriterion criterion) {
  const auto runs = curveRuns(sweep, result, optimizer, secondIndex);
  const double reference = sweep.problem().referenceValue();
  const std::size_t n = runs.size();
  std::vector<double> medianAbove(n, kInf), medianSteps(n, kInf);
  for (std::size_t i = 0; i < n; ++i) {
    if (runs[i].empty()) continue;
    std::vector<double> above, steps;
    for (const RunSummary& run : runs[i]) {
      above.push_back(lossAbove(run, reference));
      steps.push_back(metricValue(run, SweepMetric::StepsToTolerance));
    }
    medianAbove[i] = seedStatistics(std::move(above)).median;
    medianSteps[i] = seedStatistics(std::move(steps)).median;
  }

  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (medianAbove[i] < medianAbove[best]) best = i;
  const double bestAbove = medianAbove[best];

  std::vector<bool> good(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (runs[i].empty()) continue;
    if (criterion.kind == WindowCriterion::Kind::WithinFactorOfBest) {
      good[i] = std::isfinite(bestAbove) &&
                medianAbove[i] <= std::max(criterion.factor * bestAbove, kLossTolerance);
    } else {
      good[i] = true;
      for (const RunSummary& run : runs[i]) good[i] = good[i] && run.stepsToTolerance >= 0;
    }
  }
  // Reaching the tolerance: the window is centred on the fastest good learning rate.
  std::size_t centre = best;
  if (criterion.kind == WindowCriterion::Kind::ReachesTolerance) {
    centre = n;
    for (std::size_t i = 0; i < n; ++i)
      if (good[i] && (centre == n || medianSteps[i] < medianSteps[centre])) centre = i;
  }

  LrWindow window;
  for (std::size_t i = 0; i < n; ++i) window.goodCount += good[i] ? 1 : 0;
  if (centre >= n || !good[centre]) return window;
  std::size_t first = centre, last = centre;
  while (first > 0 && good[first - 1]) --first;
  while (last + 1 < n && good[last + 1]) ++last;
  const auto& lrs = sweep.plan().learningRates;
  window.found = true;
  window.low = lrs[first];
  window.high = lrs[last];
  window.decades = std::log10(window.high / window.low);
  window.bestLr = lrs[best];
  window.bestMedian = bestAbove;
  return window;
}

}  // namespace optiscope
