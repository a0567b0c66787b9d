#include <iostream>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/summary_csv.h"
#include "core/analysis/basins.h"
#include "core/util/atomic_file.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {
namespace {

Box parseBox(const std::string& text) {
  const auto numbers = parseNumberList(text, "--box");
  if (numbers.size() != 4 || !(numbers[0] < numbers[1]) || !(numbers[2] < numbers[3]))
    throw SpecError("--box must be X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, got '" + text + "'");
  return {Eigen::Vector2d(numbers[0], numbers[2]), Eigen::Vector2d(numbers[1], numbers[3])};
}

void writeBasins(std::ostream& out, const BasinsResult& result) {
  out << "x,y,minimum_index,final_x,final_y,final_loss,steps_to_tolerance,diverged_at\n";
  for (const BasinCell& cell : result.cells)
    out << csvNumber(cell.x) << ',' << csvNumber(cell.y) << ','
        << (cell.minimumIndex >= 0 ? std::to_string(cell.minimumIndex) : "") << ','
        << csvNumber(cell.finalX) << ',' << csvNumber(cell.finalY) << ','
        << summaryFields(cell.summary, false) << '\n';
}

}  // namespace

int basinsCommand(const std::vector<std::string>& words) {
  const Arguments args(words, "basins",
                       {"--function", "--optimizer", "--grid", "--box", "--steps", "--schedule",
                        "--noise", "--seed", "--out"});
  BasinsPlan plan;
  plan.objective = parseObjectiveSpec(args.required("--function"));
  plan.optimizer = parseOptimizerSpec(args.required("--optimizer"));
  const std::string gridText = args.required("--grid");
  const long long grid = parseInteger(gridText, "--grid");
  if (grid < 2 || grid > kMaxBasinsGrid)
    throw SpecError("--grid must be 2 to " + std::to_string(kMaxBasinsGrid) + ", got " + gridText);
  plan.grid = static_cast<int>(grid);
  if (auto text = args.value("--box")) plan.box = parseBox(*text);
  plan.steps = args.integer("--steps", 100, 0);
  plan.schedule = parseScheduleSpec(args.value("--schedule").value_or("constant"));
  plan.noiseSigma = args.real("--noise", 0.0, 0.0);
  plan.noiseSeed = static_cast<std::uint64_t>(args.integer("--seed", 0, 0));
  const std::string out = args.required("--out");
  const Basins basins(plan);

  // Everything is valid: from here on, only I/O can fail.
  ThreadPool pool;
  const BasinsResult result = basins.run(pool);
  if (out == "-") {
    writeBasins(std::cout, result);
    std::cout.flush();
  } else {
    writeFileAtomically(out, [&](std::ostream& stream) { writeBasins(stream, result); });
    std::cout << "start-point map of " << result.cells.size() << " runs written to " << out << '\n';
  }
  return 0;
}

}  // namespace optiscope::cli
