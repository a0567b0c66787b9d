#include "engine_test_support.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <sstream>

namespace optiscope::testing {

StepRecord recordOf(const Run& run) {
  return {run.step(), run.loss(), run.params(), run.gradient(), run.effectiveLr()};
}

void continueRecords(Run& run, long long steps, std::vector<StepRecord>& records) {
  for (long long k = 0; k < steps && !run.diverged(); ++k) {
    run.advance();
    records.push_back(recordOf(run));
  }
}

std::vector<StepRecord> referenceRecords(const RunConfig& config, long long steps) {
  Run run(config);
  std::vector<StepRecord> records{recordOf(run)};
  continueRecords(run, steps, records);
  return records;
}

std::vector<StepRecord> recordsOf(const Trace& trace) {
  std::vector<StepRecord> records;
  records.reserve(trace.size());
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const TracePoint p = trace[i];
    records.push_back({p.step, p.loss, p.params, p.gradient, p.effectiveLr});
  }
  return records;
}

bool sameBits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool sameBits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!sameBits(a[i], b[i])) return false;
  return true;
}

bool sameBits(const StepRecord& a, const StepRecord& b) {
  return a.step == b.step && sameBits(a.loss, b.loss) && sameBits(a.params, b.params) &&
         sameBits(a.gradient, b.gradient) && sameBits(a.effectiveLr, b.effectiveLr);
}

std::string firstDifference(const std::vector<StepRecord>& actual,
                            const std::vector<StepRecord>& expected) {
  std::ostringstream out;
  out.precision(17);
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    if (sameBits(actual[i], expected[i])) continue;
    out << "row " << i << ": step " << actual[i].step << " vs " << expected[i].step << ", loss "
        << actual[i].loss << " vs " << expected[i].loss << ", params "
        << actual[i].params.transpose() << " vs " << expected[i].params.transpose();
    return out.str();
  }
  if (actual.size() != expected.size())
    out << "row count " << actual.size() << " vs " << expected.size();
  return out.str();
}

const ObjectiveProblem& planarOf(const RunConfig& config) {
  return dynamic_cast<const ObjectiveProblem&>(*config.problem);
}

RunConfig onObjective(RunConfig config, const ObjectiveConfig& objective) {
  const ObjectiveProblem& planar = planarOf(config);
  config.problem =
      std::make_shared<const ObjectiveProblem>(objective, planar.noiseSigma(), planar.noiseSeed());
  return config;
}

void settle(Engine& engine, RunTraces& traces, std::chrono::milliseconds timeout) {
  REQUIRE(engine.waitUntilIdle(timeout));
  traces.absorb(engine.takeTraceDeltas());
}

}  // namespace optiscope::testing
