#include "core/nn/dataset.h"

#include <cmath>
#include <numeric>

#include "core/nn/dataset_generators.h"
#include "core/nn/random.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

constexpr std::uint64_t kSplitStream = 0x5350'4c49'54ull;  // "SPLIT"

Dataset subset(const Dataset& data, const std::vector<Eigen::Index>& order, size_t begin,
               size_t end) {
  Dataset part;
  part.kind = data.kind;
  part.classes = data.classes;
  const auto n = static_cast<Eigen::Index>(end - begin);
  part.points.resize(2, n);
  part.targets.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const Eigen::Index source = order[begin + static_cast<size_t>(j)];
    part.points.col(j) = data.points.col(source);
    part.targets[j] = data.targets[source];
  }
  return part;
}

}  // namespace

bool Dataset::operator==(const Dataset& other) const {
  // Eigen's == requires equal sizes, so the sizes are compared first.
  return kind == other.kind && classes == other.classes && size() == other.size() &&
         points == other.points && targets == other.targets;
}

const std::vector<DatasetInfo>& datasetCatalog() {
  using namespace datasets;
  constexpr auto C = TaskKind::Classification;
  constexpr auto R = TaskKind::Regression;
  // clang-format off
  static const std::vector<DatasetInfo> catalog = {
      {"circle", "class 1 inside radius 2.5, class 0 in the ring 3.5-5 (Playground)", C, 2, circle},
      {"xor", "class 1 where x1*x2 >= 0, on [-5,5]^2 (Playground)", C, 2, xorQuadrants},
      {"gaussian", "two Gaussian blobs at (2,2) and (-2,-2) (Playground)", C, 2, twoGaussians},
      {"spiral", "two interleaved spiral arms (Playground)", C, 2, spiral},
      {"moons", "two interleaving half circles", C, 2, moons},
      {"checkerboard", "a 4x4 board of 3x3 squares on [-6,6]^2", C, 2, checkerboard},
      {"spiral3", "three spiral arms, three classes", C, 3, spiral3},
      {"plane", "regression: (x1 + x2) / 10 on [-6,6]^2 (Playground)", R, 0, regressPlane},
      {"multi_gaussian", "regression: six signed bumps on [-6,6]^2 (Playground)", R, 0,
       regressGaussians},
  };
  // clang-format on
  return catalog;
}

const DatasetInfo& findDataset(std::string_view name) {
  std::string available;
  for (const auto& info : datasetCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  throw SpecError("unknown dataset '" + std::string(name) + "'; available: " + available);
}

Dataset generateDataset(std::string_view name, const DatasetOptions& options) {
  const DatasetInfo& info = findDataset(name);
  if (options.points < kMinDatasetPoints || options.points > kMaxDatasetPoints)
    throw SpecError("points must be an integer from " + std::to_string(kMinDatasetPoints) + " to " +
                    std::to_string(kMaxDatasetPoints) + ", got " + std::to_string(options.points));
  if (!(options.noise >= 0.0 && options.noise <= kMaxDatasetNoise))
    throw SpecError("noise must be from 0 to 0.5 (Playground's 0-50%), got " +
                    formatDouble(options.noise));
  Random random(options.seed);
  return info.generate(options.points, options.noise, random);
}

DataSplit splitDataset(const Dataset& data, double trainRatio, std::uint64_t seed) {
  if (!(trainRatio > 0.0 && trainRatio < 1.0))
    throw SpecError("train ratio must be between 0 and 1 (exclusive), got " +
                    formatDouble(trainRatio));
  const auto n = static_cast<size_t>(data.size());
  const auto trainCount = static_cast<size_t>(std::floor(trainRatio * static_cast<double>(n)));
  if (trainCount == 0 || trainCount == n)
    throw SpecError("train ratio " + formatDouble(trainRatio) + " of " + std::to_string(n) +
                    " points leaves the training or the test set empty");
  std::vector<Eigen::Index> order(n);
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  Random random(deriveSeed(seed, kSplitStream));
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
  return {subset(data, order, 0, trainCount), subset(data, order, trainCount, n)};
}

}  // namespace optiscope
