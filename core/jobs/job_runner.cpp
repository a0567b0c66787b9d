#include "core/jobs/job_runner.h"

#include <exception>
#include <utility>

namespace optiscope {

JobRunner::JobRunner(Supersede policy) : m_policy(policy) {
  m_worker = std::thread(&JobRunner::loop, this);
}

JobRunner::~JobRunner() {
  {
    std::lock_guard delivery(m_deliveryMutex);
    m_refusedThrough = m_generation.load();
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_pending.reset();
    m_cancel = true;
  }
  m_changed.notify_all();
  m_worker.join();
}

std::uint64_t JobRunner::submit(Work work) {
  std::uint64_t generation;
  {
    std::lock_guard delivery(m_deliveryMutex);
    generation = ++m_generation;
    std::lock_guard lock(m_mutex);
    if (m_policy == Supersede::kCancelRunning) {
      m_refusedThrough = generation - 1;
      m_cancel = true;
    }
    m_pending = std::move(work);
    m_pendingGeneration = generation;
  }
  m_changed.notify_all();
  return generation;
}

void JobRunner::cancelAll() {
  {
    std::lock_guard delivery(m_deliveryMutex);
    m_refusedThrough = m_generation.load();
    std::lock_guard lock(m_mutex);
    m_pending.reset();
    m_cancel = true;
  }
  m_changed.notify_all();
}

bool JobRunner::isCurrent(std::uint64_t generation) const {
  return generation > m_refusedThrough.load() && generation <= m_generation.load();
}

bool JobRunner::idle() const {
  std::lock_guard lock(m_mutex);
  return !m_running && !m_pending;
}

bool JobRunner::waitUntilIdle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mutex);
  return m_changed.wait_for(lock, timeout, [this] { return !m_running && !m_pending; });
}

std::string JobRunner::lastError() const {
  std::lock_guard lock(m_mutex);
  return m_lastError;
}

void JobRunner::loop() {
  for (;;) {
    Work work;
    std::uint64_t generation;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
      if (m_stopping) return;
      work = std::move(*std::exchange(m_pending, std::nullopt));
      generation = m_pendingGeneration;
      m_running = true;
      // Only submit() and cancelAll() set the flag, under this lock, and only after queueing
      // or dropping a request: clearing it here cannot lose a cancellation of this work.
      m_cancel = false;
    }
    std::string error;
    try {
      work(JobTicket(*this, generation, m_cancel));
    } catch (const std::exception& thrown) {
      error = thrown.what();
    } catch (...) {
      error = "unknown error";
    }
    {
      std::lock_guard lock(m_mutex);
      m_running = false;
      if (!error.empty()) m_lastError = std::move(error);
    }
    m_changed.notify_all();
  }
}

bool JobRunner::deliver(std::uint64_t generation, const std::function<void()>& accept) {
  std::lock_guard delivery(m_deliveryMutex);
  if (!isCurrent(generation)) return false;
  accept();
  return true;
}

}  // namespace optiscope
