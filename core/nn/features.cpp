#include "core/nn/features.h"

#include <algorithm>
#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

std::string allowedText() {
  std::string text;
  for (const auto& name : featureNames()) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

const std::vector<std::string>& featureNames() {
  static const std::vector<std::string> names = {"x1",   "x2",     "x1sq",  "x2sq",
                                                 "x1x2", "sin_x1", "sin_x2"};
  return names;
}

std::string_view featureName(Feature feature) {
  return featureNames()[static_cast<size_t>(feature)];
}

std::vector<Feature> parseFeatures(std::string_view list) {
  if (list.empty()) throw SpecError("features: the list is empty; allowed: " + allowedText());
  std::vector<Feature> features;
  size_t start = 0;
  while (true) {
    const size_t comma = list.find(',', start);
    const std::string_view name =
        list.substr(start, comma == std::string_view::npos ? comma : comma - start);
    const auto& names = featureNames();
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end())
      throw SpecError("unknown feature '" + std::string(name) + "'; available: " + allowedText());
    const auto feature = static_cast<Feature>(found - names.begin());
    if (std::find(features.begin(), features.end(), feature) != features.end())
      throw SpecError("features: '" + std::string(name) + "' is listed twice");
    features.push_back(feature);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return features;
}

std::string featureListText(const std::vector<Feature>& features) {
  std::string text;
  for (Feature f : features) text += (text.empty() ? "" : ",") + std::string(featureName(f));
  return text;
}

double featureValue(Feature feature, double x1, double x2) {
  switch (feature) {
    case Feature::X1:
      return x1;
    case Feature::X2:
      return x2;
    case Feature::X1Squared:
      return x1 * x1;
    case Feature::X2Squared:
      return x2 * x2;
    case Feature::X1TimesX2:
      return x1 * x2;
    case Feature::SinX1:
      return std::sin(x1);
    case Feature::SinX2:
      return std::sin(x2);
  }
  return 0.0;
}

Eigen::MatrixXd featureMatrix(const Eigen::Ref<const Eigen::Matrix2Xd>& points,
                              const std::vector<Feature>& features) {
  Eigen::MatrixXd values(static_cast<Eigen::Index>(features.size()), points.cols());
  for (Eigen::Index j = 0; j < points.cols(); ++j)
    for (size_t f = 0; f < features.size(); ++f)
      values(static_cast<Eigen::Index>(f), j) =
          featureValue(features[f], points(0, j), points(1, j));
  return values;
}

}  // namespace optiscope
