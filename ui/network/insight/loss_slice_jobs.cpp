#include "ui/network/insight/loss_slice_jobs.h"

#include <QtConcurrent>
#include <limits>
#include <utility>

#include "core/landscape/contour_levels.h"
#include "core/landscape/marching_squares.h"

namespace optiscope::ui {

std::shared_ptr<LandscapeResult> sliceLandscape(Grid grid, Resolution resolution, int levelCount) {
  auto result = std::make_shared<LandscapeResult>();
  result->resolution = resolution;
  result->grid = std::move(grid);
  // A network's loss has no known minimum value: heights are measured from the grid's lowest.
  result->floor = levelFloor(std::numeric_limits<double>::quiet_NaN(), result->grid);
  result->logOffset = logOffset(result->grid, result->floor);
  for (double level :
       contourLevels(result->grid, result->floor, levelCount, LevelSpacing::kLogarithmic))
    result->contours.push_back({level, contourLines(result->grid, level)});
  return result;
}

LossSliceJobs::LossSliceJobs(QObject* parent) : QObject(parent) {}

LossSliceJobs::~LossSliceJobs() {
  for (Job& job : m_jobs) cancel(job);
  // The jobs post their results to this object: it must outlive them.
  for (Job& job : m_jobs) job.future.waitForFinished();
}

void LossSliceJobs::cancel(Job& job) {
  if (job.cancel) *job.cancel = true;
}

void LossSliceJobs::prune() {
  std::erase_if(m_jobs, [](const Job& job) { return job.future.isFinished(); });
}

void LossSliceJobs::cancelAll() {
  ++m_sliceGeneration;
  ++m_lineGeneration;
  cancel(m_slice);
  cancel(m_line);
}

bool LossSliceJobs::lineRunning() const { return m_line.cancel && !m_line.future.isFinished(); }
bool LossSliceJobs::sliceRunning() const { return m_slice.cancel && !m_slice.future.isFinished(); }

std::uint64_t LossSliceJobs::requestSlice(std::shared_ptr<const NetworkTask> task,
                                          LossSliceRequest request, int levelCount) {
  prune();
  cancel(m_slice);
  const std::uint64_t generation = ++m_sliceGeneration;
  auto flag = std::make_shared<std::atomic<bool>>(false);
  QFuture<void> future = QtConcurrent::run(
      [this, task = std::move(task), request = std::move(request), flag, generation, levelCount] {
        NetworkTask local(*task);
        const auto deliver = [&](Grid grid, SlicePass pass) {
          std::shared_ptr<LandscapeResult> result = sliceLandscape(
              std::move(grid), pass == SlicePass::kFine ? Resolution::kFine : Resolution::kCoarse,
              levelCount);
          result->generation = generation;
          if (*flag) return;
          QMetaObject::invokeMethod(
              this,
              [this, result = std::shared_ptr<const LandscapeResult>(result), generation] {
                if (generation == m_sliceGeneration) emit sliceReady(result);
              },
              Qt::QueuedConnection);
        };
        // The view checks sizes before it asks; an exception here would resurface in the
        // destructor's wait, so a failed job just delivers nothing.
        try {
          computeLossSlice(local, request, flag.get(), deliver);
        } catch (const std::exception&) {
        }
      });
  m_slice = {flag, future};
  m_jobs.push_back(m_slice);
  return generation;
}

std::uint64_t LossSliceJobs::requestLine(std::shared_ptr<const NetworkTask> task,
                                         Eigen::VectorXd from, Eigen::VectorXd to,
                                         LossLineOptions options) {
  prune();
  cancel(m_line);
  const std::uint64_t generation = ++m_lineGeneration;
  auto flag = std::make_shared<std::atomic<bool>>(false);
  QFuture<void> future = QtConcurrent::run([this, task = std::move(task), from = std::move(from),
                                            to = std::move(to), options, flag, generation] {
    NetworkTask local(*task);
    std::optional<LossLine> line;
    try {
      line = lossAlongLine(local, from, to, options, flag.get());
    } catch (const std::exception&) {
    }
    if (!line) return;
    auto shared = std::make_shared<const LossLine>(std::move(*line));
    QMetaObject::invokeMethod(
        this,
        [this, shared, generation] {
          if (generation == m_lineGeneration) emit lineReady(shared);
        },
        Qt::QueuedConnection);
  });
  m_line = {flag, future};
  m_jobs.push_back(m_line);
  return generation;
}

}  // namespace optiscope::ui
