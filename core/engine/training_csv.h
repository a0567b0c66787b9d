#pragma once

#include <functional>
#include <ostream>

#include "core/nn/network_task.h"

namespace optiscope {

class Run;

// The training CSV (`train`, `replay`, and the Network page's data export): one row per
// epoch, `epoch,step,train_loss,test_loss,train_accuracy,test_accuracy`; accuracies are empty
// for a regression, numbers the shortest text that reads back exactly.
void writeTrainingHeader(std::ostream& out);
void writeTrainingRow(std::ostream& out, long long epoch, long long step,
                      const NetworkMetrics& metrics);

struct TrainingCsvEnd {
  long long divergedAt = -1;  // the step at which the run diverged, or -1
  bool cancelled = false;     // `keepGoing` said stop: what was written is incomplete
};

// Rows for epochs 0..epochs of a fresh network run (its problem is a NetworkProblem); a run
// that diverges ends with the row of that epoch. `keepGoing(epoch)` is asked before each epoch.
TrainingCsvEnd writeTraining(Run& run, long long epochs, std::ostream& out,
                             const std::function<bool(long long)>& keepGoing = {});

}  // namespace optiscope
