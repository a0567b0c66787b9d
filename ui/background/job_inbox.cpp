#include "ui/background/job_inbox.h"

#include <utility>

namespace optiscope::ui {

JobInbox::JobInbox(std::function<void()> drain) : m_drain(std::move(drain)) {}

void JobInbox::wake() {
  if (m_wakePending.exchange(true, std::memory_order_acq_rel)) return;  // a call is queued
  // By name, not with a functor: the queued call is then made entirely inside Qt, and nothing
  // that this (instrumented) code wrote on the worker is read back on the GUI thread.
  QMetaObject::invokeMethod(this, "drainNow", Qt::QueuedConnection);
}

void JobInbox::drainNow() {
  // Cleared before draining: a result delivered while the drain runs queues another call.
  m_wakePending.store(false, std::memory_order_release);
  m_drain();
}

}  // namespace optiscope::ui
