#include <algorithm>
#include <limits>

#include "core/experiment/network_data.h"
#include "core/experiment/scene_readers.h"
#include "core/nn/activation.h"
#include "core/nn/batch_order.h"
#include "core/nn/features.h"
#include "core/nn/mlp_layout.h"
#include "core/nn/regularization.h"
#include "core/util/spec.h"

namespace optiscope {
namespace {

NetworkDataSource readDataSource(ObjectReader& network) {
  const Json& dataset = network.require("dataset");
  const ReadContext& context = network.context();
  const std::string path = network.pathOf("dataset");
  if (dataset.is_object()) {
    ObjectReader csv(dataset, path, context);
    CsvData data{csv.requiredText("csv")};
    csv.finish();
    for (const char* key : {"points", "noise"})
      if (network.find(key))
        network.fail(key, "shapes generated datasets; it does not apply to a csv dataset");
    return data;
  }
  if (!dataset.is_string())
    context.fail(path, "must be a dataset name or {\"csv\": \"x1,x2,label\\n...\"}, got " +
                           std::string(dataset.type_name()));
  GeneratedData data;
  data.name = dataset.get<std::string>();
  context.at(path, [&] { findDataset(data.name); });
  data.points = static_cast<int>(
      network.integer("points", data.points, kMinDatasetPoints, kMaxDatasetPoints));
  data.noise = network.number("noise", 0.0);
  if (!(data.noise >= 0.0 && data.noise <= kMaxDatasetNoise))
    network.fail("noise",
                 "must be from 0 to 0.5 (Playground's 0-50%), got " + formatDouble(data.noise));
  return data;
}

std::vector<Feature> readFeatures(ObjectReader& network) {
  const Json* list = network.find("features");
  if (!list) return NetworkSettings{}.features;
  const std::string path = network.pathOf("features");
  const ReadContext& context = network.context();
  arrayOf(*list, path, context);
  if (list->empty()) {
    std::string allowed;
    for (const std::string& name : featureNames()) allowed += (allowed.empty() ? "" : ", ") + name;
    network.fail("features", "the list is empty; allowed: " + allowed);
  }
  std::vector<Feature> features;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string itemPath = elementPath(path, i);
    const std::string name = textOf((*list)[i], itemPath, context);
    const auto parsed = context.at(itemPath, [&] { return parseFeatures(name); });
    if (parsed.size() != 1)
      context.fail(itemPath, "one feature name per item, got \"" + name + "\"");
    if (std::find(features.begin(), features.end(), parsed[0]) != features.end())
      context.fail(itemPath, "'" + name + "' is listed twice");
    features.push_back(parsed[0]);
  }
  return features;
}

std::vector<int> readHidden(ObjectReader& network) {
  const Json* list = network.find("hidden");
  if (!list) return NetworkSettings{}.hidden;
  const std::string path = network.pathOf("hidden");
  arrayOf(*list, path, network.context());
  if (list->size() > static_cast<std::size_t>(kMaxHiddenLayers))
    network.fail("hidden", std::to_string(list->size()) + " hidden layers; allowed 0 to " +
                               std::to_string(kMaxHiddenLayers));
  std::vector<int> hidden;
  for (std::size_t i = 0; i < list->size(); ++i)
    hidden.push_back(static_cast<int>(
        integerOf((*list)[i], elementPath(path, i), network.context(), 1, kMaxNeuronsPerLayer)));
  return hidden;
}

// What only the data can tell: whether the loss fits it, whether the split leaves both sets
// non-empty, and whether a batch fits the training set. Generated data is not generated for
// this (its kind, classes and size are known); CSV text is parsed.
void checkAgainstData(const NetworkScene& scene, const ReadContext& context) {
  Dataset probe;
  if (const auto* generated = std::get_if<GeneratedData>(&scene.data)) {
    const DatasetInfo& info = findDataset(generated->name);
    probe.kind = info.kind;
    probe.classes = info.classes;
    probe.points = Eigen::Matrix2Xd::Zero(2, generated->points);
    probe.targets = Eigen::VectorXd::Zero(generated->points);
  } else {
    probe = context.at("network.dataset.csv", [&] { return loadNetworkDataset(scene); });
  }
  context.at("network.loss", [&] { resolveLoss(scene.settings.loss, probe); });
  const Eigen::Index trainCount = context.at("network.train_ratio", [&] {
    return splitDataset(probe, scene.trainRatio, scene.pointsSeed()).train.size();
  });
  context.at("network.batch_size",
             [&] { BatchOrder(trainCount, scene.settings.batchSize, scene.settings.seed); });
}

}  // namespace

NetworkScene readNetworkScene(const Json& value, const ReadContext& context) {
  ObjectReader object(value, "network", context);
  NetworkScene scene;
  NetworkSettings& settings = scene.settings;
  // The loss first: it decides how CSV labels are read.
  const std::string loss = object.text("loss", "auto");
  settings.loss = context.at(object.pathOf("loss"), [&] { return parseLossChoice(loss); });
  scene.data = readDataSource(object);
  scene.trainRatio = object.number("train_ratio", 0.5);
  if (!(scene.trainRatio > 0.0 && scene.trainRatio < 1.0))
    object.fail("train_ratio",
                "must be between 0 and 1 (exclusive), got " + formatDouble(scene.trainRatio));
  settings.seed = object.seed("seed", 0);
  if (const Json* dataSeed = object.find("data_seed"))
    scene.dataSeed = seedOf(*dataSeed, object.pathOf("data_seed"), context);
  settings.features = readFeatures(object);
  settings.hidden = readHidden(object);
  const std::string activation = object.text("activation", "tanh");
  settings.activation =
      context.at(object.pathOf("activation"), [&] { return parseActivation(activation); });
  const std::string regularization = object.text("regularization", "none");
  context.at(object.pathOf("regularization"), [&] { makeRegularization(regularization, 0.0); });
  const double rate = object.number("regularization_rate", 0.0);
  settings.regularization = context.at(object.pathOf("regularization_rate"),
                                       [&] { return makeRegularization(regularization, rate); });
  settings.batchSize =
      static_cast<int>(object.integer("batch_size", 10, 1, std::numeric_limits<int>::max()));
  scene.showTestPoints = object.flag("show_test_points", false);
  readRuns(object, [&](ObjectReader& run, std::size_t index) {
    scene.runs.push_back(readRunLook(run, index));
  });
  checkAgainstData(scene, context);
  object.finish();
  return scene;
}

}  // namespace optiscope
