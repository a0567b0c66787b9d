#include "ui/background/gui_job.h"

#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <memory>
#include <numeric>
#include <thread>
#include <vector>

#include "event_loop.h"
#include "support/gate.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::Gate;
using optiscope::testing::processEventsUntil;

namespace {

// What reached the receiver, and on which thread.
struct Received {
  std::vector<int> values;
  std::vector<std::thread::id> threads;
  GuiJob<int>::Receiver receiver() {
    return [this](std::shared_ptr<const int> value) {
      values.push_back(*value);
      threads.push_back(std::this_thread::get_id());
    };
  }
};

std::shared_ptr<const int> boxed(int value) { return std::make_shared<const int>(value); }

}  // namespace

TEST_CASE("a GuiJob hands every result to the receiver on the GUI thread, oldest first") {
  Received received;
  GuiJob<int> job(received.receiver());
  job.request([](const GuiJob<int>::Outlet& outlet) {
    for (int i = 0; i < 200; ++i) outlet.deliver(boxed(i));
  });
  REQUIRE(processEventsUntil([&] { return received.values.size() == 200; }));

  std::vector<int> expected(200);
  std::iota(expected.begin(), expected.end(), 0);
  CHECK(received.values == expected);
  for (std::thread::id thread : received.threads) CHECK(thread == std::this_thread::get_id());
}

TEST_CASE("a result waiting for the GUI thread is dropped once a newer request came") {
  Received received;
  GuiJob<int> job(received.receiver());
  Gate gate;
  job.request([&](const GuiJob<int>::Outlet& outlet) {
    outlet.deliver(boxed(1));  // waits in the mailbox: the GUI thread is not looking yet
    gate.pass();
  });
  REQUIRE(gate.waitUntilEntered());
  job.request([](const GuiJob<int>::Outlet& outlet) { outlet.deliver(boxed(2)); });
  gate.open();

  REQUIRE(processEventsUntil([&] { return !received.values.empty() && job.idle(); }));
  QCoreApplication::sendPostedEvents();
  CHECK(received.values == std::vector<int>{2});
}

TEST_CASE("cancelAll drops the results that were on their way") {
  Received received;
  GuiJob<int> job(received.receiver());
  Gate gate;
  job.request([&](const GuiJob<int>::Outlet& outlet) {
    outlet.deliver(boxed(1));
    gate.pass();
  });
  REQUIRE(gate.waitUntilEntered());
  job.cancelAll();
  gate.open();
  REQUIRE(job.waitUntilIdle(std::chrono::seconds(60)));

  QCoreApplication::sendPostedEvents();  // the wake-up posted for the result, and any later
  CHECK(received.values.empty());
}

TEST_CASE("destroying a GuiJob stops its work and nothing reaches the receiver afterwards") {
  Received received;
  auto job = std::make_unique<GuiJob<int>>(received.receiver());
  Gate gate;
  job->request([&](const GuiJob<int>::Outlet& outlet) {
    outlet.deliver(boxed(1));
    gate.pass();
    // Keeps delivering until destruction cancels it: the worker is joined mid-stream.
    for (int i = 2; !outlet.cancelled(); ++i) outlet.deliver(boxed(i));
  });
  REQUIRE(gate.waitUntilEntered());
  gate.open();
  job.reset();

  QCoreApplication::sendPostedEvents();  // queued wake-ups died with the job's inbox
  CHECK(received.values.empty());
}

TEST_CASE("results keep arriving in order while requests keep superseding each other") {
  // Many short requests in a row, as zooming with the wheel makes them: whatever reaches the
  // receiver belongs to a request no older than the previous delivery's, and the last
  // request's results all arrive.
  std::vector<std::pair<std::uint64_t, int>> received;
  std::unique_ptr<GuiJob<std::pair<std::uint64_t, int>>> job;
  job = std::make_unique<GuiJob<std::pair<std::uint64_t, int>>>(
      [&](std::shared_ptr<const std::pair<std::uint64_t, int>> value) {
        received.push_back(*value);
      });
  std::uint64_t last = 0;
  for (int request = 0; request < 100; ++request) {
    last = job->request([](const auto& outlet) {
      for (int part = 0; part < 3 && !outlet.cancelled(); ++part)
        outlet.deliver(
            std::make_shared<const std::pair<std::uint64_t, int>>(outlet.generation(), part));
    });
    if (request % 10 == 0) QCoreApplication::processEvents();
  }
  REQUIRE(processEventsUntil([&] {
    return received.size() >= 3 && received.back() == std::pair<std::uint64_t, int>{last, 2};
  }));
  for (std::size_t k = 1; k < received.size(); ++k) {
    INFO("delivery " << k);
    CHECK(received[k - 1] < received[k]);  // by generation, then by part
  }
  const std::size_t n = received.size();
  CHECK(received[n - 3] == std::pair<std::uint64_t, int>{last, 0});
  CHECK(received[n - 2] == std::pair<std::uint64_t, int>{last, 1});
}
