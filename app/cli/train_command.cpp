// `optiscope-cli train`: one optimizer training one small network, one CSV row per epoch.
#include <charconv>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/engine/network_problem.h"
#include "core/engine/run.h"
#include "core/nn/csv_dataset.h"
#include "core/util/atomic_file.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {
namespace {

constexpr const char* kDefaultOptimizer = "adam:lr=0.03";

// Shortest text that reads back to the same double: accuracies print as 0.952, not as
// 0.95199999999999996.
void writeNumber(std::ostream& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.write(buffer, result.ptr - buffer);
}

void writeOptional(std::ostream& out, const std::optional<double>& value) {
  out << ',';
  if (value) writeNumber(out, *value);
}

void writeRow(std::ostream& out, long long epoch, long long step, const NetworkMetrics& m) {
  out << epoch << ',' << step << ',';
  writeNumber(out, m.trainLoss);
  out << ',';
  writeNumber(out, m.testLoss);
  writeOptional(out, m.trainAccuracy);
  writeOptional(out, m.testAccuracy);
  out << '\n';
}

// Rows for epochs 0..epochs; a run that diverges ends with the row of that epoch. Returns the
// step at which it diverged, or -1.
long long writeTraining(Run& run, long long epochs, std::ostream& out) {
  NetworkTask& task = static_cast<NetworkProblem&>(run.problem()).task();
  out << "epoch,step,train_loss,test_loss,train_accuracy,test_accuracy\n";
  writeRow(out, 0, 0, task.evaluate(run.params()));
  for (long long e = 1; e <= epochs && !run.diverged(); ++e) {
    run.advanceEpoch();
    writeRow(out, e, run.step(), task.evaluate(run.params()));
  }
  return run.diverged() ? run.step() : -1;
}

double trainRatio(const Arguments& args) {
  const auto text = args.value("--train-ratio");
  if (!text) return 0.5;
  const double ratio = parseFiniteDouble(*text, "--train-ratio");
  if (!(ratio > 0.0 && ratio < 1.0))
    throw SpecError("--train-ratio must be between 0 and 1 (exclusive), got " + *text);
  return ratio;
}

Dataset loadDataset(const Arguments& args, std::optional<Loss> loss, std::uint64_t seed) {
  const auto csv = args.value("--csv-data");
  const auto name = args.value("--dataset");
  if (csv && name) throw SpecError("give either --dataset or --csv-data, not both");
  if (csv) {
    if (args.value("--points") || args.value("--noise"))
      throw SpecError(
          "--points and --noise shape generated datasets; they do not apply to "
          "--csv-data");
    // A file's labels are classes unless the loss says it is regression data.
    const TaskKind kind =
        loss == Loss::SquaredError ? TaskKind::Regression : TaskKind::Classification;
    return readCsvDataset(*csv, kind);
  }
  if (!name) throw SpecError("'train' needs --dataset NAME or --csv-data FILE");
  const long long points = args.integer("--points", 500, kMinDatasetPoints);
  if (points > kMaxDatasetPoints)
    throw SpecError("--points must be at most " + std::to_string(kMaxDatasetPoints) + ", got " +
                    std::to_string(points));
  const double noise = args.real("--noise", 0.0, 0.0);
  if (noise > kMaxDatasetNoise)
    throw SpecError("--noise must be from 0 to 0.5 (Playground's 0-50%), got " +
                    *args.value("--noise"));
  return generateDataset(*name, {static_cast<int>(points), noise, seed});
}

}  // namespace

int trainCommand(const std::vector<std::string>& words) {
  const Arguments args(words, "train",
                       {"--dataset", "--hidden", "--activation", "--features", "--loss",
                        "--optimizer", "--schedule", "--batch", "--epochs", "--noise",
                        "--train-ratio", "--points", "--seed", "--out", "--csv-data"});
  NetworkSettings settings;
  settings.seed = static_cast<std::uint64_t>(args.integer("--seed", 0, 0));
  settings.hidden = parseHiddenLayers(args.value("--hidden").value_or("8,8"));
  settings.activation = parseActivation(args.value("--activation").value_or("tanh"));
  settings.features = parseFeatures(args.value("--features").value_or("x1,x2"));
  settings.loss = parseLossChoice(args.value("--loss").value_or("auto"));
  const long long batch = args.integer("--batch", 10, 1);
  if (batch > std::numeric_limits<int>::max())
    throw SpecError("--batch is larger than any training set: " + std::to_string(batch));
  settings.batchSize = static_cast<int>(batch);
  const long long epochs = args.integer("--epochs", 100, 0);
  const OptimizerConfig optimizer =
      parseOptimizerSpec(args.value("--optimizer").value_or(kDefaultOptimizer));
  const ScheduleConfig schedule = parseScheduleSpec(args.value("--schedule").value_or("constant"));
  const double ratio = trainRatio(args);

  const Dataset data = loadDataset(args, settings.loss, settings.seed);
  auto split = std::make_shared<const DataSplit>(splitDataset(data, ratio, settings.seed));
  Run run({std::make_shared<const NetworkProblem>(split, settings), optimizer, schedule, {}});

  long long divergedAt = -1;
  const std::string out = args.value("--out").value_or("-");
  if (out == "-") {
    divergedAt = writeTraining(run, epochs, std::cout);
    std::cout.flush();
  } else {
    writeFileAtomically(
        out, [&](std::ostream& stream) { divergedAt = writeTraining(run, epochs, stream); });
  }
  if (divergedAt >= 0) {
    const long long perEpoch = run.problem().stepsPerEpoch();
    const long long epoch = (divergedAt + perEpoch - 1) / perEpoch;
    std::cerr << "diverged at step " << divergedAt << " (epoch " << epoch << ")\n";
  }
  return 0;
}

}  // namespace optiscope::cli
