#pragma once

#include <QObject>
#include <atomic>
#include <functional>

namespace optiscope::ui {

// Where a background job's results are picked up on the GUI thread. Any thread may wake()
// it; the drain function then runs once on the inbox's thread, however many wake-ups came
// meanwhile. The wake-up carries no data: the results travel through the job's own mutex,
// which every tool (ThreadSanitizer among them) sees, while Qt's event queue only says "look".
class JobInbox : public QObject {
  Q_OBJECT
 public:
  explicit JobInbox(std::function<void()> drain);

  // Thread-safe. Queues one call of the drain function unless one is queued already.
  void wake();

 private:
  Q_INVOKABLE void drainNow();

  std::function<void()> m_drain;
  std::atomic<bool> m_wakePending{false};
};

}  // namespace optiscope::ui
