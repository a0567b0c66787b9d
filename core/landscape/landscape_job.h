#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

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

// Recomputes the landscape off the GUI thread, after Qt's Mandelbrot example: the latest
// request wins, a coarse result comes first for quick feedback, the fine one after, and work
// for a superseded request is abandoned (its grid loop polls a cancel flag per row) and never
// delivered.
//
// Results are handed over two ways; use either or both:
//  - the callback, invoked on the worker thread (a Qt GUI forwards it with a queued call);
//  - takeLatest(), a poll of a one-slot mailbox.
// Guarantee: once request() has returned generation g, no result of a generation below g is
// delivered to the callback or placed in the mailbox (request() drops a stale result still in
// it). A result already forwarded by the callback to another thread's queue can still arrive
// there late, so receivers compare result->generation with the last one they requested.
class LandscapeJob {
 public:
  using ResultCallback = std::function<void(std::shared_ptr<const LandscapeResult>)>;

  // The callback runs while the delivery lock is held, so that a concurrent request() cannot
  // slip in between the staleness check and the delivery: keep it short. It may call
  // request() and takeLatest() itself, but must neither throw nor destroy the job.
  explicit LandscapeJob(ResultCallback onResult = {});
  ~LandscapeJob();  // cancels the work in progress and joins the worker
  LandscapeJob(const LandscapeJob&) = delete;
  LandscapeJob& operator=(const LandscapeJob&) = delete;

  // Returns the request's generation (1, 2, ...). Throws std::invalid_argument for a missing
  // or non-2D objective, an empty or non-finite view, a fine grid under 2x2, or levelCount < 0.
  std::uint64_t request(LandscapeRequest request);

  // The newest result not taken yet, or nullptr.
  std::shared_ptr<const LandscapeResult> takeLatest();

 private:
  void workerLoop();
  void compute(const LandscapeRequest& request, std::uint64_t generation);
  bool computeAndDeliver(const LandscapeRequest& request, GridSize size, Resolution resolution,
                         std::uint64_t generation);

  ResultCallback m_onResult;

  std::atomic<std::uint64_t> m_generation{0};
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_stopping{false};

  // Held only to swap the pending request and to wait for one.
  std::mutex m_pendingMutex;
  std::condition_variable m_wake;
  std::optional<LandscapeRequest> m_pending;
  std::uint64_t m_pendingGeneration = 0;

  // Orders generation bumps against deliveries; recursive so that the callback may call
  // request() or takeLatest(). Lock order: delivery, then pending.
  std::recursive_mutex m_deliveryMutex;
  std::shared_ptr<const LandscapeResult> m_latest;

  std::thread m_worker;  // last: starts once everything above exists
};

}  // namespace optiscope
