#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

#include "core/analysis/lr_window.h"
#include "core/analysis/seed_statistics.h"
#include "core/analysis/sweep.h"

namespace optiscope {

// A race in which no optimizer wins by its default learning rate: each one's lr is first tuned
// with the same budget (the same learning rates, the same seeds), then every optimizer runs at
// its tuned lr over fresh noise seeds, and the race reports the spread of its loss per step.
struct FairRacePlan {
  std::vector<OptimizerConfig> optimizers;
  std::vector<double> learningRates;  // the tuning budget, e.g. logSpaced(1e-4, 1, 13)
  int tuningSeeds = 5;                // tuned on seeds 0 .. tuningSeeds-1
  // Raced on seeds raceSeedOffset .. raceSeedOffset+raceSeeds-1. By default (-1) the seeds
  // after the tuning ones: choosing the lr on the very seeds it is then scored on would reward
  // the luck of those seeds (the winner's curse), so the race uses held-out noise.
  int raceSeeds = 5;
  long long raceSeedOffset = -1;
  SweepMetric tuneBy = SweepMetric::FinalLoss;  // the median over the tuning seeds decides
};

struct FairRaceEntry {
  std::size_t optimizer = 0;  // index into the plan's optimizers
  double tunedLr = 0.0;
  double tunedScore = 0.0;  // the median tuning metric at tunedLr
  // lossBands[r]: the loss of row r (step r for a function) over the race seeds. A run that
  // diverged counts as +inf from its divergence on, so the bands show it as lost.
  std::vector<SeedStatistics> lossBands;
  int diverged = 0;  // race seeds whose run diverged
};

// `complete` is false when stopped; then `entries` is empty and `tuning` may be partial.
struct FairRaceResult {
  SweepResult tuning;
  std::vector<FairRaceEntry> entries;
  bool complete = false;
};

// Validates like Sweep (SpecError), plus raceSeeds >= 1 and raceSeedOffset >= -1.
// `onProgress(done, total)` is called from the pool's threads after every run (tuning and
// race), done counting up to total = optimizers·(learningRates·tuningSeeds + raceSeeds).
FairRaceResult runFairRace(const FairRacePlan& plan, std::shared_ptr<const SweepProblem> problem,
                           ThreadPool& pool, std::stop_token stop = {},
                           const std::function<void(std::size_t, std::size_t)>& onProgress = {});

}  // namespace optiscope
