#include "ui/network/insight/slice_projection_cache.h"

#include <algorithm>
#include <utility>

namespace optiscope::ui {

void SliceProjectionCache::setPlane(std::shared_ptr<const SlicePlane> plane) {
  m_plane = std::move(plane);
  m_runs.clear();
}

std::vector<Eigen::Vector2d> SliceProjectionCache::path(RunId id, long long generation,
                                                        const EpochHistory* history,
                                                        const Eigen::VectorXd* current) {
  std::vector<Eigen::Vector2d> points;
  if (!m_plane) return points;
  const Eigen::Index size = m_plane->center.size();
  RunCache& cache = m_runs[id];
  if (cache.generation != generation) cache = {generation, {}};
  long long lastStep = -1;
  if (history) {
    points.reserve(history->size() + 1);
    for (std::size_t r = 0; r < history->size(); ++r) {
      const EpochRecord& record = (*history)[r];
      if (record.params.size() != size) continue;
      auto [it, added] = cache.byStep.try_emplace(record.step);
      if (added) it->second = m_plane->project(record.params);
      points.push_back(it->second);
      lastStep = record.step;
    }
    // Thinned-away records would otherwise pile up over a long run.
    if (cache.byStep.size() > 2 * history->size() + 16) {
      std::map<long long, Eigen::Vector2d> kept;
      for (std::size_t r = 0; r < history->size(); ++r) {
        auto it = cache.byStep.find((*history)[r].step);
        if (it != cache.byStep.end()) kept.insert(*it);
      }
      cache.byStep = std::move(kept);
    }
  }
  if (current && current->size() == size) {
    const bool atLastRecord = lastStep >= 0 && history && history->back().params.size() == size &&
                              history->back().params == *current;
    if (!atLastRecord) points.push_back(m_plane->project(*current));
  }
  return points;
}

void SliceProjectionCache::forgetOtherRuns(const std::vector<RunId>& keep) {
  std::erase_if(m_runs, [&](const auto& entry) {
    return std::find(keep.begin(), keep.end(), entry.first) == keep.end();
  });
}

std::size_t SliceProjectionCache::cachedRecords() const {
  std::size_t count = 0;
  for (const auto& [id, run] : m_runs) count += run.byStep.size();
  return count;
}

}  // namespace optiscope::ui
