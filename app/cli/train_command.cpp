// `optiscope-cli train`: one optimizer training one small network, one CSV row per epoch. The
// flags make a one-run network scene, built into its run as experiment files are (so `replay`
// of a file with the same settings writes the same bytes).
#include <fstream>
#include <limits>
#include <sstream>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/training_writer.h"
#include "core/experiment/experiment_configs.h"
#include "core/nn/activation.h"
#include "core/nn/features.h"
#include "core/nn/mlp_layout.h"
#include "core/nn/regularization.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {
namespace {

constexpr const char* kDefaultOptimizer = "adam:lr=0.03";

double trainRatio(const Arguments& args) {
  const auto text = args.value("--train-ratio");
  if (!text) return 0.5;
  const double ratio = parseFiniteDouble(*text, "--train-ratio");
  if (!(ratio > 0.0 && ratio < 1.0))
    throw SpecError("--train-ratio must be between 0 and 1 (exclusive), got " + *text);
  return ratio;
}

std::string readCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SpecError(path + ": cannot open the file for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw SpecError(path + ": read error");
  return text.str();
}

NetworkDataSource dataSource(const Arguments& args) {
  const auto csv = args.value("--csv-data");
  const auto name = args.value("--dataset");
  if (csv && name) throw SpecError("give either --dataset or --csv-data, not both");
  if (csv) {
    if (args.value("--points") || args.value("--noise"))
      throw SpecError(
          "--points and --noise shape generated datasets; they do not apply to "
          "--csv-data");
    return CsvData{readCsvFile(*csv)};
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
  return GeneratedData{*name, static_cast<int>(points), noise};
}

}  // namespace

int trainCommand(const std::vector<std::string>& words) {
  const Arguments args(
      words, "train",
      {"--dataset", "--hidden", "--activation", "--features", "--loss", "--regularization",
       "--regularization-rate", "--optimizer", "--schedule", "--batch", "--epochs", "--noise",
       "--train-ratio", "--points", "--seed", "--out", "--csv-data"});
  NetworkScene scene;
  NetworkSettings& settings = scene.settings;
  settings.seed = static_cast<std::uint64_t>(args.integer("--seed", 0, 0));
  settings.hidden = parseHiddenLayers(args.value("--hidden").value_or("8,8"));
  settings.activation = parseActivation(args.value("--activation").value_or("tanh"));
  settings.features = parseFeatures(args.value("--features").value_or("x1,x2"));
  settings.loss = parseLossChoice(args.value("--loss").value_or("auto"));
  settings.regularization = makeRegularization(args.value("--regularization").value_or("none"),
                                               args.real("--regularization-rate", 0.0, 0.0));
  const long long batch = args.integer("--batch", 10, 1);
  if (batch > std::numeric_limits<int>::max())
    throw SpecError("--batch is larger than any training set: " + std::to_string(batch));
  settings.batchSize = static_cast<int>(batch);
  const long long epochs = args.integer("--epochs", 100, 0);
  ExperimentRun run;
  run.optimizer = args.value("--optimizer").value_or(kDefaultOptimizer);
  run.schedule = args.value("--schedule").value_or("constant");
  parseOptimizerSpec(run.optimizer);  // the specs' problems before the data's
  parseScheduleSpec(run.schedule);
  scene.trainRatio = trainRatio(args);
  scene.data = dataSource(args);
  scene.runs = {run};

  // A CSV file's problems name the file.
  const auto configs = networkRunConfigs(scene, args.value("--csv-data").value_or("csv"));
  Run training(configs.front());
  writeTrainingCsv(training, epochs, args.value("--out").value_or("-"));
  return 0;
}

}  // namespace optiscope::cli
