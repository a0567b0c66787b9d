// Kernels shared by several optimizers (see kernel_dispatch.h).
#include "core/optim/kernel_dispatch.h"

namespace optiscope::kernels {
namespace {

OPTISCOPE_KERNEL void fill(Eigen::Index n, double* __restrict out, double value) {
  OPTISCOPE_SIMD
  for (Eigen::Index i = 0; i < n; ++i) out[i] = value;
}

}  // namespace

void fillConstant(Eigen::VectorXd& out, double value) { fill(out.size(), out.data(), value); }

}  // namespace optiscope::kernels
