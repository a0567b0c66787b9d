#include "network_test_support.h"

#include <sstream>

#include "core/nn/layer_rate_bands.h"
#include "engine_test_support.h"

namespace optiscope::testing {

std::shared_ptr<const DataSplit> smallSplit() {
  const Dataset data = generateDataset("circle", DatasetOptions{100, 0.1, 3});
  return std::make_shared<const DataSplit>(splitDataset(data, 0.5, 7));
}

NetworkSettings smallSettings() {
  NetworkSettings settings;
  settings.hidden = {4};
  settings.batchSize = 10;
  settings.seed = 11;
  return settings;
}

RunConfig networkConfig(const std::string& optimizer, const std::string& schedule) {
  return networkConfig(smallSplit(), smallSettings(), optimizer, schedule);
}

RunConfig networkConfig(std::shared_ptr<const DataSplit> data, const NetworkSettings& settings,
                        const std::string& optimizer, const std::string& schedule) {
  return {std::make_shared<const NetworkProblem>(std::move(data), settings),
          parseOptimizerSpec(optimizer), parseScheduleSpec(schedule), std::nullopt};
}

NetworkTask& taskOf(Run& run) { return dynamic_cast<NetworkProblem&>(run.problem()).task(); }

const NetworkTask& taskOf(const Run& run) {
  return dynamic_cast<const NetworkProblem&>(run.problem()).task();
}

const NetworkProblem& networkOf(const RunConfig& config) {
  return dynamic_cast<const NetworkProblem&>(*config.problem);
}

EpochRecord epochRecordOf(const Run& run) {
  Run copy = run;
  EpochRecord record;
  record.epoch = run.epoch();
  record.step = run.step();
  record.metrics = taskOf(copy).evaluate(copy.params());
  record.layerRates = layerRateBands(taskOf(run).mlp().layers(), run.effectiveLr());
  record.params = run.params();
  return record;
}

NetworkReference referenceOf(const Run& run) {
  NetworkReference reference{{run.loss()}, {}};
  if (run.step() % run.problem().stepsPerEpoch() == 0)
    reference.epochs.push_back(epochRecordOf(run));
  return reference;
}

void continueReference(Run& run, long long steps, NetworkReference& into) {
  for (long long k = 0; k < steps && !run.diverged(); ++k) {
    run.advance();
    into.losses.push_back(run.loss());
    if (run.step() % run.problem().stepsPerEpoch() == 0) into.epochs.push_back(epochRecordOf(run));
  }
}

NetworkReference networkReference(const RunConfig& config, long long steps) {
  Run run(config);
  NetworkReference reference = referenceOf(run);
  continueReference(run, steps, reference);
  return reference;
}

std::vector<double> lossesOf(const Trace& trace) {
  std::vector<double> losses;
  for (std::size_t i = 0; i < trace.size(); ++i) losses.push_back(trace[i].loss);
  return losses;
}

namespace {

bool sameOptional(const std::optional<double>& a, const std::optional<double>& b) {
  return a.has_value() == b.has_value() && (!a || sameBits(*a, *b));
}

}  // namespace

bool sameMetrics(const NetworkMetrics& a, const NetworkMetrics& b) {
  return sameBits(a.trainLoss, b.trainLoss) && sameBits(a.testLoss, b.testLoss) &&
         sameOptional(a.trainAccuracy, b.trainAccuracy) &&
         sameOptional(a.testAccuracy, b.testAccuracy);
}

bool sameBands(const RateBands& a, const RateBands& b) {
  return sameBits(a.min, b.min) && sameBits(a.p10, b.p10) && sameBits(a.median, b.median) &&
         sameBits(a.p90, b.p90) && sameBits(a.max, b.max);
}

bool sameRecord(const EpochRecord& a, const EpochRecord& b) {
  if (a.epoch != b.epoch || a.step != b.step || !sameMetrics(a.metrics, b.metrics) ||
      !sameBits(a.params, b.params) || a.layerRates.size() != b.layerRates.size())
    return false;
  for (std::size_t i = 0; i < a.layerRates.size(); ++i)
    if (!sameBands(a.layerRates[i], b.layerRates[i])) return false;
  return true;
}

std::string firstEpochDifference(const std::vector<EpochRecord>& actual,
                                 const std::vector<EpochRecord>& expected) {
  std::ostringstream out;
  out.precision(17);
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    if (sameRecord(actual[i], expected[i])) continue;
    out << "record " << i << ": epoch " << actual[i].epoch << " vs " << expected[i].epoch
        << ", step " << actual[i].step << " vs " << expected[i].step << ", train loss "
        << actual[i].metrics.trainLoss << " vs " << expected[i].metrics.trainLoss;
    return out.str();
  }
  if (actual.size() != expected.size())
    out << "record count " << actual.size() << " vs " << expected.size();
  return out.str();
}

std::string firstLossDifference(const std::vector<double>& actual,
                                const std::vector<double>& expected) {
  std::ostringstream out;
  out.precision(17);
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    if (sameBits(actual[i], expected[i])) continue;
    out << "step " << i << ": loss " << actual[i] << " vs " << expected[i];
    return out.str();
  }
  if (actual.size() != expected.size())
    out << "step count " << actual.size() << " vs " << expected.size();
  return out.str();
}

}  // namespace optiscope::testing
