#pragma once

#include <Eigen/Core>
#include <QFuture>
#include <QObject>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/landscape/landscape_result.h"
#include "core/nn/loss_slice.h"
#include "core/nn/network_task.h"

namespace optiscope::ui {

// The loss slice and the loss line, computed off the GUI thread (QtConcurrent, each job with
// its own copy of the task, whose scratch space it writes), after Qt's Mandelbrot example: the
// latest request wins, an older job is cancelled through its flag and whatever it still
// delivers is dropped by generation. A slice arrives twice, coarse then fine, as a
// LandscapeResult (grid, log-spaced contour levels and lines) so the landscape's heatmap can
// draw it unchanged.
class LossSliceJobs : public QObject {
  Q_OBJECT
 public:
  explicit LossSliceJobs(QObject* parent = nullptr);
  ~LossSliceJobs() override;  // cancels and waits (a job stops within one grid row)

  std::uint64_t requestSlice(std::shared_ptr<const NetworkTask> task, LossSliceRequest request,
                             int levelCount = 15);
  std::uint64_t requestLine(std::shared_ptr<const NetworkTask> task, Eigen::VectorXd from,
                            Eigen::VectorXd to, LossLineOptions options = {});
  // Drops what is running and anything it would still deliver (a new task is coming).
  void cancelAll();
  bool lineRunning() const;
  bool sliceRunning() const;

 signals:
  void sliceReady(std::shared_ptr<const LandscapeResult> result);
  void lineReady(std::shared_ptr<const LossLine> line);

 private:
  struct Job {
    std::shared_ptr<std::atomic<bool>> cancel;
    QFuture<void> future;
  };
  void prune();
  static void cancel(Job& job);

  std::vector<Job> m_jobs;
  Job m_slice, m_line;
  std::uint64_t m_sliceGeneration = 0;
  std::uint64_t m_lineGeneration = 0;
};

// Levels and contour lines of a slice grid (on the calling thread, a worker).
std::shared_ptr<LandscapeResult> sliceLandscape(Grid grid, Resolution resolution, int levelCount);

}  // namespace optiscope::ui
