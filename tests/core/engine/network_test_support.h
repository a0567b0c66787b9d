#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/engine/epoch_record.h"
#include "core/engine/network_problem.h"
#include "core/engine/run.h"
#include "core/engine/trace.h"

namespace optiscope::testing {

// A small classification task: 100 circle points, half of them for training, a 2-4-1 tanh
// network and minibatches of 10, so an epoch is kBatchesPerEpoch steps.
inline constexpr long long kBatchesPerEpoch = 5;
std::shared_ptr<const DataSplit> smallSplit();
NetworkSettings smallSettings();
// A run on the small task's network (its problem a NetworkProblem).
RunConfig networkConfig(const std::string& optimizer, const std::string& schedule = "constant");
RunConfig networkConfig(std::shared_ptr<const DataSplit> data, const NetworkSettings& settings,
                        const std::string& optimizer, const std::string& schedule = "constant");
// The network task a network run trains, and what a config's problem is.
NetworkTask& taskOf(Run& run);
const NetworkTask& taskOf(const Run& run);
const NetworkProblem& networkOf(const RunConfig& config);

// What a plain network Run stepped in a loop produces: the minibatch loss of steps 0..steps
// and an EpochRecord at every epoch boundary. Metrics are measured on a copy of the run, so
// the loop itself never evaluates (the engine must not be perturbed by evaluating either).
struct NetworkReference {
  std::vector<double> losses;
  std::vector<EpochRecord> epochs;
};
EpochRecord epochRecordOf(const Run& run);
NetworkReference networkReference(const RunConfig& config, long long steps);
// Continues `run` for `steps` more steps, appending to `into`.
void continueReference(Run& run, long long steps, NetworkReference& into);
NetworkReference referenceOf(const Run& run);  // step `run.step()` only

std::vector<double> lossesOf(const Trace& trace);
bool sameMetrics(const NetworkMetrics& a, const NetworkMetrics& b);
bool sameBands(const RateBands& a, const RateBands& b);
bool sameRecord(const EpochRecord& a, const EpochRecord& b);
// Names the first difference between two record lists ("" if none).
std::string firstEpochDifference(const std::vector<EpochRecord>& actual,
                                 const std::vector<EpochRecord>& expected);
std::string firstLossDifference(const std::vector<double>& actual,
                                const std::vector<double>& expected);

}  // namespace optiscope::testing
