#pragma once

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace optiscope {

// Results handed from the analysis threads to a reader that polls (a GUI timer): push() from
// any thread, take() swaps out everything pushed since the last take. The lock is held only
// to append or to swap two vectors, never while a result is computed or drawn.
template <class T>
class ResultQueue {
 public:
  void push(T value) {
    std::lock_guard lock(m_mutex);
    m_pending.push_back(std::move(value));
    ++m_pushed;
  }

  // Everything pushed since the last take(), in the order pushed. `recycled` (a vector
  // returned by an earlier take) lends its capacity, so a steady poll stops allocating.
  std::vector<T> take(std::vector<T> recycled = {}) {
    recycled.clear();
    std::lock_guard lock(m_mutex);
    std::swap(recycled, m_pending);
    return recycled;
  }

  // How many results were pushed in total: the progress of the computation feeding it.
  std::size_t pushed() const {
    std::lock_guard lock(m_mutex);
    return m_pushed;
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<T> m_pending;
  std::size_t m_pushed = 0;
};

}  // namespace optiscope
