#pragma once

#include <string>
#include <vector>

#include "core/engine/run.h"

namespace optiscope::cli {

// What `race` writes, shared with `replay`: every run (all on one function) stepped together by
// the engine for `steps` steps, DIR/run-<index>-<optimizer>.csv per run (the `run` CSV,
// streamed, each renamed into place when complete) and DIR/summary.csv
// (run,optimizer,final_loss,best_loss,steps_to_tolerance,diverged_at), `optimizerSpecs[i]`
// being run i's optimizer as the user wrote it. Creates DIR. A run that diverges is reported
// on standard error. Throws std::runtime_error (and leaves no partial file) when writing fails.
void writeRace(const std::vector<RunConfig>& configs,
               const std::vector<std::string>& optimizerSpecs, long long steps,
               const std::string& outDir);

}  // namespace optiscope::cli
