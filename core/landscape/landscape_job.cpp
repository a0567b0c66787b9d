#include "core/landscape/landscape_job.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace optiscope {

namespace {

using Outlet = LatestJob<LandscapeResult>::Outlet;

GridSpec gridSpecFor(const LandscapeRequest& request, GridSize size) {
  return {request.xMin, request.xMax, request.yMin, request.yMax, size.nx, size.ny};
}

}  // namespace

void validateLandscapeRequest(const LandscapeRequest& request) {
  if (!request.objective) throw std::invalid_argument("landscape request without a function");
  if (request.objective->dim() != 2) {
    throw std::invalid_argument("landscape needs a 2D function, '" +
                                std::string(request.objective->name()) + "' is not");
  }
  if (!gridSpecFor(request, request.fine).isValid()) {
    throw std::invalid_argument(
        "landscape request needs a finite, non-empty view and a fine grid of at least 2x2");
  }
  if (request.levelCount < 0) throw std::invalid_argument("landscape level count is negative");
}

namespace {

// One pass at one resolution; false when it was cancelled or its result refused.
bool computeAndDeliver(const LandscapeRequest& request, GridSize size, Resolution resolution,
                       const Outlet& outlet) {
  std::unique_ptr<LandscapeResult> computed =
      computeLandscape(*request.objective, gridSpecFor(request, size), request.levelCount,
                       request.spacing, outlet.cancelFlag());
  if (!computed) return false;
  computed->generation = outlet.generation();
  computed->resolution = resolution;
  return outlet.deliver(std::move(computed));
}

}  // namespace

LandscapeJob::LandscapeJob(ResultCallback onResult)
    : m_job([onResult = std::move(onResult)](std::shared_ptr<const LandscapeResult> result,
                                             std::uint64_t) {
        if (onResult) onResult(std::move(result));
      }) {}

std::function<void(const Outlet&)> landscapeWork(LandscapeRequest request) {
  return [request = std::move(request)](const Outlet& outlet) {
    const bool hasCoarsePass = request.coarse.nx >= 2 && request.coarse.ny >= 2;
    if (hasCoarsePass && !computeAndDeliver(request, request.coarse, Resolution::kCoarse, outlet))
      return;
    computeAndDeliver(request, request.fine, Resolution::kFine, outlet);
  };
}

std::uint64_t LandscapeJob::request(LandscapeRequest request) {
  validateLandscapeRequest(request);
  return m_job.request(landscapeWork(std::move(request)));
}

}  // namespace optiscope
