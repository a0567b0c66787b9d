#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/nn/dataset.h"
#include "core/nn/features.h"
#include "core/nn/mlp.h"

namespace optiscope {

// An axis-aligned box of the input plane (x1 horizontal, x2 vertical).
struct GridBox {
  double x1Min = -6.0, x1Max = 6.0, x2Min = -6.0, x2Max = 6.0;

  bool operator==(const GridBox&) const = default;
};

// The bounding box of every train and test point, grown by `margin` (a fraction of the larger
// side) on each side and made square, so the picture keeps the data's proportions. An empty or
// degenerate set gives Playground's [−6, 6]².
GridBox dataBox(const DataSplit& data, double margin = 0.1);

// The network evaluated over an R×R grid of cell centres: what the decision boundary (or the
// regression surface) and the neuron thumbnails draw. Point p = iy·R + ix sits at
// (x1 of column ix, x2 of row iy), row 0 at the bottom (x2Min).
struct DecisionGrid {
  int resolution = 0;
  GridBox box;
  Loss loss = Loss::BinaryCrossEntropy;
  // The prediction a user sees (loss.h applyLink): P(class 1) for bce, one row of class
  // probabilities per class for cross_entropy, the value for mse. (outputs × R²)
  Eigen::MatrixXd outputs;
  // Every hidden neuron's output per point, one matrix per hidden layer (neurons × R²).
  std::vector<Eigen::MatrixXd> neurons;

  double x1At(int ix) const;
  double x2At(int iy) const;
  Eigen::Index pointCount() const { return Eigen::Index(resolution) * resolution; }
};

// Evaluates networks on grids, one grid row per forward batch. Keeps its scratch space
// (workspace, feature rows and the result's matrices) between calls, so repeated evaluations
// of the same network shape and resolution allocate nothing. Not thread-safe: one per thread.
class DecisionGridEvaluator {
 public:
  // Throws SpecError when the features do not match the network's input count, or the
  // parameter count is not the network's, or resolution < 2.
  void evaluate(const Mlp& mlp, const std::vector<Feature>& features,
                const Eigen::Ref<const Eigen::VectorXd>& params, const GridBox& box, int resolution,
                DecisionGrid& grid);

 private:
  MlpShape m_shape;
  MlpWorkspace m_workspace;
  Eigen::MatrixXd m_inputs;
  Eigen::MatrixXd m_linked;
};

}  // namespace optiscope
