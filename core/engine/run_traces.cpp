#include "core/engine/run_traces.h"

#include <algorithm>

namespace optiscope {

void RunTraces::absorb(const std::vector<TraceDelta>& deltas) {
  for (const TraceDelta& delta : deltas) {
    auto kept = m_traces.find(delta.run);
    if (kept == m_traces.end() || delta.restarted) {
      const TraceLimits limits =
          delta.points.limits().isUnbounded() ? TraceLimits::unbounded() : m_limits;
      Kept fresh{delta.generation, Trace(delta.points.dim(), limits)};
      fresh.trace.appendAll(delta.points);
      m_traces.insert_or_assign(delta.run, std::move(fresh));
      continue;
    }
    kept->second.generation = delta.generation;
    kept->second.trace.appendAll(delta.points);
  }
}

void RunTraces::retainRunsOf(const Snapshot& snapshot) {
  std::erase_if(m_traces, [&](const auto& entry) { return snapshot.find(entry.first) == nullptr; });
}

const Trace* RunTraces::find(RunId id) const {
  auto kept = m_traces.find(id);
  return kept == m_traces.end() ? nullptr : &kept->second.trace;
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
