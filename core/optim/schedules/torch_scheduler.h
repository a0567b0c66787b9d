#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/optim/schedule.h"

namespace optiscope {

// The entries torch's schedulers keep in the optimizer's param group besides lr and momentum.
// Schedules attached to the same optimizer (the two halves of a sequence) share one of these,
// as torch's share the group dict; SequentialLR's quirks come from exactly that sharing.
struct SchedulerGroup {
  std::optional<double> initialLr;  // group['initial_lr']: set by the first scheduler built on it
  // OneCycleLR keeps its bounds in the group too, so a second OneCycleLR overwrites the first's.
  double maxLr = 0.0, minLr = 0.0, maxMomentum = 0.0, baseMomentum = 0.0;
};

// Every schedule here is a faithful replay of one torch 1.13 scheduler object:
//   construct()       = its constructor, including the initial step (last_epoch -1 -> 0);
//   advance()         = its step() / step(metric);
//   jumpToEpochZero() = its step(0), which SequentialLR calls at its milestone.
// attach() builds on a fresh group (like a new torch optimizer) and first puts the optimizer's
// lr back to its configured value, so attaching again restarts the schedule.
class TorchScheduler : public Schedule {
 public:
  void attach(Optimizer& optimizer) final;
  void step(Optimizer& optimizer, double metric) final;

  virtual void construct(Optimizer& optimizer, SchedulerGroup& group) = 0;
  virtual void advance(Optimizer& optimizer, SchedulerGroup& group, double metric) = 0;
  virtual void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) = 0;
  // SequentialLR's constructor moves each member one epoch back before re-running an initial
  // step, which is why its members are not simply restarted.
  void rewindOneEpoch() { --m_lastEpoch; }
  // Why this schedule cannot be a sequence's `first` (asThen = false) or `then`; empty if it can.
  virtual std::string sequenceRestriction(bool asThen) const;

 protected:
  long long m_lastEpoch = -1;

 private:
  SchedulerGroup m_group;  // used only when this schedule is attached on its own
};

// torch's _LRScheduler: base_lr from the group's initial_lr, an initial step at construction,
// and step(0) evaluating the class's closed form when it has one.
class LrScheduler : public TorchScheduler {
 public:
  void advance(Optimizer& optimizer, SchedulerGroup& group, double metric) override;
  // The default is for classes without a closed form: torch then calls get_lr() at epoch 0.
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  // The tail of _LRScheduler.__init__; call it after the class's own setup, as torch does.
  void initialize(Optimizer& optimizer, SchedulerGroup& group);
  // torch's get_lr() at m_lastEpoch, written into the optimizer (lr, and momentum if cycled).
  virtual void update(Optimizer& optimizer, const SchedulerGroup& group) = 0;

  double m_baseLr = 0.0;  // torch's base_lrs[0]
};

template <class Derived, class Base = LrScheduler>
class ClonableScheduler : public Base {
 public:
  std::unique_ptr<Schedule> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

}  // namespace optiscope
