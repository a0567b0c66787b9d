#include "core/nn/dataset.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

Eigen::Index countOf(const Dataset& data, int label) {
  return (data.targets.array() == static_cast<double>(label)).count();
}

Dataset make(const char* name, int points = 500, double noise = 0.0, std::uint64_t seed = 1) {
  return generateDataset(name, {points, noise, seed});
}

}  // namespace

TEST_CASE("every dataset is deterministic per seed and differs between seeds") {
  for (const DatasetInfo& info : datasetCatalog()) {
    INFO(info.name);
    const Dataset a = make(info.name.c_str(), 301, 0.2, 7);
    CHECK(a == make(info.name.c_str(), 301, 0.2, 7));
    CHECK_FALSE(a == make(info.name.c_str(), 300, 0.2, 7));
    CHECK_FALSE(a.points == make(info.name.c_str(), 301, 0.2, 8).points);
    CHECK(a.size() == 301);
    CHECK(a.targets.size() == 301);
    CHECK(a.kind == info.kind);
    CHECK(a.classes == info.classes);
    CHECK(a.points.allFinite());
    CHECK(a.targets.allFinite());
  }
  CHECK(datasetCatalog().size() == 9);
}

TEST_CASE("classification labels are classes and the classes are balanced") {
  for (const DatasetInfo& info : datasetCatalog()) {
    if (info.kind != TaskKind::Classification) continue;
    INFO(info.name);
    const Dataset data = make(info.name.c_str(), 600, 0.0, 3);
    std::set<double> labels(data.targets.begin(), data.targets.end());
    CHECK(labels.size() == static_cast<size_t>(info.classes));
    for (int c = 0; c < info.classes; ++c) {
      const double share = static_cast<double>(countOf(data, c)) / 600.0;
      // Exactly equal by construction for the arm and ring sets; xor and checkerboard draw
      // uniformly, so their shares only come close.
      CHECK(share == Approx(1.0 / info.classes).margin(0.06));
    }
  }
  // Without noise the two-blob, ring and spiral sets split exactly in half (odd: class 1 +1).
  for (const char* name : {"circle", "gaussian", "spiral", "moons"}) {
    INFO(name);
    const Dataset data = make(name, 501);
    CHECK(countOf(data, 1) == 251);
    CHECK(countOf(data, 0) == 250);
  }
  CHECK(countOf(make("spiral3", 500), 0) == 167);
  CHECK(countOf(make("spiral3", 500), 2) == 166);
}

TEST_CASE("datasets have Playground's ranges and label rules") {
  const Dataset circle = make("circle");
  for (Eigen::Index j = 0; j < circle.size(); ++j) {
    const double r = circle.points.col(j).norm();
    CHECK(r <= 5.0);
    CHECK((circle.targets[j] == 1.0) == (r < 2.5));
    CHECK((r <= 2.5 || r >= 3.5));
  }
  const Dataset xorData = make("xor");
  for (Eigen::Index j = 0; j < xorData.size(); ++j) {
    const double x = xorData.points(0, j), y = xorData.points(1, j);
    CHECK(std::abs(x) >= 0.3);
    CHECK(std::abs(x) <= 5.3);
    CHECK((xorData.targets[j] == 1.0) == (x * y >= 0.0));
  }
  const Dataset spiral = make("spiral");
  CHECK(spiral.points.colwise().norm().maxCoeff() < 5.0);
  const Dataset plane = make("plane");
  CHECK(plane.points.cwiseAbs().maxCoeff() <= 6.0);
  for (Eigen::Index j = 0; j < plane.size(); ++j)
    CHECK(plane.targets[j] == Approx(plane.points.col(j).sum() / 10.0));
  const Dataset bumps = make("multi_gaussian");
  CHECK(bumps.targets.cwiseAbs().maxCoeff() <= 1.0);
  CHECK(bumps.targets.maxCoeff() > 0.8);
  CHECK(bumps.targets.minCoeff() < -0.8);
  const Dataset board = make("checkerboard");
  for (Eigen::Index j = 0; j < board.size(); ++j) {
    const auto cell = std::floor(board.points(0, j) / 3.0) + std::floor(board.points(1, j) / 3.0);
    CHECK((board.targets[j] == 1.0) == (std::fmod(std::abs(cell), 2.0) == 0.0));
  }
  CHECK(make("moons").points.cwiseAbs().maxCoeff() <= 4.5);
  CHECK(make("spiral3", 300, 0.5).points.colwise().norm().maxCoeff() < 5.0 + std::sqrt(0.5));
}

TEST_CASE("noise flips labels near the boundary and widens the blobs") {
  const Dataset noisy = make("circle", 1000, 0.5, 4);
  Eigen::Index flipped = 0;
  for (Eigen::Index j = 0; j < noisy.size(); ++j)
    if ((noisy.targets[j] == 1.0) != (noisy.points.col(j).norm() < 2.5)) ++flipped;
  CHECK(flipped > 50);
  const auto spread = [](const Dataset& d) {
    return (d.points.colwise() - d.points.rowwise().mean()).squaredNorm();
  };
  CHECK(spread(make("gaussian", 500, 0.5)) > spread(make("gaussian", 500, 0.0)));
}

TEST_CASE("dataset options are validated") {
  CHECK_THROWS_WITH(make("circles"), Catch::Contains("unknown dataset 'circles'"));
  CHECK_THROWS_WITH(make("circle", 5), Catch::Contains("points"));
  CHECK_THROWS_WITH(make("circle", 500, 0.6), Catch::Contains("noise"));
  CHECK_THROWS_WITH(make("circle", 500, -0.1), Catch::Contains("noise"));
  CHECK_THROWS_WITH(make("circle", 500, std::nan("")), Catch::Contains("noise"));
}

TEST_CASE("the train/test split is a seeded partition") {
  const Dataset data = make("spiral", 101);
  const DataSplit split = splitDataset(data, 0.5, 9);
  CHECK(split.train.size() == 50);
  CHECK(split.test.size() == 51);
  CHECK(split.train.kind == data.kind);
  CHECK(split.test.classes == 2);
  // Every point lands in exactly one set.
  std::multiset<std::pair<double, double>> all, parts;
  for (Eigen::Index j = 0; j < data.size(); ++j) all.insert({data.points(0, j), data.points(1, j)});
  for (const Dataset* part : {&split.train, &split.test})
    for (Eigen::Index j = 0; j < part->size(); ++j)
      parts.insert({part->points(0, j), part->points(1, j)});
  CHECK(all == parts);
  CHECK(splitDataset(data, 0.5, 9).train == split.train);
  CHECK_FALSE(splitDataset(data, 0.5, 10).train == split.train);
  // Shuffled: the generator's class-by-class order is gone.
  CHECK(countOf(split.train, 1) > 10);
  CHECK(countOf(split.train, 0) > 10);

  CHECK_THROWS_WITH(splitDataset(data, 1.5, 0), Catch::Contains("1.5"));
  CHECK_THROWS_WITH(splitDataset(data, 0.0, 0), Catch::Contains("train ratio"));
  CHECK_THROWS_WITH(splitDataset(data, 0.001, 0), Catch::Contains("empty"));
}
