#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace optiscope::testing {

// Holds a piece of background work inside its body until opened, so that a test can act while
// it runs: the worker calls pass(), the test waits until it has entered, acts, then opens.
class Gate {
 public:
  void pass() {
    std::unique_lock lock(m_mutex);
    m_entered = true;
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return m_open; });
  }
  // False only if no worker came within a minute (a hung job, not a slow machine).
  bool waitUntilEntered() {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::seconds(60), [&] { return m_entered; });
  }
  void open() {
    {
      std::lock_guard lock(m_mutex);
      m_open = true;
    }
    m_changed.notify_all();
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_entered = false, m_open = false;
};

}  // namespace optiscope::testing
