#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/engine/engine_commands.h"
#include "core/engine/snapshot.h"

namespace optiscope {

// Everything the engine's worker thread shares with the threads that talk to it: the command
// queue one way; the snapshot mailbox and the trace-delta slot the other way. Every lock
// here is held only to move a container or swap a pointer, never while stepping or copying.
class EngineChannel {
 public:
  using Clock = std::chrono::steady_clock;

  // --- caller side
  // Queues a command and wakes the worker; returns how many commands were posted so far.
  std::uint64_t post(commands::Command command);
  std::uint64_t postedCount() const;
  std::shared_ptr<const Snapshot> latestSnapshot() const;
  // Takes the published deltas and leaves `recycled` (deltas the caller is done with) for
  // the worker to reuse; dropped if the worker has not collected the previous ones yet.
  std::vector<TraceDelta> takeDeltas(std::vector<TraceDelta> recycled);
  // Waits until a published snapshot satisfies `done`; false on timeout.
  bool waitForSnapshot(const std::function<bool(const Snapshot&)>& done,
                       std::chrono::milliseconds timeout) const;
  void requestStop();

  // --- worker side
  bool stopRequested() const { return m_stop.load(std::memory_order_acquire); }
  bool hasCommands() const { return m_hasCommands.load(std::memory_order_acquire); }
  std::vector<commands::Command> drainCommands();
  // Sleeps until a command arrives, stop is requested, or the deadline (if any) passes.
  void waitForWork(std::optional<Clock::time_point> deadline);
  void publishSnapshot(std::shared_ptr<const Snapshot> snapshot);
  bool deltasTaken() const { return m_deltasTaken.load(std::memory_order_acquire); }
  // Swaps the slot's content with `replacement` and returns what the slot held.
  std::vector<TraceDelta> exchangeDeltas(std::vector<TraceDelta> replacement);
  std::vector<TraceDelta> takeRecycled();

 private:
  mutable std::mutex m_commandMutex;
  std::condition_variable m_wake;
  std::vector<commands::Command> m_commands;
  std::uint64_t m_posted = 0;
  std::atomic<bool> m_hasCommands{false};
  std::atomic<bool> m_stop{false};

  mutable std::mutex m_mailboxMutex;
  mutable std::condition_variable m_published;
  std::shared_ptr<const Snapshot> m_snapshot;
  std::vector<TraceDelta> m_deltas;
  std::vector<TraceDelta> m_recycled;
  std::atomic<bool> m_deltasTaken{true};
};

}  // namespace optiscope
