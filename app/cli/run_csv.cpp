#include "app/cli/run_csv.h"

#include <cstdio>
#include <string>

namespace optiscope::cli {
namespace {

void writeNumber(std::ostream& out, double v) {
  char buf[40];
  const int n = std::snprintf(buf, sizeof buf, ",%.17g", v);
  out.write(buf, n);
}

void writeColumns(std::ostream& out, const char* prefix, Eigen::Index dim) {
  if (dim == 2) {
    out << ',' << prefix << 'x' << ',' << prefix << 'y';
    return;
  }
  for (Eigen::Index i = 0; i < dim; ++i) out << ',' << prefix << 'x' << i;
}

}  // namespace

void writeRunHeader(std::ostream& out, Eigen::Index dim) {
  out << "step";
  writeColumns(out, "", dim);
  out << ",loss";
  writeColumns(out, "grad_", dim);
  writeColumns(out, "lr_", dim);
  out << '\n';
}

void writeRunRow(std::ostream& out, long long step, const Eigen::VectorXd& params, double loss,
                 const Eigen::VectorXd& gradient, const Eigen::VectorXd& effectiveLr) {
  out << step;
  for (double v : params) writeNumber(out, v);
  writeNumber(out, loss);
  for (double v : gradient) writeNumber(out, v);
  for (double v : effectiveLr) writeNumber(out, v);
  out << '\n';
}

}  // namespace optiscope::cli
