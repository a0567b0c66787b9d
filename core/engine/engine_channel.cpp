#include "core/engine/engine_channel.h"

namespace optiscope {

std::uint64_t EngineChannel::post(commands::Command command) {
  std::uint64_t posted;
  {
    std::lock_guard lock(m_commandMutex);
    m_commands.push_back(std::move(command));
    posted = ++m_posted;
    m_hasCommands.store(true, std::memory_order_release);
  }
  m_wake.notify_one();
  return posted;
}

std::uint64_t EngineChannel::postedCount() const {
  std::lock_guard lock(m_commandMutex);
  return m_posted;
}

std::vector<commands::Command> EngineChannel::drainCommands() {
  std::vector<commands::Command> drained;
  std::lock_guard lock(m_commandMutex);
  drained.swap(m_commands);
  m_hasCommands.store(false, std::memory_order_release);
  return drained;
}

void EngineChannel::waitForWork(std::optional<Clock::time_point> deadline) {
  std::unique_lock lock(m_commandMutex);
  const auto woken = [this] { return stopRequested() || !m_commands.empty(); };
  if (deadline)
    m_wake.wait_until(lock, *deadline, woken);
  else
    m_wake.wait(lock, woken);
}

void EngineChannel::requestStop() {
  {
    // Under the lock, so a worker between its check and its wait cannot miss the wake-up.
    std::lock_guard lock(m_commandMutex);
    m_stop.store(true, std::memory_order_release);
  }
  m_wake.notify_all();
}

void EngineChannel::publishSnapshot(std::shared_ptr<const Snapshot> snapshot) {
  {
    std::lock_guard lock(m_mailboxMutex);
    m_snapshot.swap(snapshot);
  }
  m_published.notify_all();
  // The previous snapshot (now in `snapshot`) is released here, outside the lock.
}

std::shared_ptr<const Snapshot> EngineChannel::latestSnapshot() const {
  std::lock_guard lock(m_mailboxMutex);
  return m_snapshot;
}

bool EngineChannel::waitForSnapshot(const std::function<bool(const Snapshot&)>& done,
                                    std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mailboxMutex);
  return m_published.wait_for(lock, timeout, [&] { return m_snapshot && done(*m_snapshot); });
}

std::vector<TraceDelta> EngineChannel::takeDeltas(std::vector<TraceDelta> recycled) {
  std::vector<TraceDelta> taken;
  {
    std::lock_guard lock(m_mailboxMutex);
    taken.swap(m_deltas);
    m_deltasTaken.store(true, std::memory_order_release);
    if (m_recycled.empty()) m_recycled.swap(recycled);
  }
  return taken;  // whatever `recycled` still holds is freed here, outside the lock
}

std::vector<TraceDelta> EngineChannel::takeRecycled() {
  std::vector<TraceDelta> recycled;
  std::lock_guard lock(m_mailboxMutex);
  recycled.swap(m_recycled);
  return recycled;
}

std::vector<TraceDelta> EngineChannel::exchangeDeltas(std::vector<TraceDelta> replacement) {
  std::lock_guard lock(m_mailboxMutex);
  m_deltas.swap(replacement);
  m_deltasTaken.store(m_deltas.empty(), std::memory_order_release);
  return replacement;
}

}  // namespace optiscope
