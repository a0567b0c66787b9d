#include "app/cli/training_writer.h"

#include <charconv>
#include <iostream>
#include <optional>

#include "core/engine/network_problem.h"
#include "core/util/atomic_file.h"

namespace optiscope::cli {
namespace {

// Shortest text that reads back to the same double: accuracies print as 0.952, not as
// 0.95199999999999996.
void writeNumber(std::ostream& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.write(buffer, result.ptr - buffer);
}

void writeOptional(std::ostream& out, const std::optional<double>& value) {
  out << ',';
  if (value) writeNumber(out, *value);
}

void writeRow(std::ostream& out, long long epoch, long long step, const NetworkMetrics& m) {
  out << epoch << ',' << step << ',';
  writeNumber(out, m.trainLoss);
  out << ',';
  writeNumber(out, m.testLoss);
  writeOptional(out, m.trainAccuracy);
  writeOptional(out, m.testAccuracy);
  out << '\n';
}

}  // namespace

long long writeTraining(Run& run, long long epochs, std::ostream& out) {
  NetworkTask& task = dynamic_cast<NetworkProblem&>(run.problem()).task();
  out << "epoch,step,train_loss,test_loss,train_accuracy,test_accuracy\n";
  writeRow(out, 0, 0, task.evaluate(run.params()));
  for (long long e = 1; e <= epochs && !run.diverged(); ++e) {
    run.advanceEpoch();
    writeRow(out, e, run.step(), task.evaluate(run.params()));
  }
  return run.diverged() ? run.step() : -1;
}

void writeTrainingCsv(Run& run, long long epochs, const std::string& out, const std::string& who) {
  long long divergedAt = -1;
  if (out == "-") {
    divergedAt = writeTraining(run, epochs, std::cout);
    std::cout.flush();
  } else {
    writeFileAtomically(
        out, [&](std::ostream& stream) { divergedAt = writeTraining(run, epochs, stream); });
  }
  if (divergedAt >= 0) {
    const long long perEpoch = run.problem().stepsPerEpoch();
    const long long epoch = (divergedAt + perEpoch - 1) / perEpoch;
    std::cerr << who << "diverged at step " << divergedAt << " (epoch " << epoch << ")\n";
  }
}

}  // namespace optiscope::cli
