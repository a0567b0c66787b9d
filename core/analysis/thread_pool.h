#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace optiscope {

// A fixed set of threads for the analysis tools (sweeps, start-point maps, fair races): many
// independent pieces of work, each long enough (a whole run, a tile of runs) that handing
// them out costs nothing measurable.
//
// forEach() is the only entry: the calling thread works along with the pool's threads and
// returns when every index is done, so a pool of `threads` computes on exactly `threads`
// cores, nested or concurrent forEach() calls (two sweeps from two job threads) cannot
// deadlock, and a pool of 1 is plain sequential code. Written here rather than taken from
// TBB: this is all the analysis needs, and it keeps core free of another dependency.
class ThreadPool {
 public:
  // `threads` >= 1 computing threads, the caller of forEach() included (so threads - 1 are
  // started here). 0 means std::thread::hardware_concurrency().
  explicit ThreadPool(unsigned threads = 0);
  ~ThreadPool();  // joins every thread (after the batches in progress are finished)
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(m_workers.size()) + 1; }

  // Runs task(i) for every i in [0, count), in any order and on any of the threads. Once
  // `stop` is requested no further task starts; tasks already running finish (they poll
  // `stop` themselves to end early). Returns when no task of this call is running any more.
  // The first exception a task throws is rethrown here (the remaining tasks are skipped).
  void forEach(std::size_t count, const std::function<void(std::size_t)>& task,
               std::stop_token stop = {});

 private:
  struct Batch;
  void workerLoop();
  static void work(Batch& batch);

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::shared_ptr<Batch>> m_batches;  // with indices left to hand out
  bool m_shuttingDown = false;
  std::vector<std::thread> m_workers;
};

}  // namespace optiscope
