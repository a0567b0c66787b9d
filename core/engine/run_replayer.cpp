#include "core/engine/run_replayer.h"

#include <cmath>
#include <exception>

namespace optiscope {

namespace {

bool sameBits(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

bool RunReplayer::reproduces(const Run& run, const Eigen::VectorXd& params, double loss) {
  if (run.params().size() != params.size() || !sameBits(run.loss(), loss)) return false;
  for (Eigen::Index i = 0; i < params.size(); ++i)
    if (!sameBits(run.params()[i], params[i])) return false;
  return true;
}

std::optional<Run> RunReplayer::replay(const RunKey& key,
                                       const std::shared_ptr<const RunConfig>& config,
                                       long long step, const std::atomic<bool>* cancel) {
  if (!config) return std::nullopt;
  if (!m_checkpoints.count(key) && m_checkpoints.size() >= kRunsWithCheckpoints)
    m_checkpoints.clear();
  Checkpoints& checkpoints = m_checkpoints[key];
  if (checkpoints.config != config) {
    checkpoints.runs.clear();
    checkpoints.config = config;
  }

  std::optional<Run> run;
  try {
    auto from = checkpoints.runs.upper_bound(step);
    if (from != checkpoints.runs.begin()) {
      run.emplace(std::prev(from)->second);
    } else {
      run.emplace(*config);
    }
  } catch (const std::exception&) {
    return std::nullopt;  // a config the engine accepted cannot fail here
  }
  while (run->step() < step && !run->diverged()) {
    run->advance();
    if (run->step() % kCheckpointEvery == 0) remember(checkpoints, *run);
    if (cancel && run->step() % kCancelPollEvery == 0 && cancel->load()) {
      remember(checkpoints, *run);  // the next request along this path resumes from here
      return std::nullopt;
    }
  }
  remember(checkpoints, *run);
  return run;
}

void RunReplayer::remember(Checkpoints& checkpoints, const Run& run) {
  checkpoints.runs.insert_or_assign(run.step(), run);
  if (checkpoints.runs.size() <= kCheckpointsPerRun) return;
  // Thin out every other checkpoint but keep the newest, where the next request likely is.
  bool drop = true;
  for (auto it = checkpoints.runs.begin(); std::next(it) != checkpoints.runs.end(); drop = !drop)
    it = drop ? checkpoints.runs.erase(it) : std::next(it);
}

std::size_t RunReplayer::checkpointCount() const {
  std::size_t count = 0;
  for (const auto& entry : m_checkpoints) count += entry.second.runs.size();
  return count;
}

}  // namespace optiscope
