#include "core/landscape/landscape_job.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace optiscope {

namespace {

GridSpec gridSpecFor(const LandscapeRequest& request, GridSize size) {
  return {request.xMin, request.xMax, request.yMin, request.yMax, size.nx, size.ny};
}

void validate(const LandscapeRequest& request) {
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

}  // namespace

LandscapeJob::LandscapeJob(ResultCallback onResult) : m_onResult(std::move(onResult)) {
  m_worker = std::thread(&LandscapeJob::workerLoop, this);
}

LandscapeJob::~LandscapeJob() {
  {
    std::lock_guard lock(m_pendingMutex);
    m_stopping = true;
    m_cancel = true;
  }
  m_wake.notify_one();
  m_worker.join();
}

std::uint64_t LandscapeJob::request(LandscapeRequest request) {
  validate(request);
  std::uint64_t generation;
  {
    std::lock_guard delivery(m_deliveryMutex);
    generation = ++m_generation;
    m_latest.reset();
    std::lock_guard lock(m_pendingMutex);
    m_pending = std::move(request);
    m_pendingGeneration = generation;
    m_cancel = true;
  }
  m_wake.notify_one();
  return generation;
}

std::shared_ptr<const LandscapeResult> LandscapeJob::takeLatest() {
  std::lock_guard delivery(m_deliveryMutex);
  return std::exchange(m_latest, nullptr);
}

void LandscapeJob::workerLoop() {
  for (;;) {
    std::optional<LandscapeRequest> request;
    std::uint64_t generation;
    {
      std::unique_lock lock(m_pendingMutex);
      m_wake.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
      if (m_stopping) return;
      request = std::exchange(m_pending, std::nullopt);
      generation = m_pendingGeneration;
      // Only request() sets the flag, under this lock, after queueing a newer request: clearing
      // it here cannot lose a cancellation.
      m_cancel = false;
    }
    compute(*request, generation);
  }
}

void LandscapeJob::compute(const LandscapeRequest& request, std::uint64_t generation) {
  const bool hasCoarsePass = request.coarse.nx >= 2 && request.coarse.ny >= 2;
  if (hasCoarsePass &&
      !computeAndDeliver(request, request.coarse, Resolution::kCoarse, generation)) {
    return;
  }
  computeAndDeliver(request, request.fine, Resolution::kFine, generation);
}

bool LandscapeJob::computeAndDeliver(const LandscapeRequest& request, GridSize size,
                                     Resolution resolution, std::uint64_t generation) {
  std::unique_ptr<LandscapeResult> computed =
      computeLandscape(*request.objective, gridSpecFor(request, size), request.levelCount,
                       request.spacing, &m_cancel);
  if (!computed) return false;
  computed->generation = generation;
  computed->resolution = resolution;
  std::shared_ptr<const LandscapeResult> result = std::move(computed);

  std::lock_guard delivery(m_deliveryMutex);
  if (m_stopping || m_generation != generation) return false;
  m_latest = result;
  if (m_onResult) m_onResult(std::move(result));
  return true;
}

}  // namespace optiscope
