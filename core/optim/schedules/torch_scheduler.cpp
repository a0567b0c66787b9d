#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

void TorchScheduler::attach(Optimizer& optimizer) {
  optimizer.setLr(optimizer.hyperparameters().real("lr"));
  m_group = SchedulerGroup{};
  construct(optimizer, m_group);
}

void TorchScheduler::step(Optimizer& optimizer, double metric) {
  advance(optimizer, m_group, metric);
}

std::string TorchScheduler::sequenceRestriction(bool) const { return {}; }

void LrScheduler::advance(Optimizer& optimizer, SchedulerGroup& group, double) {
  ++m_lastEpoch;
  update(optimizer, group);
}

void LrScheduler::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) {
  m_lastEpoch = 0;
  update(optimizer, group);
}

void LrScheduler::initialize(Optimizer& optimizer, SchedulerGroup& group) {
  if (!group.initialLr) group.initialLr = optimizer.lr();
  m_baseLr = *group.initialLr;
  m_lastEpoch = -1;
  advance(optimizer, group, 0.0);
}

}  // namespace optiscope
