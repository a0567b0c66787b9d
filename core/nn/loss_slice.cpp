#include "core/nn/loss_slice.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "core/nn/network_task.h"
#include "core/nn/random.h"

namespace optiscope {
namespace {

constexpr std::uint64_t kSliceStream = 0x534c494345ull;  // "SLICE"
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isCancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

void requireSize(const Eigen::VectorXd& vector, Eigen::Index size, const char* what) {
  if (vector.size() != size)
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(vector.size()) +
                                " values; the network has " + std::to_string(size) + " parameters");
}

void setRange(Grid& grid) {
  grid.min = grid.max = kNaN;
  for (double& value : grid.values) {
    if (!std::isfinite(value)) {
      value = kNaN;
      continue;
    }
    if (!(value >= grid.min)) grid.min = value;  // also replaces the initial NaN
    if (!(value <= grid.max)) grid.max = value;
  }
}

}  // namespace

void SlicePlane::pointAt(double a, double b, Eigen::VectorXd& out) const {
  // One expression per element: center + (a·d1 + b·d2), so that a = b = 0 adds a zero.
  out = center + (a * d1 + b * d2);
}

Eigen::Vector2d SlicePlane::project(const Eigen::Ref<const Eigen::VectorXd>& params) const {
  const Eigen::VectorXd offset = params - center;
  const double g11 = d1.squaredNorm(), g22 = d2.squaredNorm(), g12 = d1.dot(d2);
  const double r1 = d1.dot(offset), r2 = d2.dot(offset);
  const double det = g11 * g22 - g12 * g12;
  // Relative to the Gram scale: parallel directions leave det at rounding level.
  if (!(det > 1e-14 * g11 * g22)) return {kNaN, kNaN};
  return {(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det};
}

std::uint64_t sliceDirectionSeed(std::uint64_t taskSeed) {
  return deriveSeed(taskSeed, kSliceStream);
}

Eigen::VectorXd filterNormalizedDirection(const std::vector<LayerView>& layers,
                                          const Eigen::Ref<const Eigen::VectorXd>& center,
                                          std::uint64_t seed) {
  if (layers.empty() || layers.back().end() != center.size())
    throw std::invalid_argument("slice direction: the layers do not cover the parameters");
  Random random(seed);
  Eigen::VectorXd direction(center.size());
  for (double& value : direction) value = random.normal();
  for (const LayerView& layer : layers) {
    for (Eigen::Index row = 0; row < layer.outputs; ++row) {
      auto filter = direction.segment(layer.weightOffset + row * layer.inputs, layer.inputs);
      const double target =
          center.segment(layer.weightOffset + row * layer.inputs, layer.inputs).norm();
      const double drawn = filter.norm();
      // The reference code divides by (norm + 1e-10); a Gaussian row is never exactly zero,
      // so the exact ratio is safe and makes the norms match to rounding.
      if (drawn > 0.0)
        filter *= target / drawn;
      else
        filter.setZero();
    }
    direction.segment(layer.biasOffset(), layer.outputs).setZero();
  }
  return direction;
}

SlicePlane makeSlicePlane(const std::vector<LayerView>& layers, const Eigen::VectorXd& center,
                          std::uint64_t seed) {
  return {center, filterNormalizedDirection(layers, center, deriveSeed(seed, 1)),
          filterNormalizedDirection(layers, center, deriveSeed(seed, 2))};
}

GridSpec sliceGridSpec(double range, int resolution) {
  return {-range, range, -range, range, resolution, resolution};
}

std::optional<Grid> evaluateSlice(NetworkTask& task, const SlicePlane& plane, const GridSpec& spec,
                                  const std::atomic<bool>* cancel) {
  Grid grid;
  grid.spec = spec;
  grid.values.assign(static_cast<std::size_t>(spec.nx) * spec.ny, kNaN);
  Eigen::VectorXd point(plane.center.size());
  for (int j = 0; j < spec.ny; ++j) {
    if (isCancelled(cancel)) return std::nullopt;
    for (int i = 0; i < spec.nx; ++i) {
      plane.pointAt(spec.x(i), spec.y(j), point);
      grid.values[static_cast<std::size_t>(j) * spec.nx + i] = task.trainingObjective(point);
    }
  }
  setRange(grid);
  return grid;
}

bool computeLossSlice(NetworkTask& task, const LossSliceRequest& request,
                      const std::atomic<bool>* cancel,
                      const std::function<void(Grid, SlicePass)>& deliver) {
  if (request.fineResolution < 2)
    throw std::invalid_argument("a loss slice needs at least 2 points per axis");
  if (!(request.range > 0.0) || !std::isfinite(request.range))
    throw std::invalid_argument("a loss slice needs a positive, finite range");
  const Eigen::Index count = task.parameterCount();
  requireSize(request.plane.center, count, "the slice center");
  requireSize(request.plane.d1, count, "slice direction 1");
  requireSize(request.plane.d2, count, "slice direction 2");

  const auto pass = [&](int resolution, SlicePass which) {
    std::optional<Grid> grid =
        evaluateSlice(task, request.plane, sliceGridSpec(request.range, resolution), cancel);
    if (!grid || isCancelled(cancel)) return false;
    deliver(std::move(*grid), which);
    return true;
  };
  if (request.coarseResolution >= 2 && !pass(request.coarseResolution, SlicePass::kCoarse))
    return false;
  return pass(request.fineResolution, SlicePass::kFine);
}

std::optional<LossLine> lossAlongLine(NetworkTask& task, const Eigen::VectorXd& from,
                                      const Eigen::VectorXd& to, const LossLineOptions& options,
                                      const std::atomic<bool>* cancel) {
  if (options.points < 2) throw std::invalid_argument("a loss line needs at least 2 points");
  if (!(options.extension >= 0.0) || !std::isfinite(options.extension))
    throw std::invalid_argument("a loss line's extension must be finite and not negative");
  requireSize(from, task.parameterCount(), "the line's start");
  requireSize(to, task.parameterCount(), "the line's end");

  const int last = options.points - 1;
  const auto beyond = static_cast<int>(std::lround(options.extension * last));
  LossLine line;
  line.t.reserve(static_cast<std::size_t>(options.points + 2 * beyond));
  line.loss.reserve(line.t.capacity());
  Eigen::VectorXd point(from.size());
  for (int k = -beyond; k <= last + beyond; ++k) {
    if (isCancelled(cancel)) return std::nullopt;
    const double t = static_cast<double>(k) / last;
    // (1 − t)·from + t·to rather than from + t·(to − from): the latter misses `to` by rounding.
    point = (1.0 - t) * from + t * to;
    line.t.push_back(t);
    line.loss.push_back(task.trainingObjective(point));
  }
  return line;
}

}  // namespace optiscope
