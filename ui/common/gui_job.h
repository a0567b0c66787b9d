#pragma once

#include <QMetaObject>
#include <QObject>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

#include "core/jobs/latest_job.h"

namespace optiscope::ui {

// The one Qt adapter of the core job pattern (core/jobs/latest_job.h): work runs on the job's
// worker thread, and each result it delivers reaches `receiver` on the GUI thread, in order,
// unless a newer request (or cancelAll) made it stale meanwhile. Destroying the adapter
// cancels the work, joins the worker and drops whatever was still queued.
template <class Result>
class GuiJob {
 public:
  using Receiver = std::function<void(std::shared_ptr<const Result>)>;
  using Outlet = typename LatestJob<Result>::Outlet;

  explicit GuiJob(Receiver receiver, Supersede policy = Supersede::kCancelRunning)
      : m_receiver(std::move(receiver)),
        m_inbox(std::make_unique<QObject>()),
        m_job(
            [this](std::shared_ptr<const Result> result, std::uint64_t generation) {
              // On the worker thread: queue the hand-over. The inbox lives on the GUI thread
              // and dies after the worker is joined, taking any call still queued with it.
              QMetaObject::invokeMethod(
                  m_inbox.get(),
                  [this, result = std::move(result), generation] {
                    if (m_job.isCurrent(generation)) m_receiver(result);
                  },
                  Qt::QueuedConnection);
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
  // Nothing waiting or running on the worker (results may still be queued for the receiver).
  bool idle() const { return m_job.idle(); }
  bool waitUntilIdle(std::chrono::milliseconds timeout) const {
    return m_job.waitUntilIdle(timeout);
  }
  std::string lastError() const { return m_job.lastError(); }

 private:
  Receiver m_receiver;
  std::unique_ptr<QObject> m_inbox;
  LatestJob<Result> m_job;  // last: joined before the inbox and the receiver go
};

}  // namespace optiscope::ui
