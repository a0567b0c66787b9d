#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/engine/engine_channel.h"
#include "core/engine/engine_commands.h"
#include "core/engine/pacer.h"
#include "core/engine/run_slot.h"
#include "core/engine/snapshot.h"

namespace optiscope {

// The engine's background thread: owns every run (see RunSlot), applies
// commands at step boundaries, steps the runs in short batches, records trace points and
// publishes snapshots. Nothing here is touched by any other thread; all exchange goes through
// the EngineChannel.
class EngineWorker {
 public:
  EngineWorker(EngineChannel& channel, EngineOptions options);
  // The thread's body; returns when the channel asks to stop.
  void loop();

 private:
  using Clock = EngineChannel::Clock;

  void applyCommands();
  void apply(commands::Command& command);
  RunSlot* find(RunId id);
  // The run went back to step 0: a fresh delta, marked so that consumers drop the old trace.
  void restarted(RunSlot& slot);

  bool anyRunnable() const;
  bool hasWork() const;
  long long ticksDue(Clock::time_point now);
  long long stepBatch(long long maxTicks, Clock::time_point deadline);
  long long advance(RunSlot& slot, long long ticks);

  void publish(Clock::time_point now, bool idle);
  void publishDeltas(bool force);
  std::shared_ptr<const Snapshot> buildSnapshot(Clock::time_point now, bool idle);
  TraceDelta emptyDelta(const RunSlot& slot);

  EngineChannel& m_channel;
  EngineOptions m_options;
  std::vector<RunSlot> m_slots;
  std::vector<TraceDelta> m_spareDeltas;  // handed back by the consumer, memory to reuse
  Pacer m_pacer;
  bool m_playing = false;
  long long m_pendingSteps = 0;  // from step(n): ticks to make regardless of speed
  bool m_wasWorking = false;
  long long m_chunk = 16;  // ticks between clock reads, adapted to the cost of a tick
  long long m_totalSteps = 0;
  std::uint64_t m_appliedCommands = 0;
  std::uint64_t m_sequence = 0;
  bool m_dirty = true;
  Clock::time_point m_nextPublish{};
  Clock::time_point m_rateMark{};
  std::string m_lastError;
};

}  // namespace optiscope
