#include "core/engine/epoch_record.h"

#include <algorithm>
#include <utility>

#include "core/util/spec_error.h"

namespace optiscope {

void thinOlderHalf(std::vector<EpochRecord>& records) {
  // Of the older half, keep indices 0, 2, 4, ...: the first record stays, and the newer
  // half is untouched, so the newest record stays too.
  const std::size_t olderHalf = records.size() / 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < olderHalf; i += 2) records[kept++] = std::move(records[i]);
  if (kept == olderHalf) return;  // nothing to drop (fewer than four records)
  records.erase(std::move(records.begin() + static_cast<std::ptrdiff_t>(olderHalf), records.end(),
                          records.begin() + static_cast<std::ptrdiff_t>(kept)),
                records.end());
}

EpochHistory::EpochHistory(std::size_t capacity) : m_capacity(capacity) {
  // Thinning a half of fewer than two records would drop nothing.
  if (capacity < 4) throw SpecError("an epoch history keeps at least 4 records");
}

void EpochHistory::append(EpochRecord record) {
  if (m_records.size() >= m_capacity) thinOlderHalf(m_records);
  m_records.push_back(std::move(record));
}

}  // namespace optiscope
