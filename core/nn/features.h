#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace optiscope {

// Playground's input features, computed from a point (x1, x2). Their names are the ones the
// CLI and files use: x1, x2, x1sq, x2sq, x1x2, sin_x1, sin_x2.
enum class Feature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };

const std::vector<std::string>& featureNames();
std::string_view featureName(Feature feature);
// "x1,x2,sin_x1" -> features in the order written. Throws SpecError for an empty list, an
// unknown name (listing the allowed ones) or a repeated one.
std::vector<Feature> parseFeatures(std::string_view list);
std::string featureListText(const std::vector<Feature>& features);  // "x1,x2,sin_x1"

double featureValue(Feature feature, double x1, double x2);
// One column of feature values per point: (features.size() × points.cols()).
Eigen::MatrixXd featureMatrix(const Eigen::Ref<const Eigen::Matrix2Xd>& points,
                              const std::vector<Feature>& features);

}  // namespace optiscope
