#pragma once

#include <ostream>
#include <string>

#include "core/engine/run.h"

namespace optiscope::cli {

// What `train` and `replay` write (core/engine/training_csv.h) to `out`: a file, written
// atomically, or standard output for "-"; a divergence is reported on standard error as
// "<who>diverged at step K (epoch E)".
void writeTrainingCsv(Run& run, long long epochs, const std::string& out,
                      const std::string& who = "");

}  // namespace optiscope::cli
