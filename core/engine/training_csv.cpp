#include "core/engine/training_csv.h"

#include <charconv>
#include <optional>

#include "core/engine/network_problem.h"
#include "core/engine/run.h"

namespace optiscope {
namespace {

// Shortest text that reads back to the same double: accuracies print as 0.952, not as
// 0.95199999999999996.
void writeShortest(std::ostream& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.write(buffer, result.ptr - buffer);
}

void writeOptional(std::ostream& out, const std::optional<double>& value) {
  out << ',';
  if (value) writeShortest(out, *value);
}

}  // namespace

void writeTrainingHeader(std::ostream& out) {
  out << "epoch,step,train_loss,test_loss,train_accuracy,test_accuracy\n";
}

void writeTrainingRow(std::ostream& out, long long epoch, long long step,
                      const NetworkMetrics& metrics) {
  out << epoch << ',' << step << ',';
  writeShortest(out, metrics.trainLoss);
  out << ',';
  writeShortest(out, metrics.testLoss);
  writeOptional(out, metrics.trainAccuracy);
  writeOptional(out, metrics.testAccuracy);
  out << '\n';
}

TrainingCsvEnd writeTraining(Run& run, long long epochs, std::ostream& out,
                             const std::function<bool(long long)>& keepGoing) {
  NetworkTask& task = dynamic_cast<NetworkProblem&>(run.problem()).task();
  writeTrainingHeader(out);
  writeTrainingRow(out, 0, 0, task.evaluate(run.params()));
  TrainingCsvEnd end;
  for (long long e = 1; e <= epochs && !run.diverged(); ++e) {
    if (keepGoing && !keepGoing(e)) {
      end.cancelled = true;
      return end;
    }
    run.advanceEpoch();
    writeTrainingRow(out, e, run.step(), task.evaluate(run.params()));
  }
  end.divergedAt = run.diverged() ? run.step() : -1;
  return end;
}

}  // namespace optiscope
