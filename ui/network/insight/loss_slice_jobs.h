#pragma once

#include <Eigen/Core>
#include <QObject>
#include <cstdint>
#include <memory>

#include "core/landscape/landscape_result.h"
#include "core/nn/loss_slice.h"
#include "core/nn/network_task.h"
#include "ui/background/gui_job.h"

namespace optiscope::ui {

// The loss slice and the loss line, computed off the GUI thread as two jobs of the one job
// pattern (each request with its own copy of the task, whose scratch space it writes): the
// latest request wins, an older one is cancelled and whatever it would still deliver is
// dropped. A slice arrives twice, coarse then fine, as a LandscapeResult (grid, log-spaced
// contour levels and lines) so the landscape's heatmap can draw it unchanged.
class LossSliceJobs : public QObject {
  Q_OBJECT
 public:
  explicit LossSliceJobs(QObject* parent = nullptr);
  ~LossSliceJobs() override;  // cancels and joins (a job stops within one grid row)

  std::uint64_t requestSlice(std::shared_ptr<const NetworkTask> task, LossSliceRequest request,
                             int levelCount = 15);
  std::uint64_t requestLine(std::shared_ptr<const NetworkTask> task, Eigen::VectorXd from,
                            Eigen::VectorXd to, LossLineOptions options = {});
  // Drops what is running and anything it would still deliver (a new task is coming).
  void cancelAll();
  bool lineRunning() const { return !m_line->idle(); }
  bool sliceRunning() const { return !m_slice->idle(); }
  // Neither job has anything waiting or running (results may still be queued for delivery).
  bool idle() const { return m_slice->idle() && m_line->idle(); }

 signals:
  void sliceReady(std::shared_ptr<const LandscapeResult> result);
  void lineReady(std::shared_ptr<const LossLine> line);

 private:
  std::unique_ptr<GuiJob<LandscapeResult>> m_slice;
  std::unique_ptr<GuiJob<LossLine>> m_line;
};

// Levels and contour lines of a slice grid (on the calling thread, a worker).
std::shared_ptr<LandscapeResult> sliceLandscape(Grid grid, Resolution resolution, int levelCount);

}  // namespace optiscope::ui
