#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace optiscope {

class JobTicket;

// What a new request does to the work already running.
enum class Supersede {
  // Cancel it: its flag is set and nothing it still delivers is accepted (a view that moved
  // on has no use for the old picture; after Qt's Mandelbrot example).
  kCancelRunning,
  // Let it finish and deliver, then run the newest request (work that is requested far more
  // often than it completes, such as a picture of a network while it trains, would otherwise
  // never show anything).
  kFinishRunning,
};

// The one background-job pattern of Optiscope: one worker thread, the latest request wins
// (a request that is still waiting is replaced by a newer one), work reports any number of
// results (coarse first, fine after) through its ticket, and results of superseded or
// cancelled requests are never accepted. The destructor cancels and joins.
//
// Results are accepted through JobTicket::deliver, which runs the given function under the
// delivery lock only while the request is current: a request() or cancelAll() that returned
// before the lock was taken makes it refuse. Consumers on another thread (a GUI) compare the
// generation they receive with isCurrent() once more on arrival, since a queued hand-over can
// be overtaken by a newer request made meanwhile.
class JobRunner {
 public:
  using Work = std::function<void(const JobTicket&)>;

  explicit JobRunner(Supersede policy = Supersede::kCancelRunning);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Queues `work` as the newest request and returns its generation (1, 2, ...).
  std::uint64_t submit(Work work);
  // Drops the waiting request, cancels the running one, and accepts nothing older than the
  // next submit().
  void cancelAll();

  // The generation of the newest submit().
  std::uint64_t generation() const { return m_generation.load(); }
  // Whether results of `generation` are still wanted.
  bool isCurrent(std::uint64_t generation) const;
  // Nothing waiting and nothing running.
  bool idle() const;
  // Blocks until idle(); false on timeout. For tests and orderly hand-overs, never for pacing.
  bool waitUntilIdle(std::chrono::milliseconds timeout) const;
  // The message of the last work that threw (work should not; this keeps it visible).
  std::string lastError() const;

 private:
  friend class JobTicket;

  void loop();
  bool deliver(std::uint64_t generation, const std::function<void()>& accept);

  const Supersede m_policy;
  std::atomic<std::uint64_t> m_generation{0};
  // Results of generations up to this one are refused (superseded or cancelled).
  std::atomic<std::uint64_t> m_refusedThrough{0};
  std::atomic<bool> m_cancel{false};  // the running work's flag

  // Held only to swap the waiting request and to wait for one.
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_changed;
  std::optional<Work> m_pending;
  std::uint64_t m_pendingGeneration = 0;
  bool m_running = false;
  bool m_stopping = false;
  std::string m_lastError;

  // Orders acceptance against request()/cancelAll(): a result is accepted entirely before or
  // entirely after a generation bump. Lock order: delivery, then m_mutex.
  std::mutex m_deliveryMutex;

  std::thread m_worker;  // last: starts once everything above exists
};

// What a piece of work sees of its request.
class JobTicket {
 public:
  std::uint64_t generation() const { return m_generation; }
  // True once the request was superseded or cancelled: stop early, nothing will be accepted.
  bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
  // For code that polls a flag itself (grid loops).
  const std::atomic<bool>* cancelFlag() const { return &m_cancel; }
  // Runs `accept` (which hands the result over, briefly) if the request is still current;
  // returns whether it ran.
  bool deliver(const std::function<void()>& accept) const {
    return m_runner.deliver(m_generation, accept);
  }

 private:
  friend class JobRunner;
  JobTicket(JobRunner& runner, std::uint64_t generation, const std::atomic<bool>& cancel)
      : m_runner(runner), m_generation(generation), m_cancel(cancel) {}

  JobRunner& m_runner;
  std::uint64_t m_generation;
  const std::atomic<bool>& m_cancel;
};

}  // namespace optiscope
