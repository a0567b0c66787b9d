#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

namespace optiscope::bench {

struct BenchOptimizer {
  std::string name;  // as bench/compare names the figure
  std::string spec;  // the same hyperparameters as the torch reference
  int bytesPerElement;
};

const std::vector<BenchOptimizer>& benchOptimizers();

void optimizerStepFigures();
void triadFigure(Eigen::Index n);
void scalingFigures();
void raceFigures(double seconds);
void gridFigure();
void networkFigure();

}  // namespace optiscope::bench
