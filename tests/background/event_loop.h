#pragma once

#include <QCoreApplication>
#include <QEventLoop>
#include <chrono>
#include <thread>

namespace optiscope::testing {

// Runs the test thread's event loop until `done()` holds. False only if it did not within a
// minute (a hung job, not a slow machine).
template <class Done>
bool processEventsUntil(Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    std::this_thread::yield();
  }
  return true;
}

}  // namespace optiscope::testing
