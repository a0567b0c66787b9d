// The analysis thread pool: every index runs exactly once, on the pool's threads and the
// caller's; stop requests skip what has not started; exceptions come back to the caller; two
// callers at once and nested calls finish. Run under ThreadSanitizer by scripts/test.
#include "core/analysis/thread_pool.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace optiscope;

TEST_CASE("forEach runs every index exactly once, whatever the pool size") {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    CHECK(pool.size() == threads);
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
      std::vector<std::atomic<int>> runs(count);
      pool.forEach(count, [&](std::size_t i) { runs[i].fetch_add(1); });
      for (std::size_t i = 0; i < count; ++i) REQUIRE(runs[i].load() == 1);
    }
  }
}

TEST_CASE("a pool of 1 runs everything on the calling thread; larger pools use other threads") {
  ThreadPool single(1);
  std::set<std::thread::id> ids;
  std::mutex mutex;
  const auto record = [&](std::size_t) {
    std::lock_guard lock(mutex);
    ids.insert(std::this_thread::get_id());
  };
  single.forEach(50, record);
  CHECK(ids == std::set<std::thread::id>{std::this_thread::get_id()});

  // Each task waits until a second thread has joined in, so the pool must really use its
  // worker (a pool that ran everything on the caller would never get past the first task).
  ThreadPool pair(2);
  std::atomic<int> started{0};
  std::set<std::thread::id> pairIds;
  pair.forEach(2, [&](std::size_t) {
    started.fetch_add(1);
    while (started.load() < 2) std::this_thread::yield();
    std::lock_guard lock(mutex);
    pairIds.insert(std::this_thread::get_id());
  });
  CHECK(pairIds.size() == 2);
}

TEST_CASE("a stop request skips the tasks that have not started") {
  ThreadPool pool(2);
  std::stop_source source;
  std::atomic<int> ran{0};
  pool.forEach(
      10000,
      [&](std::size_t i) {
        ran.fetch_add(1);
        if (i == 10) source.request_stop();
      },
      source.get_token());
  // Index 10 is reached after at most a few others per thread; everything after the request
  // is skipped (a task already claimed may still run on the other thread).
  CHECK(ran.load() >= 1);
  CHECK(ran.load() < 100);

  std::stop_source stopped;
  stopped.request_stop();
  std::atomic<int> none{0};
  pool.forEach(
      100, [&](std::size_t) { none.fetch_add(1); }, stopped.get_token());
  CHECK(none.load() == 0);
}

TEST_CASE("the first exception of a task is rethrown and the pool stays usable") {
  ThreadPool pool(2);
  CHECK_THROWS_AS(pool.forEach(100,
                               [](std::size_t i) {
                                 if (i == 3) throw std::runtime_error("task 3 failed");
                               }),
                  std::runtime_error);
  std::atomic<int> ran{0};
  pool.forEach(20, [&](std::size_t) { ran.fetch_add(1); });
  CHECK(ran.load() == 20);
}

TEST_CASE("two callers share a pool at once, and a task may call forEach itself") {
  ThreadPool pool(2);
  std::atomic<long> sumA{0}, sumB{0};
  std::thread other(
      [&] { pool.forEach(500, [&](std::size_t i) { sumB.fetch_add(static_cast<long>(i)); }); });
  pool.forEach(500, [&](std::size_t i) { sumA.fetch_add(static_cast<long>(i)); });
  other.join();
  CHECK(sumA.load() == 500L * 499 / 2);
  CHECK(sumB.load() == 500L * 499 / 2);

  std::atomic<int> inner{0};
  pool.forEach(4, [&](std::size_t) { pool.forEach(5, [&](std::size_t) { inner.fetch_add(1); }); });
  CHECK(inner.load() == 20);
}
