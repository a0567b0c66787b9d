#include "ui/landscape/hover_state_replay.h"

#include <chrono>
#include <utility>

namespace optiscope::ui {

namespace {

constexpr std::size_t kCachedOutcomes = 1024;

}  // namespace

HoverStateReplay::HoverStateReplay(QObject* parent)
    : QObject(parent),
      m_replayer(std::make_unique<RunReplayer>()),
      m_job(std::make_unique<GuiJob<ReplayOutcome>>(
          [this](std::shared_ptr<const ReplayOutcome> outcome) { store(outcome); })) {}

HoverStateReplay::~HoverStateReplay() { m_job.reset(); }

const ReplayOutcome* HoverStateReplay::cached(const ReplayKey& key) const {
  const auto found = m_cache.find(key);
  return found == m_cache.end() ? nullptr : &found->second;
}

void HoverStateReplay::request(const ReplayKey& key, std::shared_ptr<const RunConfig> config,
                               Eigen::VectorXd expectedParams, double expectedLoss) {
  m_job->request([replayer = m_replayer.get(), key, config = std::move(config),
                  expectedParams = std::move(expectedParams),
                  expectedLoss](const GuiJob<ReplayOutcome>::Outlet& outlet) {
    const std::optional<Run> run =
        replayer->replay({key.run, key.generation}, config, key.step, outlet.cancelFlag());
    if (outlet.cancelled()) return;  // superseded: the next request resumes from a checkpoint
    auto outcome = std::make_shared<ReplayOutcome>();
    outcome->key = key;
    outcome->exact = run && run->step() == key.step &&
                     RunReplayer::reproduces(*run, expectedParams, expectedLoss);
    if (outcome->exact)
      for (const StateView& view : run->optimizer().state())
        outcome->state.push_back({std::string(view.name), *view.values});
    outlet.deliver(std::move(outcome));
  });
}

bool HoverStateReplay::waitUntilIdle(int timeoutMs) const {
  return m_job->waitUntilIdle(std::chrono::milliseconds(timeoutMs));
}

void HoverStateReplay::store(const std::shared_ptr<const ReplayOutcome>& outcome) {
  if (m_cache.size() >= kCachedOutcomes) m_cache.clear();
  m_cache[outcome->key] = *outcome;
  emit replayed(outcome->key);
}

}  // namespace optiscope::ui
