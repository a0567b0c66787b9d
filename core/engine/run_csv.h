#pragma once

#include <Eigen/Core>
#include <functional>
#include <ostream>
#include <vector>

#include "core/optim/optimizer.h"

namespace optiscope {

class Run;

// The `run` CSV: `step,x,y,loss,grad_x,grad_y,lr_x,lr_y` for 2 dimensions, otherwise
// `step,x0..x{N-1},loss,grad_x0..,lr_x0..`. Numbers have 17 significant digits so they read
// back exactly; the learning rates of row 0 (no update yet) are `nan`. With `state`, each of
// the optimizer's named state vectors follows as `<name>_x,<name>_y` (or `<name>_x0..`, or
// `<name>_0..` for a vector of another length than the parameters).
void writeRunHeader(std::ostream& out, Eigen::Index dim, const std::vector<StateView>& state = {});
void writeRunRow(std::ostream& out, long long step, const Eigen::VectorXd& params, double loss,
                 const Eigen::VectorXd& gradient, const Eigen::VectorXd& effectiveLr,
                 const std::vector<StateView>& state = {});

struct RunCsvEnd {
  long long divergedAt = -1;  // the step whose row showed a non-finite value, or -1
  bool cancelled = false;     // `keepGoing` said stop: what was written is incomplete
};

// Writes rows 0..steps of `run` from where it is (a fresh run: step 0), stopping at a diverged
// row; with `withState`, the optimizer's state columns too. `keepGoing(step)` is asked every
// few thousand rows (progress, and a way to stop).
RunCsvEnd writeRunCsv(Run& run, long long steps, std::ostream& out, bool withState = false,
                      const std::function<bool(long long)>& keepGoing = {});

}  // namespace optiscope
