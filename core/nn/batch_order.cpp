#include "core/nn/batch_order.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/nn/random.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// Epoch e shuffles with stream kEpochStreams + e, far from the other derived streams.
constexpr std::uint64_t kEpochStreams = 1ull << 40;

}  // namespace

BatchOrder::BatchOrder(Eigen::Index examples, Eigen::Index batchSize, std::uint64_t seed)
    : m_batchSize(batchSize),
      m_seed(seed),
      m_order(static_cast<size_t>(std::max<Eigen::Index>(examples, 0))) {
  if (batchSize < 1 || batchSize > examples)
    throw SpecError("batch size must be from 1 to the " + std::to_string(examples) +
                    " training examples, got " + std::to_string(batchSize));
  m_batchesPerEpoch = (examples + batchSize - 1) / batchSize;
  restart();
}

std::span<const Eigen::Index> BatchOrder::current() const {
  const size_t begin = static_cast<size_t>(m_batch * m_batchSize);
  const size_t end = std::min(m_order.size(), begin + static_cast<size_t>(m_batchSize));
  return std::span<const Eigen::Index>(m_order).subspan(begin, end - begin);
}

void BatchOrder::advance() {
  if (++m_batch < m_batchesPerEpoch) return;
  m_batch = 0;
  ++m_epoch;
  shuffle();
}

void BatchOrder::restart() {
  m_epoch = 0;
  m_batch = 0;
  shuffle();
}

void BatchOrder::shuffle() {
  std::iota(m_order.begin(), m_order.end(), Eigen::Index{0});
  Random random(deriveSeed(m_seed, kEpochStreams + static_cast<std::uint64_t>(m_epoch)));
  for (size_t i = m_order.size(); i > 1; --i) std::swap(m_order[i - 1], m_order[random.below(i)]);
}

}  // namespace optiscope
