#include "core/engine/engine_worker.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <utility>

namespace optiscope {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
// C++20 deduces this aggregate's template arguments; clang-14 still needs the guide.
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

constexpr long long kMaxChunk = 4096;
constexpr std::chrono::milliseconds kRateWindow{250};

// Records of a later hand-over joining an untaken one, bounded as the slot bounds them.
void appendEpochs(TraceDelta& into, std::vector<EpochRecord> records) {
  const bool bounded = !into.points.limits().isUnbounded();
  for (EpochRecord& record : records) {
    if (bounded && into.epochs.size() >= TraceDelta::kMaxPendingEpochs) thinOlderHalf(into.epochs);
    into.epochs.push_back(std::move(record));
  }
}

}  // namespace

EngineWorker::EngineWorker(EngineChannel& channel, EngineOptions options)
    : m_channel(channel), m_options(options) {
  m_pacer.setSpeed(Pacer::kUnlimited, Clock::now());
}

void EngineWorker::loop() {
  while (!m_channel.stopRequested()) {
    if (m_channel.hasCommands()) applyCommands();
    auto now = Clock::now();
    const long long due = ticksDue(now);
    if (due > 0) {
      const long long made = stepBatch(due, now + m_options.batchBudget);
      if (m_pendingSteps > 0)
        m_pendingSteps -= std::min(made, m_pendingSteps);
      else
        m_pacer.consume(made);
      now = Clock::now();
    }
    const bool idle = !hasWork() && !m_channel.hasCommands();
    if (m_dirty && now >= m_nextPublish) publish(now, idle);
    if (m_channel.hasCommands() || (hasWork() && ticksDue(now) > 0)) continue;

    std::optional<Clock::time_point> wakeAt;
    if (hasWork()) wakeAt = m_pacer.nextTickAt();
    if (m_dirty) wakeAt = wakeAt ? std::min(*wakeAt, m_nextPublish) : m_nextPublish;
    m_channel.waitForWork(wakeAt);
  }
}

// ---- commands

void EngineWorker::applyCommands() {
  auto drained = m_channel.drainCommands();
  for (auto& command : drained) {
    try {
      apply(command);
    } catch (const std::exception& error) {
      // Commands are validated before they are queued; keep running and make it visible.
      m_lastError = error.what();
    }
    ++m_appliedCommands;
  }
  m_dirty = true;
}

RunSlot* EngineWorker::find(RunId id) {
  for (RunSlot& slot : m_slots)
    if (slot.id() == id) return &slot;
  return nullptr;
}

void EngineWorker::apply(commands::Command& command) {
  using namespace commands;
  const auto withRun = [this](RunId id, auto&& change) {
    if (RunSlot* slot = find(id)) change(*slot);
  };
  std::visit(
      Overloaded{
          [&](Play&) { m_playing = true; },
          [&](Pause&) {
            m_playing = false;
            m_pendingSteps = 0;
          },
          [&](Step& c) {
            m_playing = false;
            m_pendingSteps += c.count;
          },
          [&](SetSpeed& c) { m_pacer.setSpeed(c.stepsPerSecond, Clock::now()); },
          [&](AddRun& c) {
            restarted(m_slots.emplace_back(c.id, std::move(c.run), std::move(c.config), c.options));
          },
          [&](RemoveRun& c) {
            std::erase_if(m_slots, [&](const RunSlot& slot) { return slot.id() == c.id; });
          },
          [&](ResetRun& c) {
            withRun(c.id, [&](RunSlot& slot) {
              slot.reset();
              restarted(slot);
            });
          },
          [&](ResetAll&) {
            for (RunSlot& slot : m_slots) {
              slot.reset();
              restarted(slot);
            }
          },
          [&](SetOptimizer& c) {
            withRun(c.id, [&](RunSlot& slot) {
              if (slot.setOptimizer(c.optimizer, std::move(c.config))) restarted(slot);
            });
          },
          [&](SetSchedule& c) {
            withRun(c.id,
                    [&](RunSlot& slot) { slot.setSchedule(c.schedule, std::move(c.config)); });
          },
          [&](SetStart& c) {
            withRun(c.id, [&](RunSlot& slot) {
              slot.setStart(c.start, std::move(c.config));
              restarted(slot);
            });
          },
          [&](SetStepLimit& c) {
            withRun(c.id, [&](RunSlot& slot) { slot.options().stepLimit = c.stepLimit; });
          },
          [&](RestartRuns& c) {
            for (RestartRuns::Restart& entry : c.runs)
              withRun(entry.id, [&](RunSlot& slot) {
                slot.replace(std::move(entry.run), std::move(entry.config));
                restarted(slot);
              });
          },
      },
      command);
}

TraceDelta EngineWorker::emptyDelta(const RunSlot& slot) {
  const TraceLimits limits =
      slot.options().fullResolution ? TraceLimits::unbounded() : m_options.deltaLimits.normalized();
  const Eigen::Index dim = slot.traceDim();
  TraceDelta delta{slot.id(), slot.generation(), false, slot.hasEpochs(), Trace(), {}};
  while (!m_spareDeltas.empty()) {
    Trace spare = std::move(m_spareDeltas.back().points);
    m_spareDeltas.pop_back();
    if (spare.dim() != dim || !(spare.limits() == limits)) continue;
    spare.clear();
    delta.points = std::move(spare);
    return delta;
  }
  delta.points = Trace(dim, limits);
  return delta;
}

void EngineWorker::restarted(RunSlot& slot) { slot.restarted(emptyDelta(slot)); }

// ---- stepping

bool EngineWorker::anyRunnable() const {
  return std::any_of(m_slots.begin(), m_slots.end(),
                     [](const RunSlot& slot) { return slot.runnable(); });
}

bool EngineWorker::hasWork() const { return (m_playing || m_pendingSteps > 0) && anyRunnable(); }

long long EngineWorker::ticksDue(Clock::time_point now) {
  const bool working = hasWork();
  if (!working) m_pendingSteps = 0;  // a step request with nothing to step is spent
  if (working && !m_wasWorking) m_pacer.restart(now);  // no catching up on an idle spell
  m_wasWorking = working;
  if (!working) return 0;
  if (m_pendingSteps > 0) return m_pendingSteps;
  return m_pacer.due(now);
}

long long EngineWorker::stepBatch(long long maxTicks, Clock::time_point deadline) {
  long long made = 0;
  while (made < maxTicks) {
    const long long ticks = std::min(m_chunk, maxTicks - made);
    const auto chunkStart = Clock::now();
    for (RunSlot& slot : m_slots) advance(slot, ticks);
    made += ticks;
    const auto now = Clock::now();
    // Keep a chunk near 1/16 of the budget: short enough to stay responsive, long enough
    // that reading the clock costs nothing.
    const auto spent = now - chunkStart;
    if (spent * 32 < m_options.batchBudget && m_chunk < kMaxChunk) m_chunk *= 2;
    if (spent * 8 > m_options.batchBudget && m_chunk > 1) m_chunk /= 2;
    if (now >= deadline || m_channel.hasCommands() || m_channel.stopRequested()) break;
  }
  m_dirty = true;
  return made;
}

long long EngineWorker::advance(RunSlot& slot, long long ticks) {
  const long long made = slot.advance(ticks);
  m_totalSteps += made;
  return made;
}

// ---- publishing

void EngineWorker::publish(Clock::time_point now, bool idle) {
  publishDeltas(idle);
  m_channel.publishSnapshot(buildSnapshot(now, idle));
  m_dirty = false;
  m_nextPublish = now + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(1.0 / m_options.publishRateHz));
}

void EngineWorker::publishDeltas(bool force) {
  // While the consumer has not taken the last hand-over, keep collecting (the delta traces
  // thin themselves); only when everything is done is it merged, so that nothing waits.
  if (!force && !m_channel.deltasTaken()) return;
  if (m_spareDeltas.empty()) m_spareDeltas = m_channel.takeRecycled();
  std::vector<TraceDelta> fresh;
  for (RunSlot& slot : m_slots) {
    if (!slot.delta().restarted && slot.delta().points.empty()) continue;
    fresh.push_back(std::exchange(slot.delta(), emptyDelta(slot)));
  }
  if (fresh.empty()) return;
  std::vector<TraceDelta> pending = m_channel.exchangeDeltas({});
  for (TraceDelta& delta : fresh) {
    auto older = std::find_if(pending.begin(), pending.end(),
                              [&](const TraceDelta& d) { return d.run == delta.run; });
    if (older == pending.end()) {
      pending.push_back(std::move(delta));
    } else if (delta.restarted) {
      *older = std::move(delta);
    } else {
      older->points.appendAll(delta.points);
      older->generation = delta.generation;
      appendEpochs(*older, std::move(delta.epochs));
    }
  }
  std::erase_if(pending, [this](const TraceDelta& d) { return find(d.run) == nullptr; });
  m_channel.exchangeDeltas(std::move(pending));
}

std::shared_ptr<const Snapshot> EngineWorker::buildSnapshot(Clock::time_point now, bool idle) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->sequence = ++m_sequence;
  snapshot->appliedCommands = m_appliedCommands;
  snapshot->playing = m_playing;
  snapshot->speed = m_pacer.speed();
  snapshot->totalSteps = m_totalSteps;
  snapshot->idle = idle;
  snapshot->lastError = m_lastError;

  const double sinceMark = std::chrono::duration<double>(now - m_rateMark).count();
  const bool newRates = now - m_rateMark >= kRateWindow;
  if (newRates) m_rateMark = now;
  snapshot->runs.reserve(m_slots.size());
  for (RunSlot& slot : m_slots) {
    if (newRates) slot.refreshRate(sinceMark);
    slot.fillSnapshot(snapshot->runs.emplace_back(), idle);
  }
  return snapshot;
}

}  // namespace optiscope
