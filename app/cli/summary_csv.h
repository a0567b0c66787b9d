#pragma once

#include <string>

#include "core/analysis/run_summary.h"

namespace optiscope::cli {

// A CSV field: as is, or quoted (with doubled quotes) when it holds a comma, quote or newline.
std::string csvField(const std::string& text);

// A number with 17 significant digits (what `run` prints; reads back exactly).
std::string csvNumber(double value);

// The summary columns of race's summary.csv, shared by sweep and basins:
// `final_loss,best_loss,steps_to_tolerance,diverged_at` (best_loss empty unless finite, the
// step counts empty when they did not happen).
std::string summaryFields(const RunSummary& summary, bool withBestLoss = true);

}  // namespace optiscope::cli
