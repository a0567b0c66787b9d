#include "app/cli/training_writer.h"

#include <iostream>

#include "core/engine/network_problem.h"
#include "core/engine/training_csv.h"
#include "core/util/atomic_file.h"

namespace optiscope::cli {

void writeTrainingCsv(Run& run, long long epochs, const std::string& out, const std::string& who) {
  long long divergedAt = -1;
  if (out == "-") {
    divergedAt = writeTraining(run, epochs, std::cout).divergedAt;
    std::cout.flush();
  } else {
    writeFileAtomically(out, [&](std::ostream& stream) {
      divergedAt = writeTraining(run, epochs, stream).divergedAt;
    });
  }
  if (divergedAt >= 0) {
    const long long perEpoch = run.problem().stepsPerEpoch();
    const long long epoch = (divergedAt + perEpoch - 1) / perEpoch;
    std::cerr << who << "diverged at step " << divergedAt << " (epoch " << epoch << ")\n";
  }
}

}  // namespace optiscope::cli
