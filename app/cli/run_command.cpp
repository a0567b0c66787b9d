#include <iostream>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/engine/run.h"
#include "core/engine/run_csv.h"
#include "core/util/atomic_file.h"

namespace optiscope::cli {

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
    divergedAt = writeRunCsv(run, steps, std::cout).divergedAt;
    std::cout.flush();
  } else {
    writeFileAtomically(out, [&](std::ostream& stream) {
      divergedAt = writeRunCsv(run, steps, stream).divergedAt;
    });
  }
  if (divergedAt >= 0) std::cerr << "diverged at step " << divergedAt << '\n';
  return 0;
}

}  // namespace optiscope::cli
