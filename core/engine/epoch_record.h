#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "core/nn/layer_rate_bands.h"
#include "core/nn/network_task.h"

namespace optiscope {

// One epoch boundary of a network run (epoch 0 = the initial network, step 0).
struct EpochRecord {
  long long epoch = 0;
  long long step = 0;
  NetworkMetrics metrics;             // whole train and test sets at these params
  std::vector<RateBands> layerRates;  // η_eff of the last update per layer (NaN bands at step 0)
  Eigen::VectorXd params;             // for projecting trajectories on a loss-landscape slice
};

// Bounded per-run history of epoch records: keeps at most `capacity` records; when full, the
// older half is thinned by two (every other record dropped), the first and the newest always
// kept. Memory therefore stays bounded however long a run trains, with coarser resolution
// far in the past.
class EpochHistory {
 public:
  explicit EpochHistory(std::size_t capacity = 2048);  // capacity >= 4, else SpecError

  void append(EpochRecord record);
  void clear() { m_records.clear(); }
  std::size_t size() const { return m_records.size(); }
  bool empty() const { return m_records.empty(); }
  std::size_t capacity() const { return m_capacity; }
  const EpochRecord& operator[](std::size_t i) const { return m_records[i]; }
  const EpochRecord& back() const { return m_records.back(); }

 private:
  std::size_t m_capacity;
  std::vector<EpochRecord> m_records;
};

// Drops every other record of the older half of `records` (the first one is kept; the newer
// half is untouched): what every bounded record list (history, untaken deltas) does when full.
void thinOlderHalf(std::vector<EpochRecord>& records);

}  // namespace optiscope
