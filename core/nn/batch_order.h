#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

namespace optiscope {

// Minibatches over a training set: one epoch is one pass over every example in an order
// shuffled afresh for each epoch; batches have batchSize() examples, the epoch's last one the
// remainder. Epoch e's order depends only on the seed and e, so a run replays exactly.
// Moving to the next batch allocates nothing.
class BatchOrder {
 public:
  // Throws SpecError unless 1 <= batchSize <= examples.
  BatchOrder(Eigen::Index examples, Eigen::Index batchSize, std::uint64_t seed);

  Eigen::Index batchSize() const { return m_batchSize; }
  Eigen::Index batchesPerEpoch() const { return m_batchesPerEpoch; }
  long long epoch() const { return m_epoch; }
  Eigen::Index batchInEpoch() const { return m_batch; }

  // Example indices of the current batch.
  std::span<const Eigen::Index> current() const;
  void advance();
  void restart();  // epoch 0, batch 0

 private:
  void shuffle();

  Eigen::Index m_batchSize, m_batchesPerEpoch;
  std::uint64_t m_seed;
  long long m_epoch = 0;
  Eigen::Index m_batch = 0;
  std::vector<Eigen::Index> m_order;
};

}  // namespace optiscope
