#pragma once

#include <ostream>
#include <string>

#include "core/engine/run.h"

namespace optiscope::cli {

// What `train` writes, shared with `replay`: one CSV row per epoch,
// `epoch,step,train_loss,test_loss,train_accuracy,test_accuracy`, rows for epochs 0..epochs;
// a run that diverges ends with the row of that epoch. Returns the step at which it diverged,
// or -1.
// `run` trains a network (its problem is a NetworkProblem).
long long writeTraining(Run& run, long long epochs, std::ostream& out);

// The same to `out` (a file, written atomically, or standard output for "-"); a divergence is
// reported on standard error as "<who>diverged at step K (epoch E)".
void writeTrainingCsv(Run& run, long long epochs, const std::string& out,
                      const std::string& who = "");

}  // namespace optiscope::cli
