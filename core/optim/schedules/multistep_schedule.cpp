#include "core/optim/schedules/multistep_schedule.h"

#include <algorithm>
#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {

ScheduleInfo MultistepSchedule::describe() {
  return {"multistep",
          "lr·gamma at each milestone step (torch MultiStepLR)",
          {listParam("milestones", "[100,200]",
                     "steps where lr is multiplied by gamma; a step listed twice counts twice "
                     "(torch requires it; [100,200] here)"),
           realParam("gamma", 0.1, "multiplier at each milestone", 0.0, INFINITY, false)},
          [](const ParamValues& v) { return std::make_unique<MultistepSchedule>(v); }};
}

MultistepSchedule::MultistepSchedule(const ParamValues& v) : m_gamma(v.real("gamma")) {
  // Beyond 2^53 a double no longer holds every whole number, and far beyond it the cast to
  // long long would be undefined; no run reaches such a step anyway.
  constexpr double kLargestMilestone = 9007199254740992.0;
  for (double m : v.list("milestones")) {
    if (std::floor(m) != m)
      throw SpecError("multistep: milestones must be whole step numbers, got " + formatDouble(m));
    if (std::abs(m) > kLargestMilestone)
      throw SpecError("multistep: milestones must be at most 2^53 in magnitude, got " +
                      formatDouble(m));
    m_milestones.push_back(static_cast<long long>(m));
  }
  std::sort(m_milestones.begin(), m_milestones.end());
}

long long MultistepSchedule::countAt(long long epoch) const {
  return std::count(m_milestones.begin(), m_milestones.end(), epoch);
}

long long MultistepSchedule::countUpTo(long long epoch) const {
  return std::upper_bound(m_milestones.begin(), m_milestones.end(), epoch) - m_milestones.begin();
}

void MultistepSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void MultistepSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  const long long count = countAt(m_lastEpoch);
  if (count > 0) optimizer.setLr(optimizer.lr() * std::pow(m_gamma, static_cast<double>(count)));
}

void MultistepSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  m_lastEpoch = 0;
  optimizer.setLr(m_baseLr * std::pow(m_gamma, static_cast<double>(countUpTo(m_lastEpoch))));
}

}  // namespace optiscope
