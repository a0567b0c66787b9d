#pragma once

// The generators behind datasetCatalog(); internal to core/nn.
#include <vector>

#include "core/nn/dataset.h"
#include "core/nn/random.h"

namespace optiscope::datasets {

// Collects (x1, x2, target) triples in generation order.
class PointCollector {
 public:
  explicit PointCollector(int expected) { m_rows.reserve(static_cast<size_t>(expected)); }
  void add(double x1, double x2, double target) { m_rows.push_back({x1, x2, target}); }
  Dataset finish(TaskKind kind, int classes) const;

 private:
  struct Row {
    double x1, x2, target;
  };
  std::vector<Row> m_rows;
};

// Two-class sets split their points as evenly as possible: the positive class (1) gets the
// odd one out.
inline int firstHalf(int points) { return points - points / 2; }

Dataset circle(int points, double noise, Random& random);
Dataset xorQuadrants(int points, double noise, Random& random);
Dataset twoGaussians(int points, double noise, Random& random);
Dataset spiral(int points, double noise, Random& random);
Dataset regressPlane(int points, double noise, Random& random);
Dataset regressGaussians(int points, double noise, Random& random);

Dataset moons(int points, double noise, Random& random);
Dataset checkerboard(int points, double noise, Random& random);
Dataset spiral3(int points, double noise, Random& random);

}  // namespace optiscope::datasets
