#include "core/optim/schedules/sequence_schedule.h"

#include <stdexcept>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

std::unique_ptr<TorchScheduler> asTorchScheduler(std::unique_ptr<Schedule> schedule) {
  auto* torch = dynamic_cast<TorchScheduler*>(schedule.get());
  if (!torch) throw std::logic_error("every schedule must derive from TorchScheduler");
  schedule.release();
  return std::unique_ptr<TorchScheduler>(torch);
}

std::unique_ptr<TorchScheduler> member(const ParamValues& values, const std::string& key) {
  std::unique_ptr<TorchScheduler> made;
  try {
    made = asTorchScheduler(makeSchedule(values.text(key)));
  } catch (const SpecError& error) {
    throw SpecError("sequence: " + key + ": " + error.what());
  }
  const std::string restriction = made->sequenceRestriction(key == "then");
  if (!restriction.empty()) throw SpecError("sequence: " + key + ": " + restriction);
  return made;
}

}  // namespace

ScheduleInfo SequenceSchedule::describe() {
  return {
      "sequence",
      "one schedule, then another from the milestone step on (torch SequentialLR)",
      {specParam("first", "linear", "schedule before the milestone, e.g. linear(total_iters=5)"),
       specParam("then", "cosine", "schedule from the milestone on, e.g. cosine(t_max=100)"),
       integerParam("milestone", 5, "step at which `then` takes over", 0)},
      [](const ParamValues& v) { return std::make_unique<SequenceSchedule>(v); }};
}

SequenceSchedule::SequenceSchedule(const ParamValues& v)
    : m_first(member(v, "first")), m_then(member(v, "then")), m_milestone(v.integer("milestone")) {}

SequenceSchedule::SequenceSchedule(const SequenceSchedule& other)
    : ClonableScheduler(other),
      m_first(asTorchScheduler(other.m_first->clone())),
      m_then(asTorchScheduler(other.m_then->clone())),
      m_milestone(other.m_milestone) {}

void SequenceSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  m_first->construct(optimizer, group);
  m_then->construct(optimizer, group);
  m_lastEpoch = 0;
  optimizer.setLr(group.initialLr.value());
  m_first->rewindOneEpoch();
  m_then->rewindOneEpoch();
  m_first->advance(optimizer, group, 0.0);
}

void SequenceSchedule::advance(Optimizer& optimizer, SchedulerGroup& group, double metric) {
  ++m_lastEpoch;
  if (m_lastEpoch < m_milestone)
    m_first->advance(optimizer, group, metric);
  else if (m_lastEpoch == m_milestone)
    m_then->jumpToEpochZero(optimizer, group);
  else
    m_then->advance(optimizer, group, metric);
}

void SequenceSchedule::jumpToEpochZero(Optimizer&, SchedulerGroup&) {
  throw std::logic_error("a sequence cannot be restarted at epoch 0");
}

std::string SequenceSchedule::sequenceRestriction(bool asThen) const {
  if (!asThen) return {};
  return "a sequence can be nested only as `first` (torch's SequentialLR cannot restart a "
         "nested SequentialLR at its milestone)";
}

}  // namespace optiscope
