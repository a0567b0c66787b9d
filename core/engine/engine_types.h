#pragma once

#include <chrono>
#include <cstdint>

#include "core/engine/trace.h"

namespace optiscope {

// Names a run for the lifetime of an Engine; never reused.
using RunId = std::uint64_t;

struct RunOptions {
  // The engine stops stepping the run once it reaches this step; -1: no limit.
  long long stepLimit = -1;
  // Hand over every step unthinned (for the CLI's CSV files), and every epoch record of a
  // network run. The trace deltas of such a run then grow until they are taken, so take them
  // regularly on long runs.
  bool fullResolution = false;
};

struct EngineOptions {
  // How the per-run trace deltas thin when nobody takes them. Small levels: a GUI polls at
  // 30–60 Hz, so a delta rarely thins at all, and an unpolled engine stays small. A delta
  // that holds a run's first steps keeps them whole (a consumer's head can only keep what
  // it is handed).
  TraceLimits deltaLimits{4096, 256, 4096};
  double publishRateHz = 60.0;
  // A batch of steps stops after this long, so commands and publications never wait longer.
  std::chrono::microseconds batchBudget{2000};
};

}  // namespace optiscope
