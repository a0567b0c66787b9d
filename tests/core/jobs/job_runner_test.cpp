// The one background-job pattern: latest request wins, cancellation, ordering, idleness and
// shutdown. Every wait here is on a condition (a latch, the runner's idleness), never a delay.
#include "core/jobs/job_runner.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/jobs/latest_job.h"
#include "support/gate.h"

using namespace optiscope;
using optiscope::testing::Gate;
using namespace std::chrono_literals;

namespace {

// What a LatestJob<int> delivered, recorded from the worker thread.
class Received {
 public:
  void add(int value, std::uint64_t generation) {
    std::lock_guard lock(m_mutex);
    m_values.push_back({value, generation});
  }
  std::vector<std::pair<int, std::uint64_t>> all() {
    std::lock_guard lock(m_mutex);
    return m_values;
  }

 private:
  std::mutex m_mutex;
  std::vector<std::pair<int, std::uint64_t>> m_values;
};

using IntJob = LatestJob<int>;

}  // namespace

TEST_CASE("a job delivers its coarse result before its fine one, and then is idle") {
  Received received;
  IntJob job([&](std::shared_ptr<const int> value, std::uint64_t generation) {
    received.add(*value, generation);
  });
  const std::uint64_t generation = job.request([](const IntJob::Outlet& outlet) {
    outlet.deliver(std::make_shared<const int>(1));
    outlet.deliver(std::make_shared<const int>(2));
  });
  CHECK(generation == 1);
  REQUIRE(job.waitUntilIdle(60s));
  CHECK(job.idle());
  const auto all = received.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0] == std::make_pair(1, generation));
  CHECK(all[1] == std::make_pair(2, generation));
  const auto latest = job.takeLatest();
  REQUIRE(latest);
  CHECK(*latest == 2);
  CHECK_FALSE(job.takeLatest());  // taken once
}

TEST_CASE("a newer request cancels the running work, replaces the waiting one, and wins") {
  Received received;
  IntJob job([&](std::shared_ptr<const int> value, std::uint64_t generation) {
    received.add(*value, generation);
  });
  Gate latch;
  std::atomic<bool> sawCancel{false};
  const std::uint64_t first = job.request([&](const IntJob::Outlet& outlet) {
    latch.pass();
    sawCancel = outlet.cancelled();
    // A result of superseded work is refused, however it tries.
    CHECK_FALSE(outlet.deliver(std::make_shared<const int>(-1)));
  });
  REQUIRE(latch.waitUntilEntered());
  std::atomic<int> secondRan{0};
  job.request([&](const IntJob::Outlet& outlet) {  // replaced before it can start
    ++secondRan;
    outlet.deliver(std::make_shared<const int>(-2));
  });
  const std::uint64_t third = job.request(
      [&](const IntJob::Outlet& outlet) { outlet.deliver(std::make_shared<const int>(3)); });
  CHECK_FALSE(job.isCurrent(first));
  CHECK(job.isCurrent(third));
  latch.open();
  REQUIRE(job.waitUntilIdle(60s));
  CHECK(sawCancel);
  CHECK(secondRan == 0);
  const auto all = received.all();
  REQUIRE(all.size() == 1);
  CHECK(all[0] == std::make_pair(3, third));
}

TEST_CASE("with kFinishRunning, running work completes and the newest waiting request follows") {
  Received received;
  IntJob job([&](std::shared_ptr<const int> value,
                 std::uint64_t generation) { received.add(*value, generation); },
             Supersede::kFinishRunning);
  Gate latch;
  std::atomic<bool> sawCancel{true};
  const std::uint64_t first = job.request([&](const IntJob::Outlet& outlet) {
    latch.pass();
    sawCancel = outlet.cancelled();
    outlet.deliver(std::make_shared<const int>(1));
  });
  REQUIRE(latch.waitUntilEntered());
  job.request([](const IntJob::Outlet& outlet) { outlet.deliver(std::make_shared<const int>(2)); });
  const std::uint64_t third = job.request(
      [](const IntJob::Outlet& outlet) { outlet.deliver(std::make_shared<const int>(3)); });
  latch.open();
  REQUIRE(job.waitUntilIdle(60s));
  CHECK_FALSE(sawCancel);
  const auto all = received.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0] == std::make_pair(1, first));
  CHECK(all[1] == std::make_pair(3, third));
}

TEST_CASE("cancelAll stops running work and refuses everything up to the next request") {
  Received received;
  IntJob job([&](std::shared_ptr<const int> value,
                 std::uint64_t generation) { received.add(*value, generation); },
             Supersede::kFinishRunning);  // even work that would be let finish is cancelled
  Gate latch;
  std::atomic<bool> sawCancel{false};
  const std::uint64_t first = job.request([&](const IntJob::Outlet& outlet) {
    latch.pass();
    sawCancel = outlet.cancelled();
    outlet.deliver(std::make_shared<const int>(1));
  });
  REQUIRE(latch.waitUntilEntered());
  job.cancelAll();
  CHECK_FALSE(job.isCurrent(first));
  latch.open();
  REQUIRE(job.waitUntilIdle(60s));
  CHECK(sawCancel);
  CHECK(received.all().empty());
  CHECK_FALSE(job.takeLatest());

  const std::uint64_t next = job.request(
      [](const IntJob::Outlet& outlet) { outlet.deliver(std::make_shared<const int>(2)); });
  REQUIRE(job.waitUntilIdle(60s));
  REQUIRE(received.all().size() == 1);
  CHECK(received.all()[0] == std::make_pair(2, next));
}

TEST_CASE("a stale result left in the mailbox is never taken") {
  IntJob job;
  job.request([](const IntJob::Outlet& outlet) { outlet.deliver(std::make_shared<const int>(1)); });
  REQUIRE(job.waitUntilIdle(60s));
  Gate latch;
  job.request([&](const IntJob::Outlet&) { latch.pass(); });
  CHECK_FALSE(job.takeLatest());  // 1 belongs to a superseded request
  latch.open();
}

TEST_CASE("cancelAll reaches running work that polls its flag") {
  JobRunner runner;
  std::atomic<long long> iterations{0};
  runner.submit([&](const JobTicket& ticket) {
    while (!ticket.cancelled()) ++iterations;
  });
  while (iterations.load() == 0) std::this_thread::yield();  // it is running
  runner.cancelAll();
  // The loop above ends only when it sees the flag: idleness proves it did.
  REQUIRE(runner.waitUntilIdle(60s));
  CHECK(runner.idle());
}

TEST_CASE("work that throws leaves the runner working and its message visible") {
  JobRunner runner;
  runner.submit([](const JobTicket&) { throw std::runtime_error("grid too large"); });
  REQUIRE(runner.waitUntilIdle(60s));
  CHECK(runner.lastError() == "grid too large");
  std::atomic<bool> ran{false};
  runner.submit([&](const JobTicket&) { ran = true; });
  REQUIRE(runner.waitUntilIdle(60s));
  CHECK(ran);
}

TEST_CASE("destroying a runner mid-work cancels it, joins, and releases the work") {
  auto shared = std::make_shared<int>(7);
  std::atomic<bool> started{false};
  std::atomic<bool> sawCancel{false};
  std::atomic<bool> waitingRan{false};
  {
    // Running work is let finish: only the destructor can cancel it.
    JobRunner runner(Supersede::kFinishRunning);
    runner.submit([&, shared](const JobTicket& ticket) {
      started = true;
      while (!ticket.cancelled()) std::this_thread::yield();
      sawCancel = true;
    });
    while (!started) std::this_thread::yield();
    runner.submit([&, shared](const JobTicket&) { waitingRan = true; });  // dropped unrun
  }
  CHECK(sawCancel);
  CHECK_FALSE(waitingRan);
  CHECK(shared.use_count() == 1);  // no thread holds either piece of work any more
}

TEST_CASE("many threads requesting at once: the last request's result is the last delivered") {
  Received received;
  IntJob job([&](std::shared_ptr<const int> value, std::uint64_t generation) {
    received.add(*value, generation);
  });
  std::vector<std::thread> requesters;
  for (int t = 0; t < 4; ++t)
    requesters.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k)
        job.request([value = t * 1000 + k](const IntJob::Outlet& outlet) {
          outlet.deliver(std::make_shared<const int>(value));
        });
    });
  for (std::thread& requester : requesters) requester.join();
  const std::uint64_t last = job.generation();
  REQUIRE(last == 800);
  REQUIRE(job.waitUntilIdle(60s));
  const auto all = received.all();
  REQUIRE_FALSE(all.empty());
  CHECK(all.back().second == last);
  for (std::size_t k = 1; k < all.size(); ++k) CHECK(all[k].second > all[k - 1].second);
}
