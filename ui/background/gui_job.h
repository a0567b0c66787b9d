#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/jobs/latest_job.h"
#include "ui/background/job_inbox.h"

namespace optiscope::ui {

// The one Qt adapter of the core job pattern (core/jobs/latest_job.h): work runs on the job's
// worker thread, and each result it delivers reaches `receiver` on the GUI thread (the thread
// that made the adapter), in order, unless a newer request (or cancelAll) made it stale
// meanwhile. Destroying the adapter cancels the work, joins the worker and drops whatever was
// still waiting. The receiver must not destroy the adapter.
template <class Result>
class GuiJob {
 public:
  using Receiver = std::function<void(std::shared_ptr<const Result>)>;
  using Outlet = typename LatestJob<Result>::Outlet;

  explicit GuiJob(Receiver receiver, Supersede policy = Supersede::kCancelRunning)
      : m_receiver(std::move(receiver)),
        m_inbox(std::make_unique<JobInbox>([this] { drain(); })),
        m_job(
            [this](std::shared_ptr<const Result> result, std::uint64_t generation) {
              // On the worker thread, under the job's delivery lock.
              {
                std::lock_guard lock(m_mailboxMutex);
                m_mailbox.push_back({generation, std::move(result)});
              }
              m_inbox->wake();
            },
            policy) {}
  GuiJob(const GuiJob&) = delete;
  GuiJob& operator=(const GuiJob&) = delete;

  // `work(outlet)` runs on the worker thread; see LatestJob. Returns the generation.
  template <class Work>
  std::uint64_t request(Work work) {
    return m_job.request(std::move(work));
  }
  // Nothing requested so far reaches the receiver any more.
  void cancelAll() { m_job.cancelAll(); }

  std::uint64_t generation() const { return m_job.generation(); }
  bool isCurrent(std::uint64_t generation) const { return m_job.isCurrent(generation); }
  // Nothing waiting or running on the worker (results may still wait for the receiver).
  bool idle() const { return m_job.idle(); }
  bool waitUntilIdle(std::chrono::milliseconds timeout) const {
    return m_job.waitUntilIdle(timeout);
  }
  std::string lastError() const { return m_job.lastError(); }

 private:
  struct Delivery {
    std::uint64_t generation;
    std::shared_ptr<const Result> result;
  };

  // On the GUI thread: hands over what arrived, oldest first, skipping what went stale.
  void drain() {
    std::vector<Delivery> arrived;
    {
      std::lock_guard lock(m_mailboxMutex);
      arrived.swap(m_mailbox);
    }
    for (Delivery& delivery : arrived)
      if (m_job.isCurrent(delivery.generation)) m_receiver(std::move(delivery.result));
  }

  Receiver m_receiver;
  std::mutex m_mailboxMutex;
  std::vector<Delivery> m_mailbox;  // guarded by m_mailboxMutex
  std::unique_ptr<JobInbox> m_inbox;
  LatestJob<Result> m_job;  // last: joined before the inbox, the mailbox and the receiver go
};

}  // namespace optiscope::ui
