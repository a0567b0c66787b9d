#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/engine/epoch_record.h"
#include "core/engine/snapshot.h"
#include "core/engine/trace.h"

namespace optiscope {

// The consumer side of the trace hand-over: one bounded Trace per run, fed with the deltas
// of Engine::takeTraceDeltas(). A GUI keeps one to draw paths; the CLI keeps one with
// full-resolution runs to write every step.
class RunTraces {
 public:
  explicit RunTraces(TraceLimits limits = {}) : m_limits(limits) {}

  // A restarted delta replaces what was kept for its run (its epoch history too). Runs handed
  // over at full resolution are kept at full resolution too (every epoch record included).
  // The deltas are left intact, so that they can go back to the engine for reuse
  // (Engine::takeTraceDeltas(recycled)).
  void absorb(const std::vector<TraceDelta>& deltas);
  // Drops the traces of runs the snapshot no longer lists.
  void retainRunsOf(const Snapshot& snapshot);

  const Trace* find(RunId id) const;
  // The epoch records of a run with epochs; null for unknown runs and runs without epochs.
  const EpochHistory* epochs(RunId id) const;
  long long generation(RunId id) const;  // -1 for an unknown run
  std::size_t runCount() const { return m_traces.size(); }
  std::size_t memoryBytes() const;

 private:
  struct Kept {
    long long generation = -1;
    Trace trace;
    std::optional<EpochHistory> epochs;  // runs with epochs only
  };
  TraceLimits m_limits;
  std::map<RunId, Kept> m_traces;
};

}  // namespace optiscope
