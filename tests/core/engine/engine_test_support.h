#pragma once

#include <Eigen/Core>
#include <chrono>
#include <string>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run.h"
#include "core/engine/run_traces.h"
#include "core/engine/trace.h"

namespace optiscope::testing {

// One step of a run, copied out of a Run or a Trace.
struct StepRecord {
  long long step;
  double loss;
  Eigen::VectorXd params, gradient, effectiveLr;
};

// What a plain Run stepped in a loop produces: rows 0..steps (fewer if it diverges).
std::vector<StepRecord> referenceRecords(const RunConfig& config, long long steps);
// Continues an existing run for `steps` more rows, appending them.
void continueRecords(Run& run, long long steps, std::vector<StepRecord>& records);
StepRecord recordOf(const Run& run);
std::vector<StepRecord> recordsOf(const Trace& trace);

// Bit-for-bit equality of every number (NaN patterns included); names the first difference.
std::string firstDifference(const std::vector<StepRecord>& actual,
                            const std::vector<StepRecord>& expected);
bool sameBits(double a, double b);
bool sameBits(const Eigen::VectorXd& a, const Eigen::VectorXd& b);
bool sameBits(const StepRecord& a, const StepRecord& b);

// The test function a 2D run's config descends, and the config moved to another one (with
// the same gradient noise).
const ObjectiveProblem& planarOf(const RunConfig& config);
RunConfig onObjective(RunConfig config, const ObjectiveConfig& objective);

// Waits for the engine to be idle (failing the test after `timeout`) and absorbs the deltas.
void settle(Engine& engine, RunTraces& traces,
            std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace optiscope::testing
