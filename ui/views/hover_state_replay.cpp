#include "ui/views/hover_state_replay.h"

#include <QMetaObject>
#include <cmath>
#include <utility>

namespace optiscope::ui {

namespace {

constexpr long long kCheckpointEvery = 1 << 15;
constexpr std::size_t kCheckpointsPerRun = 64;
constexpr std::size_t kRunsWithCheckpoints = 16;
constexpr std::size_t kCachedOutcomes = 1024;
constexpr long long kCancelPollEvery = 1024;

bool sameBits(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

bool reproduces(const Run& run, const Eigen::VectorXd& params, double loss) {
  if (run.params().size() != params.size() || !sameBits(run.loss(), loss)) return false;
  for (Eigen::Index i = 0; i < params.size(); ++i)
    if (!sameBits(run.params()[i], params[i])) return false;
  return true;
}

}  // namespace

HoverStateReplay::HoverStateReplay(QObject* parent) : QObject(parent) {
  m_worker = std::thread(&HoverStateReplay::workerLoop, this);
}

HoverStateReplay::~HoverStateReplay() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_cancel = true;
  }
  m_wake.notify_one();
  m_worker.join();
}

const ReplayOutcome* HoverStateReplay::cached(const ReplayKey& key) const {
  const auto found = m_cache.find(key);
  return found == m_cache.end() ? nullptr : &found->second;
}

void HoverStateReplay::request(const ReplayKey& key, std::shared_ptr<const RunConfig> config,
                               Eigen::VectorXd expectedParams, double expectedLoss) {
  {
    std::lock_guard lock(m_mutex);
    m_pending = Job{key, std::move(config), std::move(expectedParams), expectedLoss};
    m_cancel = true;
  }
  m_wake.notify_one();
}

void HoverStateReplay::workerLoop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
      if (m_stopping) return;
      job = std::move(*std::exchange(m_pending, std::nullopt));
      m_cancel = false;  // only request() sets it, under this lock
    }
    replay(job);
  }
}

void HoverStateReplay::replay(const Job& job) {
  const auto runKey = std::make_pair(job.key.run, job.key.generation);
  if (!m_checkpoints.count(runKey) && m_checkpoints.size() >= kRunsWithCheckpoints)
    m_checkpoints.clear();
  Checkpoints& checkpoints = m_checkpoints[runKey];
  if (checkpoints.config != job.config) {
    checkpoints.runs.clear();
    checkpoints.config = job.config;
  }

  std::optional<Run> run;
  try {
    auto from = checkpoints.runs.upper_bound(job.key.step);
    if (from != checkpoints.runs.begin()) {
      run.emplace(std::prev(from)->second);
    } else {
      run.emplace(*job.config);
    }
  } catch (const std::exception&) {
    store(job.key, ReplayOutcome{});  // a config the engine accepted cannot fail here
    return;
  }
  while (run->step() < job.key.step && !run->diverged()) {
    run->advance();
    if (run->step() % kCheckpointEvery == 0) remember(checkpoints, *run);
    if (run->step() % kCancelPollEvery == 0 && m_cancel) {
      remember(checkpoints, *run);  // the next request along this path resumes from here
      return;
    }
  }
  remember(checkpoints, *run);

  ReplayOutcome outcome;
  outcome.exact =
      run->step() == job.key.step && reproduces(*run, job.expectedParams, job.expectedLoss);
  if (outcome.exact)
    for (const StateView& view : run->optimizer().state())
      outcome.state.push_back({std::string(view.name), *view.values});
  store(job.key, std::move(outcome));
}

void HoverStateReplay::remember(Checkpoints& checkpoints, const Run& run) {
  checkpoints.runs.insert_or_assign(run.step(), run);
  if (checkpoints.runs.size() <= kCheckpointsPerRun) return;
  // Thin out every other checkpoint but keep the newest, where the next request likely is.
  bool drop = true;
  for (auto it = checkpoints.runs.begin(); std::next(it) != checkpoints.runs.end(); drop = !drop)
    it = drop ? checkpoints.runs.erase(it) : std::next(it);
}

void HoverStateReplay::store(const ReplayKey& key, ReplayOutcome outcome) {
  // Queued to the GUI thread; the destructor joins this thread before `this` goes away.
  QMetaObject::invokeMethod(
      this,
      [this, key, outcome = std::move(outcome)]() mutable {
        if (m_cache.size() >= kCachedOutcomes) m_cache.clear();
        m_cache[key] = std::move(outcome);
        emit replayed(key);
      },
      Qt::QueuedConnection);
}

}  // namespace optiscope::ui
