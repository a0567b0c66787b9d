#include "core/analysis/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>

namespace optiscope {

// One forEach() call. Indices are claimed with an atomic counter, so threads never wait on
// each other to get work; `finished` counts claimed indices whose task has returned (or was
// skipped), and the caller waits until it reaches `count`.
struct ThreadPool::Batch {
  std::size_t count = 0;
  const std::function<void(std::size_t)>* task = nullptr;
  std::stop_token stop;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};

  std::mutex mutex;  // guards finished and error
  std::condition_variable allFinished;
  std::size_t finished = 0;
  std::exception_ptr error;

  bool exhausted() const { return next.load(std::memory_order_relaxed) >= count; }
};

ThreadPool::ThreadPool(unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  m_workers.reserve(threads - 1);
  for (unsigned i = 1; i < threads; ++i) m_workers.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(m_mutex);
    m_shuttingDown = true;
  }
  m_wake.notify_all();
  for (std::thread& worker : m_workers) worker.join();
}

void ThreadPool::work(Batch& batch) {
  std::size_t done = 0;
  std::exception_ptr error;
  for (;;) {
    const std::size_t i = batch.next.fetch_add(1, std::memory_order_relaxed);
    if (i >= batch.count) break;
    ++done;
    if (batch.stop.stop_requested() || batch.failed.load(std::memory_order_relaxed)) continue;
    try {
      (*batch.task)(i);
    } catch (...) {
      if (!error) error = std::current_exception();
      batch.failed.store(true, std::memory_order_relaxed);
    }
  }
  if (done == 0) return;
  std::lock_guard lock(batch.mutex);
  if (error && !batch.error) batch.error = error;
  batch.finished += done;
  if (batch.finished == batch.count) batch.allFinished.notify_all();
}

void ThreadPool::workerLoop() {
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_shuttingDown || !m_batches.empty(); });
      if (m_batches.empty()) return;  // shutting down with nothing left to do
      batch = m_batches.front();
    }
    work(*batch);
    std::lock_guard lock(m_mutex);
    if (!m_batches.empty() && m_batches.front() == batch) m_batches.pop_front();
  }
}

void ThreadPool::forEach(std::size_t count, const std::function<void(std::size_t)>& task,
                         std::stop_token stop) {
  if (count == 0) return;
  auto batch = std::make_shared<Batch>();
  batch->count = count;
  batch->task = &task;
  batch->stop = std::move(stop);
  if (!m_workers.empty() && count > 1) {
    {
      std::lock_guard lock(m_mutex);
      m_batches.push_back(batch);
    }
    m_wake.notify_all();
  }
  work(*batch);
  {
    std::unique_lock lock(batch->mutex);
    batch->allFinished.wait(lock, [&] { return batch->finished == batch->count; });
  }
  {
    // Workers drop an exhausted batch when they find it at the front; this covers a batch
    // that sits behind another one.
    std::lock_guard lock(m_mutex);
    std::erase(m_batches, batch);
  }
  if (batch->error) std::rethrow_exception(batch->error);
}

}  // namespace optiscope
