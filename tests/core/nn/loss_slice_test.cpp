#include "core/nn/loss_slice.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "core/nn/network_task.h"

using namespace optiscope;

namespace {

NetworkTask circleTask(std::uint64_t seed = 3) {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("circle", {200, 0.1, 5}), 0.5, 5));
  NetworkSettings settings;  // 2-8-8-1 tanh
  settings.seed = seed;
  return NetworkTask(data, settings);
}

double rowNorm(const Eigen::VectorXd& flat, const LayerView& layer, Eigen::Index row) {
  return weightsOf(flat, layer).row(row).norm();
}

}  // namespace

TEST_CASE("slice directions are filter-normalized to the center with zero biases") {
  NetworkTask task = circleTask();
  const Eigen::VectorXd center = task.initialParameters();
  const std::vector<LayerView>& layers = task.mlp().layers();
  const SlicePlane plane = makeSlicePlane(layers, center, 11);
  for (const Eigen::VectorXd* direction : {&plane.d1, &plane.d2}) {
    REQUIRE(direction->size() == center.size());
    for (const LayerView& layer : layers) {
      for (Eigen::Index row = 0; row < layer.outputs; ++row) {
        const double expected = rowNorm(center, layer, row);
        REQUIRE(expected > 0.0);
        CHECK(std::abs(rowNorm(*direction, layer, row) - expected) <= 1e-12 * expected);
      }
      CHECK(biasOf(*direction, layer).isZero(0.0));
    }
  }
  // Normalization keeps each row's direction: d1 is not just a copy of the center.
  CHECK(std::abs(plane.d1.normalized().dot(center.normalized())) < 0.9);
  CHECK(plane.center == center);
}

TEST_CASE("a row whose center is zero gets no direction") {
  NetworkTask task = circleTask();
  Eigen::VectorXd center = task.initialParameters();
  const LayerView& first = task.mlp().layers().front();
  center.segment(first.weightOffset + first.inputs, first.inputs).setZero();  // neuron 1
  const Eigen::VectorXd direction = filterNormalizedDirection(task.mlp().layers(), center, 7);
  CHECK(weightsOf(direction, first).row(1).isZero(0.0));
  CHECK(weightsOf(direction, first).row(0).norm() > 0.0);
  CHECK_THROWS_AS(filterNormalizedDirection(task.mlp().layers(), center.head(5), 7),
                  std::invalid_argument);
}

TEST_CASE("the same seed gives the same directions, another seed others") {
  NetworkTask task = circleTask();
  const Eigen::VectorXd center = task.initialParameters();
  const SlicePlane a = makeSlicePlane(task.mlp().layers(), center, 11);
  const SlicePlane b = makeSlicePlane(task.mlp().layers(), center, 11);
  const SlicePlane c = makeSlicePlane(task.mlp().layers(), center, 12);
  CHECK(a.d1 == b.d1);
  CHECK(a.d2 == b.d2);
  CHECK(a.d1 != a.d2);
  CHECK((a.d1 - c.d1).norm() > 0.1 * a.d1.norm());
  CHECK((a.d2 - c.d2).norm() > 0.1 * a.d2.norm());
  CHECK(sliceDirectionSeed(3) == sliceDirectionSeed(3));
  CHECK(sliceDirectionSeed(3) != sliceDirectionSeed(4));
}

TEST_CASE("the slice grid holds the training objective at its plane points") {
  NetworkTask task = circleTask();
  NetworkTask probe = circleTask();
  const Eigen::VectorXd center = task.initialParameters();
  LossSliceRequest request;
  request.plane = makeSlicePlane(task.mlp().layers(), center, 11);
  std::vector<std::pair<Grid, SlicePass>> delivered;
  REQUIRE(computeLossSlice(task, request, nullptr,
                           [&](Grid grid, SlicePass pass) { delivered.emplace_back(grid, pass); }));
  REQUIRE(delivered.size() == 2);
  CHECK(delivered[0].second == SlicePass::kCoarse);
  CHECK(delivered[0].first.spec.nx == 11);
  CHECK(delivered[1].second == SlicePass::kFine);
  const Grid& fine = delivered[1].first;
  REQUIRE(fine.spec.nx == 41);
  REQUIRE(fine.spec.ny == 41);
  REQUIRE(fine.values.size() == 41u * 41u);
  CHECK(fine.spec.x(0) == -1.0);
  CHECK(fine.spec.y(40) == 1.0);
  REQUIRE(fine.spec.x(20) == 0.0);
  REQUIRE(fine.spec.y(20) == 0.0);
  CHECK(fine.at(20, 20) == probe.trainingObjective(center));  // bit for bit

  // An off-center point, rebuilt here by hand: x is a, y is b.
  const double a = fine.spec.x(3), b = fine.spec.y(33);
  const Eigen::VectorXd point = center + (a * request.plane.d1 + b * request.plane.d2);
  CHECK(fine.at(3, 33) == probe.trainingObjective(point));
  CHECK(fine.at(3, 33) != fine.at(33, 3));

  double low = fine.values.front(), high = low;
  for (double v : fine.values) low = std::min(low, v), high = std::max(high, v);
  CHECK(fine.min == low);
  CHECK(fine.max == high);
  CHECK(fine.min < fine.at(20, 20));  // a random initial network is not at a minimum
}

TEST_CASE("projection recovers the plane coordinates of a point") {
  NetworkTask task = circleTask();
  const SlicePlane plane = makeSlicePlane(task.mlp().layers(), task.initialParameters(), 11);
  for (const auto& [a, b] : {std::pair{0.3, -0.7}, std::pair{-1.9, 2.4}, std::pair{0.0, 0.0}}) {
    Eigen::VectorXd point;
    plane.pointAt(a, b, point);
    const Eigen::Vector2d ab = plane.project(point);
    CHECK(std::abs(ab.x() - a) <= 1e-12);
    CHECK(std::abs(ab.y() - b) <= 1e-12);
  }
  // Off the plane: the residual is orthogonal to both directions (least squares).
  Eigen::VectorXd point;
  plane.pointAt(0.5, 0.25, point);
  point += circleTask(9).initialParameters() * 0.1;
  const Eigen::Vector2d ab = plane.project(point);
  Eigen::VectorXd foot;
  plane.pointAt(ab.x(), ab.y(), foot);
  const Eigen::VectorXd residual = point - foot;
  CHECK(std::abs(residual.dot(plane.d1)) <= 1e-10 * residual.norm() * plane.d1.norm());
  CHECK(std::abs(residual.dot(plane.d2)) <= 1e-10 * residual.norm() * plane.d2.norm());

  SlicePlane parallel = plane;
  parallel.d2 = 2.0 * plane.d1;
  CHECK(std::isnan(parallel.project(point).x()));
}

TEST_CASE("the loss line runs from the start to the end and beyond") {
  NetworkTask task = circleTask();
  NetworkTask probe = circleTask();
  const Eigen::VectorXd start = task.initialParameters();
  const Eigen::VectorXd end = circleTask(8).initialParameters();
  const std::optional<LossLine> line = lossAlongLine(task, start, end, {});
  REQUIRE(line);
  REQUIRE(line->t.size() == 151u);  // 101 on [0, 1], 25 each side
  REQUIRE(line->loss.size() == 151u);
  CHECK(line->t.front() == -0.25);
  CHECK(line->t.back() == 1.25);
  REQUIRE(line->t[25] == 0.0);
  REQUIRE(line->t[125] == 1.0);
  CHECK(line->loss[25] == probe.trainingObjective(start));
  CHECK(line->loss[125] == probe.trainingObjective(end));
  CHECK(line->loss[25] != line->loss[125]);
  const Eigen::VectorXd middle = 0.5 * start + 0.5 * end;
  CHECK(line->loss[75] == Approx(probe.trainingObjective(middle)).epsilon(1e-12));

  const std::optional<LossLine> bare = lossAlongLine(task, start, end, {3, 0.0});
  REQUIRE(bare);
  CHECK(bare->t == std::vector<double>{0.0, 0.5, 1.0});
  CHECK_THROWS_AS(lossAlongLine(task, start, end, {1, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(lossAlongLine(task, start, end.head(3), {}), std::invalid_argument);
}

TEST_CASE("a cancelled slice stops early and delivers nothing more") {
  NetworkTask task = circleTask();
  LossSliceRequest request;
  request.plane = makeSlicePlane(task.mlp().layers(), task.initialParameters(), 11);
  std::atomic<bool> cancel{false};
  int deliveries = 0;
  CHECK_FALSE(computeLossSlice(task, request, &cancel, [&](Grid, SlicePass pass) {
    ++deliveries;
    CHECK(pass == SlicePass::kCoarse);
    cancel = true;  // as a newer request would, while the fine pass is about to run
  }));
  CHECK(deliveries == 1);

  CHECK_FALSE(evaluateSlice(task, request.plane, sliceGridSpec(1.0, 41), &cancel).has_value());
  CHECK_FALSE(lossAlongLine(task, request.plane.center, request.plane.d1, {}, &cancel));

  request.fineResolution = 1;
  CHECK_THROWS_AS(computeLossSlice(task, request, nullptr, [](Grid, SlicePass) {}),
                  std::invalid_argument);
  request.fineResolution = 41;
  request.range = 0.0;
  CHECK_THROWS_AS(computeLossSlice(task, request, nullptr, [](Grid, SlicePass) {}),
                  std::invalid_argument);
}
