#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/landscape/grid.h"
#include "core/nn/mlp_layout.h"

namespace optiscope {

class NetworkTask;

// A 2D slice through a network's parameter space, after Li, Xu, Taylor, Studer & Goldstein,
// "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018): θ(a, b) = center + a·d1 + b·d2
// with two random Gaussian directions, each filter-normalized to the center. For an MLP a
// filter is one neuron's row of W, so each row of a direction gets the norm of the same row of
// the center: a step of a = 1 then changes every neuron by its own scale, and slices of
// networks (or layers) with different weight scales become comparable. Biases get no direction
// (the paper's 'biasbn' choice): they are zero in d1 and d2, so the slice moves weights only.
struct SlicePlane {
  Eigen::VectorXd center, d1, d2;

  // center + a·d1 + b·d2 into `out` (resized as needed); a = b = 0 gives center bit for bit.
  void pointAt(double a, double b, Eigen::VectorXd& out) const;
  // The (a, b) minimizing |θ − center − a·d1 − b·d2|: d1 and d2 are random, so only nearly
  // orthogonal, and a plain dot product per direction would mix the two. NaN when the
  // directions are (numerically) parallel or zero.
  Eigen::Vector2d project(const Eigen::Ref<const Eigen::VectorXd>& params) const;
};

// The seed of a task's slice directions, a stream of its own derived from the task's seed: the
// same task gives the same directions, a new seed new ones.
std::uint64_t sliceDirectionSeed(std::uint64_t taskSeed);

// One Gaussian draw per parameter (our Random, so the same seed gives the same direction on
// every platform), then each neuron's row of W scaled to the norm of the center's row, and the
// biases set to zero. A row whose center norm is zero stays zero. Throws std::invalid_argument
// when the layers do not cover `center`.
Eigen::VectorXd filterNormalizedDirection(const std::vector<LayerView>& layers,
                                          const Eigen::Ref<const Eigen::VectorXd>& center,
                                          std::uint64_t seed);

// d1 and d2 from two independent streams of `seed`.
SlicePlane makeSlicePlane(const std::vector<LayerView>& layers, const Eigen::VectorXd& center,
                          std::uint64_t seed);

// [−range, range]² with `resolution` points per axis (odd resolutions put (0, 0), the center,
// on a grid point).
GridSpec sliceGridSpec(double range, int resolution);

// NetworkTask::trainingObjective at every point of `spec` in the plane, as a Grid (x = a,
// y = b). `cancel` is polled once per row: nullopt when it was seen set. The task is used for
// its scratch space only; give each thread its own copy.
std::optional<Grid> evaluateSlice(NetworkTask& task, const SlicePlane& plane, const GridSpec& spec,
                                  const std::atomic<bool>* cancel = nullptr);

struct LossSliceRequest {
  SlicePlane plane;
  double range = 1.0;
  int coarseResolution = 11;  // under 2: no coarse pass
  int fineResolution = 41;
};

enum class SlicePass { kCoarse, kFine };

// The slice job: a coarse grid first for quick feedback, then the fine one, each handed to
// `deliver` on the calling thread (a worker). Returns false as soon as `cancel` is seen set;
// nothing is delivered for an interrupted pass. Throws std::invalid_argument for a fine
// resolution under 2, a range that is not positive and finite, or a plane whose vectors do not
// match the task's parameter count.
bool computeLossSlice(NetworkTask& task, const LossSliceRequest& request,
                      const std::atomic<bool>* cancel,
                      const std::function<void(Grid, SlicePass)>& deliver);

// The loss along the straight line θ(t) = (1 − t)·from + t·to. `points` samples span [0, 1]
// (t_k = k/(points − 1), so t = 0 and t = 1 are sampled exactly and give `from` and `to` bit for
// bit); the line continues `extension` of its length beyond both ends at the same spacing, to
// show whether `to` sits in a valley or on a slope.
struct LossLineOptions {
  int points = 101;
  double extension = 0.25;
};

struct LossLine {
  std::vector<double> t, loss;
};

// nullopt when `cancel` was seen set (polled per sample). Throws std::invalid_argument for
// points < 2, a negative or non-finite extension, or vectors of the wrong size.
std::optional<LossLine> lossAlongLine(NetworkTask& task, const Eigen::VectorXd& from,
                                      const Eigen::VectorXd& to, const LossLineOptions& options,
                                      const std::atomic<bool>* cancel = nullptr);

}  // namespace optiscope
