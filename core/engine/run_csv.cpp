#include "core/engine/run_csv.h"

#include <cstdio>
#include <string>

#include "core/engine/run.h"

namespace optiscope {
namespace {

// How often writeRunCsv asks whether to go on.
constexpr long long kRowsPerCheck = 4096;

void writeNumber(std::ostream& out, double v) {
  char buf[40];
  const int n = std::snprintf(buf, sizeof buf, ",%.17g", v);
  out.write(buf, n);
}

void writeColumns(std::ostream& out, const std::string& prefix, Eigen::Index dim) {
  if (dim == 2) {
    out << ',' << prefix << 'x' << ',' << prefix << 'y';
    return;
  }
  for (Eigen::Index i = 0; i < dim; ++i) out << ',' << prefix << 'x' << i;
}

}  // namespace

void writeRunHeader(std::ostream& out, Eigen::Index dim, const std::vector<StateView>& state) {
  out << "step";
  writeColumns(out, "", dim);
  out << ",loss";
  writeColumns(out, "grad_", dim);
  writeColumns(out, "lr_", dim);
  for (const StateView& vector : state) {
    const std::string prefix = std::string(vector.name) + '_';
    if (vector.values->size() == dim) {
      writeColumns(out, prefix, dim);
    } else {
      for (Eigen::Index i = 0; i < vector.values->size(); ++i) out << ',' << prefix << i;
    }
  }
  out << '\n';
}

void writeRunRow(std::ostream& out, long long step, const Eigen::VectorXd& params, double loss,
                 const Eigen::VectorXd& gradient, const Eigen::VectorXd& effectiveLr,
                 const std::vector<StateView>& state) {
  out << step;
  for (double v : params) writeNumber(out, v);
  writeNumber(out, loss);
  for (double v : gradient) writeNumber(out, v);
  for (double v : effectiveLr) writeNumber(out, v);
  for (const StateView& vector : state)
    for (double v : *vector.values) writeNumber(out, v);
  out << '\n';
}

RunCsvEnd writeRunCsv(Run& run, long long steps, std::ostream& out, bool withState,
                      const std::function<bool(long long)>& keepGoing) {
  // The state views point into the optimizer, which keeps its vectors in place: one list for
  // every row.
  const std::vector<StateView> state =
      withState ? run.optimizer().state() : std::vector<StateView>{};
  writeRunHeader(out, run.params().size(), state);
  writeRunRow(out, run.step(), run.params(), run.loss(), run.gradient(), run.effectiveLr(), state);
  RunCsvEnd end;
  for (long long k = 1; k <= steps && !run.diverged(); ++k) {
    if (keepGoing && k % kRowsPerCheck == 0 && !keepGoing(k)) {
      end.cancelled = true;
      return end;
    }
    run.advance();
    writeRunRow(out, run.step(), run.params(), run.loss(), run.gradient(), run.effectiveLr(),
                state);
  }
  end.divergedAt = run.diverged() ? run.step() : -1;
  return end;
}

}  // namespace optiscope
