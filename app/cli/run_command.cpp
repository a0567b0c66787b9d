#include <iostream>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/run_csv.h"
#include "core/engine/run.h"
#include "core/util/atomic_file.h"

namespace optiscope::cli {
namespace {

// Writes rows 0..steps (stopping at a diverged row) and returns the diverged step or -1.
long long writeRun(Run& run, long long steps, std::ostream& out) {
  writeRunHeader(out, run.params().size());
  writeRunRow(out, 0, run.params(), run.loss(), run.gradient(), run.effectiveLr());
  for (long long k = 1; k <= steps && !run.diverged(); ++k) {
    run.advance();
    writeRunRow(out, run.step(), run.params(), run.loss(), run.gradient(), run.effectiveLr());
  }
  return run.diverged() ? run.step() : -1;
}

}  // namespace

int runCommand(const std::vector<std::string>& words) {
  const Arguments args(words, "run",
                       {"--function", "--optimizer", "--start", "--dim", "--steps", "--schedule",
                        "--noise", "--seed", "--out"});
  const std::string function =
      functionSpecWithDim(args.required("--function"), args.value("--dim"));
  const std::string optimizer = args.required("--optimizer");
  const long long steps = args.integer("--steps", 100, 0);
  const double noise = args.real("--noise", 0.0, 0.0);
  const long long seed = args.integer("--seed", 0, 0);
  std::optional<Eigen::VectorXd> start;
  if (auto text = args.value("--start")) {
    const auto numbers = parseNumberList(*text, "--start");
    start = Eigen::Map<const Eigen::VectorXd>(numbers.data(), numbers.size());
  }
  Run run(makeRunConfig(function, optimizer, args.value("--schedule").value_or("constant"), start,
                        noise, static_cast<std::uint64_t>(seed)));

  long long divergedAt = -1;
  const std::string out = args.value("--out").value_or("-");
  if (out == "-") {
    divergedAt = writeRun(run, steps, std::cout);
    std::cout.flush();
  } else {
    writeFileAtomically(out,
                        [&](std::ostream& stream) { divergedAt = writeRun(run, steps, stream); });
  }
  if (divergedAt >= 0) std::cerr << "diverged at step " << divergedAt << '\n';
  return 0;
}

}  // namespace optiscope::cli
