#include "core/analysis/fair_race.h"

#include <atomic>
#include <limits>
#include <optional>
#include <string>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// The lr index with the lowest median metric over the tuning seeds (the first of equals).
std::size_t tunedIndex(const std::vector<SweepCurvePoint>& curve, double& score) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < curve.size(); ++i)
    if (curve[i].stats.median < curve[best].stats.median) best = i;
  score = curve[best].stats.median;
  return best;
}

std::vector<SeedStatistics> bandsOf(const std::vector<std::vector<double>>& curves,
                                    long long length) {
  std::vector<SeedStatistics> bands(static_cast<std::size_t>(length) + 1);
  std::vector<double> samples(curves.size());
  for (std::size_t row = 0; row < bands.size(); ++row) {
    for (std::size_t s = 0; s < curves.size(); ++s)
      samples[s] =
          row < curves[s].size() ? curves[s][row] : std::numeric_limits<double>::infinity();
    bands[row] = seedStatistics(samples);
  }
  return bands;
}

}  // namespace

FairRaceResult runFairRace(const FairRacePlan& plan, std::shared_ptr<const SweepProblem> problem,
                           ThreadPool& pool, std::stop_token stop,
                           const std::function<void(std::size_t, std::size_t)>& onProgress) {
  if (plan.raceSeeds < 1)
    throw SpecError("a fair race needs race seeds >= 1, got " + std::to_string(plan.raceSeeds));
  if (plan.raceSeedOffset < -1)
    throw SpecError("the race seed offset must be >= 0 (or -1: after the tuning seeds)");
  const Sweep tuning(SweepPlan{plan.optimizers, plan.learningRates, std::nullopt, plan.tuningSeeds},
                     problem);
  const std::size_t races = plan.optimizers.size() * static_cast<std::size_t>(plan.raceSeeds);
  const std::size_t total = tuning.size() + races;
  std::atomic<std::size_t> done{0};
  const auto progressed = [&] {
    const std::size_t now = done.fetch_add(1) + 1;
    if (onProgress) onProgress(now, total);
  };

  FairRaceResult result;
  result.tuning = tuning.run(pool, stop, [&](const SweepRow&) { progressed(); });
  if (!result.tuning.complete) return result;

  // The tuned configuration of each optimizer: its point at the best lr (any seed).
  std::vector<SweepPoint> tuned;
  for (std::size_t o = 0; o < plan.optimizers.size(); ++o) {
    FairRaceEntry entry;
    entry.optimizer = o;
    // The tuning sweep is complete, so its curve has every lr, in the plan's order.
    SweepPoint point;
    point.optimizer = o;
    point.lrIndex =
        tunedIndex(sweepCurve(tuning, result.tuning, o, 0, plan.tuneBy), entry.tunedScore);
    entry.tunedLr = plan.learningRates[point.lrIndex];
    tuned.push_back(point);
    result.entries.push_back(std::move(entry));
  }

  const std::uint64_t firstSeed =
      static_cast<std::uint64_t>(plan.raceSeedOffset >= 0 ? plan.raceSeedOffset : plan.tuningSeeds);
  std::vector<std::vector<double>> curves(races);
  std::vector<std::optional<RunSummary>> summaries(races);
  pool.forEach(
      races,
      [&](std::size_t i) {
        const std::size_t o = i / static_cast<std::size_t>(plan.raceSeeds);
        const std::uint64_t seed = firstSeed + i % static_cast<std::size_t>(plan.raceSeeds);
        summaries[i] = problem->run(tuning.config(tuned[o]), seed, stop, &curves[i]);
        if (summaries[i]) progressed();
      },
      stop);
  for (const auto& summary : summaries) {
    if (!summary) {
      result.entries.clear();
      return result;
    }
  }

  const std::size_t seeds = static_cast<std::size_t>(plan.raceSeeds);
  for (FairRaceEntry& entry : result.entries) {
    const auto first = curves.begin() + static_cast<std::ptrdiff_t>(entry.optimizer * seeds);
    entry.lossBands =
        bandsOf({first, first + static_cast<std::ptrdiff_t>(seeds)}, problem->length());
    for (std::size_t s = 0; s < seeds; ++s)
      entry.diverged += summaries[entry.optimizer * seeds + s]->divergedAt >= 0 ? 1 : 0;
  }
  result.complete = true;
  return result;
}

}  // namespace optiscope
