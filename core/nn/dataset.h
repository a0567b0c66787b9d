#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace optiscope {

class Random;

enum class TaskKind { Classification, Regression };

// Labelled points in the plane. Classes are 0..classes−1 (Playground's "positive" class is 1,
// its "negative" class 0); regression targets are values, mostly in [−1, 1].
struct Dataset {
  TaskKind kind = TaskKind::Classification;
  int classes = 2;          // 0 for regression
  Eigen::Matrix2Xd points;  // one column (x1, x2) per example
  Eigen::VectorXd targets;  // the class index (an exact integer) or the value

  Eigen::Index size() const { return points.cols(); }
  bool operator==(const Dataset& other) const;
};

// Controls of a generated dataset. noise is Playground's 0–50 % slider as 0–0.5; what it
// perturbs depends on the dataset (see datasetCatalog()'s summaries).
struct DatasetOptions {
  int points = 500;
  double noise = 0.0;
  std::uint64_t seed = 0;
};

inline constexpr int kMinDatasetPoints = 10;
inline constexpr int kMaxDatasetPoints = 100000;
inline constexpr double kMaxDatasetNoise = 0.5;

struct DatasetInfo {
  std::string name;
  std::string summary;
  TaskKind kind;
  int classes;  // 0 for regression
  std::function<Dataset(int points, double noise, Random& random)> generate;
};

// classification: circle, xor, gaussian, spiral (TensorFlow Playground's four), moons,
// checkerboard, spiral3 (three classes); regression: plane, multi_gaussian (Playground's two).
const std::vector<DatasetInfo>& datasetCatalog();
// Throws SpecError "unknown dataset 'x'; available: circle, ...".
const DatasetInfo& findDataset(std::string_view name);
// Validates the options (SpecError) and generates; the same name and options give the same
// points on every platform.
Dataset generateDataset(std::string_view name, const DatasetOptions& options);

// Train and test sets drawn from one dataset.
struct DataSplit {
  Dataset train, test;
};

// A seeded shuffle, then the first ⌊ratio·N⌋ examples train and the rest test (Playground's
// split). Throws SpecError unless 0 < ratio < 1 and both sets are non-empty.
DataSplit splitDataset(const Dataset& data, double trainRatio, std::uint64_t seed);

}  // namespace optiscope
