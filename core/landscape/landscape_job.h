#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "core/jobs/latest_job.h"
#include "core/landscape/landscape_result.h"

namespace optiscope {

struct GridSize {
  int nx, ny;
};

struct LandscapeRequest {
  // Only const methods are called, from the worker thread: pass a clone the GUI never mutates.
  std::shared_ptr<const Objective> objective;
  double xMin = 0.0, xMax = 0.0, yMin = 0.0, yMax = 0.0;
  GridSize coarse{64, 64};  // fewer than 2 points on an axis: no coarse pass
  GridSize fine{400, 400};
  int levelCount = 15;
  LevelSpacing spacing = LevelSpacing::kLogarithmic;
};

// Throws std::invalid_argument for a missing or non-2D objective, an empty or non-finite view, a
// fine grid under 2x2, or levelCount < 0.
void validateLandscapeRequest(const LandscapeRequest& request);

// The work of one (validated) request, for any job of landscape results: the coarse pass, then
// the fine one, each delivered unless the request was superseded meanwhile.
std::function<void(const LatestJob<LandscapeResult>::Outlet&)> landscapeWork(
    LandscapeRequest request);

// Recomputes the landscape off the GUI thread through the one job pattern (core/jobs): the
// latest request wins, a coarse result comes first for quick feedback, the fine one after, and
// work for a superseded request is abandoned (its grid loop polls the cancel flag per row) and
// never delivered.
//
// Results are handed over two ways; use either or both:
//  - the callback, invoked on the worker thread (a Qt GUI forwards it with a queued call);
//  - takeLatest(), a poll of a one-slot mailbox.
// Guarantee: once request() has returned generation g, no result of a generation below g is
// delivered to the callback or taken from the mailbox. A result already forwarded by the
// callback to another thread's queue can still arrive there late, so receivers compare
// result->generation with the last one they requested.
class LandscapeJob {
 public:
  using ResultCallback = std::function<void(std::shared_ptr<const LandscapeResult>)>;

  // The callback runs while the delivery lock is held: keep it short; it must neither throw
  // nor destroy the job.
  explicit LandscapeJob(ResultCallback onResult = {});

  // Returns the request's generation (1, 2, ...). Throws std::invalid_argument for a missing
  // or non-2D objective, an empty or non-finite view, a fine grid under 2x2, or levelCount < 0.
  std::uint64_t request(LandscapeRequest request);
  // Nothing of the requests made so far will be delivered any more.
  void cancelAll() { m_job.cancelAll(); }

  // The newest result not taken yet, or nullptr.
  std::shared_ptr<const LandscapeResult> takeLatest() { return m_job.takeLatest(); }
  bool isCurrent(std::uint64_t generation) const { return m_job.isCurrent(generation); }
  // Blocks until no request is waiting or being computed; false on timeout.
  bool waitUntilIdle(std::chrono::milliseconds timeout) const {
    return m_job.waitUntilIdle(timeout);
  }

 private:
  LatestJob<LandscapeResult> m_job;
};

}  // namespace optiscope
