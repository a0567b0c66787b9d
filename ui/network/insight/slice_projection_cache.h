#pragma once

#include <Eigen/Core>
#include <map>
#include <memory>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/epoch_record.h"
#include "core/nn/loss_slice.h"

namespace optiscope::ui {

// Projections of runs' epoch records onto one slice plane, remembered per record, so that a
// live refresh projects only what is new: a record's parameters never change (a history only
// drops records when it thins), except when the run restarts, which its generation tells.
class SliceProjectionCache {
 public:
  // Forgets everything: the plane changed.
  void setPlane(std::shared_ptr<const SlicePlane> plane);
  const SlicePlane* plane() const { return m_plane.get(); }

  // The run's path on the plane: its records in order, then `current` (when it has the plane's
  // size and differs from the last record). Records of another size are skipped (a history of
  // the previous task, until the restart reaches the view).
  std::vector<Eigen::Vector2d> path(RunId id, long long generation, const EpochHistory* history,
                                    const Eigen::VectorXd* current);
  void forgetOtherRuns(const std::vector<RunId>& keep);
  std::size_t cachedRecords() const;

 private:
  struct RunCache {
    long long generation = -1;
    std::map<long long, Eigen::Vector2d> byStep;
  };
  std::shared_ptr<const SlicePlane> m_plane;
  std::map<RunId, RunCache> m_runs;
};

}  // namespace optiscope::ui
