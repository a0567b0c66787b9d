#include "ui/network/insight/loss_slice_jobs.h"

#include <limits>
#include <optional>
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

LossSliceJobs::LossSliceJobs(QObject* parent)
    : QObject(parent),
      m_slice(std::make_unique<GuiJob<LandscapeResult>>(
          [this](std::shared_ptr<const LandscapeResult> result) { emit sliceReady(result); })),
      m_line(std::make_unique<GuiJob<LossLine>>(
          [this](std::shared_ptr<const LossLine> line) { emit lineReady(line); })) {}

LossSliceJobs::~LossSliceJobs() {
  m_slice.reset();
  m_line.reset();
}

void LossSliceJobs::cancelAll() {
  m_slice->cancelAll();
  m_line->cancelAll();
}

std::uint64_t LossSliceJobs::requestSlice(std::shared_ptr<const NetworkTask> task,
                                          LossSliceRequest request, int levelCount) {
  return m_slice->request([task = std::move(task), request = std::move(request),
                           levelCount](const GuiJob<LandscapeResult>::Outlet& outlet) {
    NetworkTask local(*task);
    computeLossSlice(local, request, outlet.cancelFlag(), [&](Grid grid, SlicePass pass) {
      std::shared_ptr<LandscapeResult> result = sliceLandscape(
          std::move(grid), pass == SlicePass::kFine ? Resolution::kFine : Resolution::kCoarse,
          levelCount);
      result->generation = outlet.generation();
      outlet.deliver(std::move(result));
    });
  });
}

std::uint64_t LossSliceJobs::requestLine(std::shared_ptr<const NetworkTask> task,
                                         Eigen::VectorXd from, Eigen::VectorXd to,
                                         LossLineOptions options) {
  return m_line->request([task = std::move(task), from = std::move(from), to = std::move(to),
                          options](const GuiJob<LossLine>::Outlet& outlet) {
    NetworkTask local(*task);
    std::optional<LossLine> line = lossAlongLine(local, from, to, options, outlet.cancelFlag());
    if (line) outlet.deliver(std::make_shared<const LossLine>(std::move(*line)));
  });
}

}  // namespace optiscope::ui
