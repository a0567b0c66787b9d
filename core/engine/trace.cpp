#include "core/engine/trace.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace optiscope {

namespace {

std::size_t evenQuota(std::size_t quota) { return std::max<std::size_t>(2, quota + quota % 2); }

}  // namespace

TraceLimits TraceLimits::normalized() const {
  if (isUnbounded()) return *this;
  return {evenQuota(recent), evenQuota(perLevel), head};
}

Trace::Trace(Eigen::Index dim, TraceLimits limits)
    : m_dim(dim),
      m_width(2 + 3 * static_cast<std::size_t>(std::max<Eigen::Index>(dim, 0))),
      m_limits(limits.normalized()) {
  if (dim < 0) throw std::invalid_argument("Trace: negative dimension");
}

double* Trace::newRecord(std::size_t level) {
  if (level == m_levels.size()) {
    Level fresh;
    fresh.quota = level == 0 ? m_limits.recent : m_limits.perLevel;
    m_levels.push_back(std::move(fresh));
  }
  if (!m_limits.isUnbounded() && m_levels[level].count == 2 * m_levels[level].quota)
    moveOlderHalfUp(level);
  Level& target = m_levels[level];
  if (target.count == target.capacity)
    grow(target,
         m_limits.isUnbounded() ? std::numeric_limits<std::size_t>::max() : 2 * target.quota);
  return target.records.get() + ringIndex(target, target.count++) * width();
}

void Trace::grow(Level& level, std::size_t maxCapacity) {
  // Geometric growth, never past twice the quota: short-lived traces (the engine's deltas)
  // stay small, long ones allocate about log2(quota) times per level.
  const std::size_t capacity = std::min(std::max<std::size_t>(16, 2 * level.capacity), maxCapacity);
  const std::size_t w = width();
  std::unique_ptr<double[]> records(new double[capacity * w]);
  for (std::size_t i = 0; i < level.count; ++i)
    std::memcpy(records.get() + i * w, recordAt(level, i), w * sizeof(double));
  level.records = std::move(records);
  level.capacity = capacity;
  level.head = 0;
}

void Trace::moveOlderHalfUp(std::size_t level) {
  const std::size_t w = width();
  const std::size_t quota = m_levels[level].quota;
  // Even indices only: the level's oldest point (ultimately the run's first) always survives.
  // newRecord may open a level and so move the Level objects, but not their ring buffers.
  for (std::size_t i = 0; i < quota; i += 2)
    std::memcpy(newRecord(level + 1), recordAt(m_levels[level], i), w * sizeof(double));
  Level& thinned = m_levels[level];
  thinned.head = ringIndex(thinned, quota);
  thinned.count -= quota;
}

std::size_t Trace::ringIndex(const Level& level, std::size_t index) {
  // head < capacity and index < capacity, so one subtraction replaces a costly modulo.
  const std::size_t slot = level.head + index;
  return slot >= level.capacity ? slot - level.capacity : slot;
}

const double* Trace::recordAt(const Level& level, std::size_t index) const {
  return level.records.get() + ringIndex(level, index) * width();
}

Trace::Trace(const Trace& other)
    : m_dim(other.m_dim),
      m_width(other.m_width),
      m_limits(other.m_limits),
      m_appended(other.m_appended) {
  const std::size_t w = width();
  const auto copyLevel = [&](const Level& from, Level& to) {
    to.quota = from.quota;
    to.count = from.count;
    to.capacity = from.capacity;
    if (from.capacity == 0) return;
    to.records.reset(new double[from.capacity * w]);
    for (std::size_t i = 0; i < from.count; ++i)
      std::memcpy(to.records.get() + i * w, other.recordAt(from, i), w * sizeof(double));
  };
  copyLevel(other.m_head, m_head);
  m_levels.resize(other.m_levels.size());
  for (std::size_t k = 0; k < m_levels.size(); ++k) copyLevel(other.m_levels[k], m_levels[k]);
}

Trace& Trace::operator=(const Trace& other) {
  if (this != &other) *this = Trace(other);
  return *this;
}

Trace::Trace(Trace&& other) noexcept
    : m_dim(other.m_dim),
      m_width(other.m_width),
      m_limits(other.m_limits),
      m_head(std::move(other.m_head)),
      m_levels(std::move(other.m_levels)),
      m_appended(other.m_appended),
      m_cursor(other.m_cursor),  // the ring buffers moved along, so it still points into them
      m_room(other.m_room) {
  other.m_head = Level();
  other.m_levels.clear();
  other.m_appended = 0;
  other.m_room = 0;
}

Trace& Trace::operator=(Trace&& other) noexcept {
  if (this != &other) {
    m_dim = other.m_dim;
    m_width = other.m_width;
    m_limits = other.m_limits;
    m_head = std::move(other.m_head);
    m_levels = std::move(other.m_levels);
    m_appended = other.m_appended;
    m_cursor = other.m_cursor;
    m_room = other.m_room;
    other.m_head = Level();
    other.m_levels.clear();
    other.m_appended = 0;
    other.m_room = 0;
  }
  return *this;
}

void Trace::throwDimensionMismatch() {
  throw std::invalid_argument("Trace::append: vector size differs from the trace's dimension");
}

bool Trace::belongsToHead(long long step) const {
  if (step < 0 || static_cast<unsigned long long>(step) >= m_limits.head) return false;
  if (m_head.count >= m_limits.head) return false;
  for (const Level& level : m_levels)
    if (level.count > 0) return false;
  return true;
}

double* Trace::newNewestRecord(long long step) {
  if (belongsToHead(step)) {
    // m_room stays 0: every head point takes this path, the rest the fast one.
    if (m_head.count == m_head.capacity) grow(m_head, m_limits.head);
    return m_head.records.get() + m_width * m_head.count++;
  }
  double* record = newRecord(0);
  const Level& newest = m_levels.front();
  const auto slot = static_cast<std::size_t>(record - newest.records.get()) / m_width;
  // Free slots that follow this one without wrapping around the ring (capacity never
  // exceeds twice the quota, so this also stops before the next thinning).
  m_room = std::min(newest.capacity - newest.count, newest.capacity - slot - 1);
  m_cursor = record + m_width;
  return record;
}

void Trace::append(const TracePoint& point) {
  append(point.step, point.loss, point.params, point.gradient, point.effectiveLr);
}

void Trace::appendAll(const Trace& other) {
  if (other.m_dim != m_dim)
    throw std::invalid_argument("Trace::appendAll: traces of different dimensions");
  if (&other == this) {
    const Trace copy(other);
    appendAll(copy);
    return;
  }
  // Record by record, exactly as append() would place each point, but a stretch that fits
  // level 0 contiguously (append's fast path) is copied at once: the GUI absorbs some 10^4
  // points per run and frame this way.
  const auto appendRecords = [this](const double* records, std::size_t count) {
    const std::size_t w = width();
    while (count > 0) {
      if (m_room == 0) {
        double* record = newNewestRecord(static_cast<long long>(records[0]));
        std::memcpy(record, records, w * sizeof(double));
        ++m_appended;
        records += w;
        --count;
        continue;
      }
      const std::size_t n = std::min(m_room, count);
      std::memcpy(m_cursor, records, n * w * sizeof(double));
      m_cursor += n * w;
      m_room -= n;
      m_levels.front().count += n;
      m_appended += static_cast<long long>(n);
      records += n * w;
      count -= n;
    }
  };
  const auto appendLevel = [&](const Level& level) {
    if (level.count == 0) return;
    // A ring: from its oldest record to the buffer's end, then on from the buffer's start.
    const std::size_t first = std::min(level.count, level.capacity - level.head);
    appendRecords(level.records.get() + level.head * width(), first);
    appendRecords(level.records.get(), level.count - first);
  };
  appendLevel(other.m_head);
  for (auto level = other.m_levels.rbegin(); level != other.m_levels.rend(); ++level)
    appendLevel(*level);
}

void Trace::clear() {
  m_head.count = 0;
  for (Level& level : m_levels) level.count = level.head = 0;
  m_appended = 0;
  m_room = 0;
}

std::size_t Trace::size() const {
  std::size_t total = m_head.count;
  for (const Level& level : m_levels) total += level.count;
  return total;
}

TracePoint Trace::operator[](std::size_t index) const {
  if (index < m_head.count) return pointAt(recordAt(m_head, index));
  index -= m_head.count;
  for (auto level = m_levels.rbegin(); level != m_levels.rend(); ++level) {
    if (index < level->count) return pointAt(recordAt(*level, index));
    index -= level->count;
  }
  throw std::out_of_range("Trace: point index out of range");
}

TracePoint Trace::pointAt(const double* record) const {
  const double* vectors = record + 2;
  return {static_cast<long long>(record[0]), record[1],
          Eigen::Map<const Eigen::VectorXd>(vectors, m_dim),
          Eigen::Map<const Eigen::VectorXd>(vectors + m_dim, m_dim),
          Eigen::Map<const Eigen::VectorXd>(vectors + 2 * m_dim, m_dim)};
}

std::size_t Trace::memoryBytes() const {
  std::size_t bytes =
      m_levels.capacity() * sizeof(Level) + m_head.capacity * width() * sizeof(double);
  for (const Level& level : m_levels) bytes += level.capacity * width() * sizeof(double);
  return bytes;
}

}  // namespace optiscope
