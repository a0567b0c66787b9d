#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace optiscope {

// How much of a run's history a Trace keeps. The points of the run's first `head` steps
// (steps 0 .. head-1) and the newest `recent` points are kept at full resolution; the points
// in between move through levels of `perLevel` points each, level k keeping every 2^k-th
// point, so memory grows with the logarithm of the run's length. The first steps are kept
// whole because that is where optimizers differ most (momentum's first spiral, Adam's bias
// correction): a student needs to see them after any length of run.
struct TraceLimits {
  std::size_t recent = 4096;
  std::size_t perLevel = 1024;
  std::size_t head = 4096;

  // The limits of a display (the GUI's paths and plots): all three quotas as above.
  constexpr TraceLimits() = default;
  // Quotas given explicitly keep no first steps unless `head` says so.
  constexpr TraceLimits(std::size_t recent, std::size_t perLevel, std::size_t head = 0)
      : recent(recent), perLevel(perLevel), head(head) {}

  // Every point kept: for consumers that need each step (the CLI's CSV files).
  static TraceLimits unbounded() { return {std::numeric_limits<std::size_t>::max(), 0, 0}; }
  bool isUnbounded() const { return recent == std::numeric_limits<std::size_t>::max(); }
  // Quotas as a Trace uses them: even and at least 2 (thinning halves them).
  TraceLimits normalized() const;
  bool operator==(const TraceLimits&) const = default;
};

// One kept point, viewing the Trace's storage (valid until the Trace is next modified).
struct TracePoint {
  long long step;
  double loss;
  Eigen::Map<const Eigen::VectorXd> params;
  Eigen::Map<const Eigen::VectorXd> gradient;
  Eigen::Map<const Eigen::VectorXd> effectiveLr;
};

// The bounded history of one run: step, parameters, loss, gradient and η_eff at each kept
// point. The first and the last point appended are always kept, and so is every point of a
// step below `head` appended before any later step. Appending is amortised O(1);
// buffers grow geometrically up to twice their quota, so a bounded trace stops allocating
// except when a new level opens (about log2(n) times over n appends).
class Trace {
 public:
  Trace() = default;
  explicit Trace(Eigen::Index dim, TraceLimits limits = {});
  Trace(const Trace& other);
  Trace& operator=(const Trace& other);
  Trace(Trace&& other) noexcept;
  Trace& operator=(Trace&& other) noexcept;

  // Inline: the engine calls it after every step of every run.
  void append(long long step, double loss, const Eigen::Ref<const Eigen::VectorXd>& params,
              const Eigen::Ref<const Eigen::VectorXd>& gradient,
              const Eigen::Ref<const Eigen::VectorXd>& effectiveLr) {
    if (params.size() != m_dim || gradient.size() != m_dim || effectiveLr.size() != m_dim)
      throwDimensionMismatch();
    double* record = m_room > 0 ? nextContiguousRecord() : newNewestRecord(step);
    record[0] = static_cast<double>(step);  // exact below 2^53 steps
    record[1] = loss;
    if (m_dim > 0) {  // an empty vector's data() may be null, which memcpy must not see
      const auto bytes = static_cast<std::size_t>(m_dim) * sizeof(double);
      std::memcpy(record + 2, params.data(), bytes);
      std::memcpy(record + 2 + m_dim, gradient.data(), bytes);
      std::memcpy(record + 2 + 2 * m_dim, effectiveLr.data(), bytes);
    }
    ++m_appended;
  }
  void append(const TracePoint& point);
  // Appends every kept point of `other` (same dimension), oldest first.
  void appendAll(const Trace& other);
  // Forgets every point; keeps dimension, limits and the memory already reserved.
  void clear();

  Eigen::Index dim() const { return m_dim; }
  const TraceLimits& limits() const { return m_limits; }
  bool empty() const { return size() == 0; }
  std::size_t size() const;
  // Kept points in chronological order: 0 is the first point ever appended.
  TracePoint operator[](std::size_t index) const;
  // Visits the kept points from index `from` on, oldest first, as visit(const TracePoint&):
  // what operator[] gives, without searching the levels for every point.
  template <class Visit>
  void forEach(Visit&& visit, std::size_t from = 0) const {
    const auto visitLevel = [&](const Level& level) {
      for (std::size_t i = from; i < level.count; ++i) visit(pointAt(recordAt(level, i)));
      from = from > level.count ? from - level.count : 0;
    };
    visitLevel(m_head);
    for (auto level = m_levels.rbegin(); level != m_levels.rend(); ++level) visitLevel(*level);
  }
  TracePoint front() const { return (*this)[0]; }
  TracePoint back() const { return (*this)[size() - 1]; }
  long long appendedCount() const { return m_appended; }

  // Bytes held by the point buffers (their capacity, not their fill).
  std::size_t memoryBytes() const;

 private:
  // Level k holds points spaced 2^k appends apart, in a ring buffer (oldest at `head`). A
  // bounded level holds at most twice its quota; when full, its older half moves on to
  // level k+1, thinned by two. Rings, so that nothing is ever shifted in memory.
  struct Level {
    std::unique_ptr<double[]> records;  // uninitialised: every slot is written before read
    std::size_t capacity = 0;           // in records
    std::size_t head = 0;
    std::size_t count = 0;
    std::size_t quota = 0;
  };

  std::size_t width() const { return m_width; }
  [[noreturn]] static void throwDimensionMismatch();
  // The fast path: level 0 has a free slot right after the last one used.
  double* nextContiguousRecord() {
    --m_room;
    ++m_levels.front().count;
    double* record = m_cursor;
    m_cursor += m_width;
    return record;
  }
  // The slow path: makes room for a point of `step` (in the head, or in level 0, then setting
  // up the fast path for what follows).
  double* newNewestRecord(long long step);
  // Whether a point of `step` belongs to the head: one of the run's first steps, appended
  // before anything went to the levels (so the head stays the oldest part), while it has room.
  bool belongsToHead(long long step) const;
  // Room for one more record at `level` (thinning older points out first if it is full).
  double* newRecord(std::size_t level);
  // Doubles `level`'s capacity, up to `maxCapacity` records.
  void grow(Level& level, std::size_t maxCapacity);
  void moveOlderHalfUp(std::size_t level);
  static std::size_t ringIndex(const Level& level, std::size_t index);
  const double* recordAt(const Level& level, std::size_t index) const;
  TracePoint pointAt(const double* record) const;

  Eigen::Index m_dim = 0;
  std::size_t m_width = 2;  // doubles per record: step, loss, params, gradient, η_eff
  TraceLimits m_limits;
  Level m_head;                 // the run's first steps, never thinned, older than any level
  std::vector<Level> m_levels;  // 0 = newest; the last level holds the oldest points
  long long m_appended = 0;
  // Where the next level-0 record goes and how many more fit there contiguously; any other
  // change to level 0 sets m_room to 0, which sends the next append down the slow path.
  double* m_cursor = nullptr;
  std::size_t m_room = 0;
};

}  // namespace optiscope
