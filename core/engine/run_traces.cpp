#include "core/engine/run_traces.h"

#include <algorithm>
#include <limits>

namespace optiscope {

void RunTraces::absorb(const std::vector<TraceDelta>& deltas) {
  for (const TraceDelta& delta : deltas) {
    auto kept = m_traces.find(delta.run);
    if (kept == m_traces.end() || delta.restarted) {
      const TraceLimits limits =
          delta.points.limits().isUnbounded() ? TraceLimits::unbounded() : m_limits;
      Kept fresh{delta.generation, Trace(delta.points.dim(), limits), std::nullopt};
      fresh.trace.appendAll(delta.points);
      kept = m_traces.insert_or_assign(delta.run, std::move(fresh)).first;
    } else {
      kept->second.generation = delta.generation;
      kept->second.trace.appendAll(delta.points);
    }
    // A run with epochs: its first delta opens the history even when it carries no record yet.
    if (delta.hasEpochs && !kept->second.epochs)
      kept->second.epochs.emplace(kept->second.trace.limits().isUnbounded()
                                      ? std::numeric_limits<std::size_t>::max()
                                      : EpochHistory().capacity());
    for (const EpochRecord& record : delta.epochs) kept->second.epochs->append(record);
  }
}

void RunTraces::retainRunsOf(const Snapshot& snapshot) {
  std::erase_if(m_traces, [&](const auto& entry) { return snapshot.find(entry.first) == nullptr; });
}

const Trace* RunTraces::find(RunId id) const {
  auto kept = m_traces.find(id);
  return kept == m_traces.end() ? nullptr : &kept->second.trace;
}

const EpochHistory* RunTraces::epochs(RunId id) const {
  auto kept = m_traces.find(id);
  if (kept == m_traces.end() || !kept->second.epochs) return nullptr;
  return &*kept->second.epochs;
}

long long RunTraces::generation(RunId id) const {
  auto kept = m_traces.find(id);
  return kept == m_traces.end() ? -1 : kept->second.generation;
}

std::size_t RunTraces::memoryBytes() const {
  std::size_t bytes = 0;
  for (const auto& entry : m_traces) bytes += entry.second.trace.memoryBytes();
  return bytes;
}

}  // namespace optiscope
