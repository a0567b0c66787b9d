#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

#include "core/jobs/job_runner.h"

namespace optiscope {

// A JobRunner whose work produces results of one type, handed over two ways (use either or
// both): the callback, invoked on the worker thread while the delivery lock is held (keep it
// short; a GUI forwards it with a queued call), and takeLatest(), a one-slot mailbox.
// Guarantee: once request() or cancelAll() has returned, no result of an older generation
// reaches either of them.
template <class Result>
class LatestJob {
 public:
  using Callback = std::function<void(std::shared_ptr<const Result>, std::uint64_t generation)>;

  // What the work uses to hand results over.
  class Outlet {
   public:
    bool cancelled() const { return m_ticket.cancelled(); }
    const std::atomic<bool>* cancelFlag() const { return m_ticket.cancelFlag(); }
    std::uint64_t generation() const { return m_ticket.generation(); }
    // False when the request was superseded meanwhile (then stop).
    bool deliver(std::shared_ptr<const Result> result) const {
      return m_ticket.deliver([&] { m_job.accept(std::move(result), m_ticket.generation()); });
    }

   private:
    friend class LatestJob;
    Outlet(LatestJob& job, const JobTicket& ticket) : m_job(job), m_ticket(ticket) {}
    LatestJob& m_job;
    const JobTicket& m_ticket;
  };

  explicit LatestJob(Callback onResult = {}, Supersede policy = Supersede::kCancelRunning)
      : m_onResult(std::move(onResult)), m_runner(policy) {}

  // `work(outlet)` runs on the worker thread. Returns the request's generation.
  template <class Work>
  std::uint64_t request(Work work) {
    // submit() makes older results unacceptable; the stale one still in the mailbox goes too
    // (takeLatest() would not hand it out anyway; this frees it).
    const std::uint64_t generation =
        m_runner.submit([this, work = std::move(work)](const JobTicket& ticket) mutable {
          work(Outlet(*this, ticket));
        });
    dropStale();
    return generation;
  }
  void cancelAll() {
    m_runner.cancelAll();
    dropStale();
  }

  // The newest accepted result not taken yet, or nullptr (never a superseded one).
  std::shared_ptr<const Result> takeLatest() {
    std::lock_guard lock(m_mailboxMutex);
    std::shared_ptr<const Result> latest = std::exchange(m_latest, nullptr);
    return latest && m_runner.isCurrent(m_latestGeneration) ? latest : nullptr;
  }
  std::uint64_t generation() const { return m_runner.generation(); }
  bool isCurrent(std::uint64_t generation) const { return m_runner.isCurrent(generation); }
  bool idle() const { return m_runner.idle(); }
  bool waitUntilIdle(std::chrono::milliseconds timeout) const {
    return m_runner.waitUntilIdle(timeout);
  }
  std::string lastError() const { return m_runner.lastError(); }

 private:
  void accept(std::shared_ptr<const Result> result, std::uint64_t generation) {
    {
      std::lock_guard lock(m_mailboxMutex);
      m_latest = result;
      m_latestGeneration = generation;
    }
    if (m_onResult) m_onResult(std::move(result), generation);
  }
  void dropStale() {
    std::lock_guard lock(m_mailboxMutex);
    if (m_latest && !m_runner.isCurrent(m_latestGeneration)) m_latest.reset();
  }

  Callback m_onResult;
  std::mutex m_mailboxMutex;
  std::shared_ptr<const Result> m_latest;
  std::uint64_t m_latestGeneration = 0;
  JobRunner m_runner;  // last: its worker uses everything above, and is joined first
};

}  // namespace optiscope
