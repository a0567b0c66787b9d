#include <iostream>
#include <memory>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/summary_csv.h"
#include "core/analysis/function_problem.h"
#include "core/analysis/sweep.h"
#include "core/util/atomic_file.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {
namespace {

constexpr long long kMaxRates = 1000;
constexpr long long kMaxSeeds = 1000;

// `LO:HI:N` -> N log-spaced learning rates from LO to HI.
std::vector<double> parseLrRange(const std::string& text) {
  const std::size_t first = text.find(':');
  const std::size_t second = first == std::string::npos ? first : text.find(':', first + 1);
  if (second == std::string::npos || text.find(':', second + 1) != std::string::npos)
    throw SpecError("--lr must be LO:HI:N (e.g. 1e-4:1:13), got '" + text + "'");
  const double lo = parseFiniteDouble(text.substr(0, first), "--lr LO");
  const double hi = parseFiniteDouble(text.substr(first + 1, second - first - 1), "--lr HI");
  const long long n = parseInteger(text.substr(second + 1), "--lr N");
  if (lo <= 0.0 || lo >= hi) throw SpecError("--lr needs 0 < LO < HI, got '" + text + "'");
  if (n < 2 || n > kMaxRates)
    throw SpecError("--lr N must be 2 to " + std::to_string(kMaxRates) + ", got '" + text + "'");
  return logSpaced(lo, hi, static_cast<int>(n));
}

void writeSweep(std::ostream& out, const SweepResult& result,
                const std::vector<std::string>& specs) {
  out << "optimizer,lr,seed,final_loss,best_loss,steps_to_tolerance,diverged_at\n";
  for (const SweepRow& row : result.rows)
    out << csvField(specs[row.point.optimizer]) << ',' << csvNumber(row.point.lr) << ','
        << row.point.seed << ',' << summaryFields(row.summary) << '\n';
}

}  // namespace

int sweepCommand(const std::vector<std::string>& words) {
  const Arguments args(words, "sweep",
                       {"--function", "--optimizer", "--lr", "--seeds", "--steps", "--start",
                        "--dim", "--noise", "--schedule", "--out"},
                       {"--optimizer"});
  const std::string function =
      functionSpecWithDim(args.required("--function"), args.value("--dim"));
  const std::vector<std::string> specs = args.values("--optimizer");
  if (specs.empty()) throw SpecError("'sweep' needs at least one --optimizer");
  SweepPlan plan;
  for (const std::string& spec : specs) plan.optimizers.push_back(parseOptimizerSpec(spec));
  plan.learningRates = parseLrRange(args.required("--lr"));
  const long long seeds = args.integer("--seeds", 1, 1);
  if (seeds > kMaxSeeds)
    throw SpecError("--seeds must be 1 to " + std::to_string(kMaxSeeds) + ", got " +
                    std::to_string(seeds));
  plan.seeds = static_cast<int>(seeds);
  std::optional<Eigen::VectorXd> start;
  if (auto text = args.value("--start")) {
    const auto numbers = parseNumberList(*text, "--start");
    start = Eigen::Map<const Eigen::VectorXd>(numbers.data(), numbers.size());
  }
  const std::string out = args.required("--out");
  const auto problem = std::make_shared<FunctionProblem>(
      parseObjectiveSpec(function), start, args.real("--noise", 0.0, 0.0),
      args.integer("--steps", 100, 0),
      parseScheduleSpec(args.value("--schedule").value_or("constant")));
  const Sweep sweep(plan, problem);

  // Everything is valid: from here on, only I/O can fail.
  ThreadPool pool;
  const SweepResult result = sweep.run(pool);
  if (out == "-") {
    writeSweep(std::cout, result, specs);
    std::cout.flush();
  } else {
    writeFileAtomically(out, [&](std::ostream& stream) { writeSweep(stream, result, specs); });
    std::cout << "sweep of " << result.rows.size() << " runs written to " << out << '\n';
  }
  return 0;
}

}  // namespace optiscope::cli
