#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>

#include "core/engine/epoch_record.h"

namespace optiscope {

// What a Run descends: a loss with its exact gradient at any parameters. Two kinds exist, a
// test function with its gradient noise (ObjectiveProblem) and a small network's training
// task with its minibatches and epoch records (NetworkProblem); the Run, the engine, the
// snapshots and traces know only this interface.
//
// A Problem has state that moves with the run (a minibatch position, scratch space), so every
// Run owns a clone; the prototype a RunConfig shares is never stepped (it is const there).
class Problem {
 public:
  virtual ~Problem() = default;
  virtual std::unique_ptr<Problem> clone() const = 0;

  virtual Eigen::Index dimension() const = 0;
  // Where a run starts unless its config names a start.
  virtual Eigen::VectorXd defaultStart() const = 0;
  // Names the problem in messages ("rosenbrock", "the network").
  virtual std::string describe() const = 0;

  // Back to the data of step 0 (the first minibatch).
  virtual void restart() = 0;
  // On to the data of the next step (the next minibatch): called once after every update,
  // before the loss at the new parameters is evaluated.
  virtual void advance() = 0;
  // The loss the next update descends and its gradient at `params`, at `step` (gradient noise
  // depends on the step). Allocates nothing.
  virtual double lossAndGradient(long long step, const Eigen::VectorXd& params,
                                 Eigen::VectorXd& gradient) = 0;

  // Whether every step's trace point keeps params, gradient and η_eff (a 2D point), or only
  // the step and the loss (a network's thousands of weights: see the epoch records instead).
  virtual bool tracesVectors() const = 0;

  // Steps per pass over the data; 0 for a problem without epochs.
  virtual long long stepsPerEpoch() const { return 0; }
  // Whole-data measurements at an epoch boundary (problems with epochs only): `effectiveLr`
  // is the η_eff of the last update.
  virtual EpochRecord measureEpoch(long long step, const Eigen::VectorXd& params,
                                   const Eigen::VectorXd& effectiveLr);
};

}  // namespace optiscope
