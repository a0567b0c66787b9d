#pragma once

#include <Eigen/Core>
#include <ostream>

namespace optiscope::cli {

// The `run` CSV: `step,x,y,loss,grad_x,grad_y,lr_x,lr_y` for 2 dimensions, otherwise
// `step,x0..x{N-1},loss,grad_x0..,lr_x0..`. Numbers have 17 significant digits so they read
// back exactly; the learning rates of row 0 (no update yet) are `nan`.
void writeRunHeader(std::ostream& out, Eigen::Index dim);
void writeRunRow(std::ostream& out, long long step, const Eigen::VectorXd& params, double loss,
                 const Eigen::VectorXd& gradient, const Eigen::VectorXd& effectiveLr);

}  // namespace optiscope::cli
