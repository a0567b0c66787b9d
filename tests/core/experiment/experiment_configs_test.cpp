// An experiment's scenes become the configs race and train would build from the same settings.
#include "core/experiment/experiment_configs.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/engine/network_problem.h"
#include "core/engine/objective_problem.h"
#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "core/nn/csv_dataset.h"
#include "experiment_test_files.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

const ObjectiveProblem& planar(const RunConfig& config) {
  return *objectiveProblemOf(config.problem.get());
}
const NetworkProblem& network(const RunConfig& config) {
  return *networkProblemOf(config.problem.get());
}

}  // namespace

TEST_CASE("landscape runs get the scene's function and start and their own settings") {
  const Experiment e = readExperimentFile(experimentPath("full_example.optiscope.json"));
  const std::vector<RunConfig> configs = landscapeRunConfigs(*e.landscape);
  REQUIRE(configs.size() == 4);
  for (const RunConfig& config : configs) {
    CHECK(planar(config).objectiveConfig() == parseObjectiveSpec("rosenbrock"));
    REQUIRE(config.start);
    CHECK(*config.start == Eigen::Vector2d(-1.5, 2.0));
  }
  CHECK(configs[1].optimizer == parseOptimizerSpec("sgd:lr=0.0005,momentum=0.9"));
  CHECK(configs[1].schedule == parseScheduleSpec("step:step_size=100,gamma=0.5"));
  CHECK(planar(configs[2]).noiseSigma() == 0.5);
  CHECK(planar(configs[2]).noiseSeed() == 42);
  CHECK(planar(configs[3]).noiseSigma() == 0.1);
  CHECK(planar(configs[3]).noiseSeed() == 7);
  CHECK(configs[0].schedule == ScheduleConfig{});

  LandscapeScene noStart = *e.landscape;
  noStart.start.reset();
  CHECK_FALSE(landscapeRunConfigs(noStart).front().start);
}

TEST_CASE("network runs share one task built as train builds it from the same flags") {
  const Experiment e = readExperimentFile(experimentPath("full_example.optiscope.json"));
  const std::vector<RunConfig> configs = networkRunConfigs(*e.network);
  REQUIRE(configs.size() == 2);
  CHECK(configs[0].problem == configs[1].problem);  // one task, shared
  // train --dataset xor --points 200 --noise 0.1 --train-ratio 0.6 --seed 3
  const DataSplit expected = splitDataset(generateDataset("xor", {200, 0.1, 3}), 0.6, 3);
  CHECK(network(configs[0]).data()->train == expected.train);
  CHECK(network(configs[0]).data()->test == expected.test);
  NetworkSettings settings;
  settings.seed = 3;
  settings.features = {Feature::X1, Feature::X2, Feature::X1TimesX2};
  settings.hidden = {6, 4};
  settings.regularization = makeRegularization("l2", 0.001);
  settings.batchSize = 16;
  CHECK(network(configs[0]).settings() == settings);
  CHECK(configs[1].optimizer == parseOptimizerSpec("sgd:lr=0.1,momentum=0.9"));
  CHECK(configs[1].schedule == parseScheduleSpec("exponential:gamma=0.999"));
  CHECK_FALSE(configs[0].start);
}

TEST_CASE("data_seed draws the points and the split, seed keeps the network and batches") {
  NetworkScene scene = defaultNetworkScene();
  scene.settings.seed = 3;
  scene.dataSeed = 9;
  const auto configs = networkRunConfigs(scene);
  const DataSplit expected = splitDataset(generateDataset("circle", {500, 0.0, 9}), 0.5, 9);
  CHECK(network(configs[0]).data()->train == expected.train);
  CHECK(network(configs[0]).settings().seed == 3);
}

TEST_CASE("inline CSV data is read as train reads --csv-data, classes unless the loss is mse") {
  const Experiment e = readExperimentFile(experimentPath("network_csv.optiscope.json"));
  const auto& csv = std::get<CsvData>(e.network->data);
  std::istringstream in(csv.text);
  const Dataset points = parseCsvDataset(in, "csv", TaskKind::Classification);
  const auto configs = networkRunConfigs(*e.network);
  const DataSplit expected = splitDataset(points, 0.75, 5);
  CHECK(network(configs[0]).data()->train == expected.train);
  CHECK(network(configs[0]).data()->test == expected.test);

  NetworkScene regression = *e.network;
  regression.settings.loss = Loss::SquaredError;
  CHECK(network(networkRunConfigs(regression)[0]).data()->train.kind == TaskKind::Regression);
}

TEST_CASE("the default scenes are valid scenes of the registries") {
  const Experiment e = defaultExperiment();
  CHECK(landscapeRunConfigs(*e.landscape).size() == 5);
  CHECK(networkRunConfigs(*e.network).size() == 4);
  CHECK(readExperiment(writeExperiment(e)) == e);
  CHECK(defaultRunColor(0) == "#e69f00");
  CHECK(defaultRunColor(8) == defaultRunColor(0));
  for (std::size_t i = 0; i + 1 < 8; ++i) CHECK(defaultRunColor(i) != defaultRunColor(i + 1));
}
