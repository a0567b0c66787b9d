#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/nn/layer_rate_bands.h"
#include "core/nn/mlp_layout.h"

// Issue 5, item 5: per-layer distributions of η_eff (min, 10 %, median, 90 %, max). The
// quantiles interpolate linearly between order statistics, as numpy.quantile does by default:
// the q-quantile of n sorted values sits at position q·(n−1).

namespace optiscope {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Eigen::VectorXd vectorOf(std::initializer_list<double> values) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (double x : values) v[i++] = x;
  return v;
}

bool allNaN(const RateBands& b) {
  return std::isnan(b.min) && std::isnan(b.p10) && std::isnan(b.median) && std::isnan(b.p90) &&
         std::isnan(b.max);
}

}  // namespace

TEST_CASE("rate bands interpolate between order statistics, skipping non-finite values") {
  // Sorted finite values 1..5: the 10 % point sits at position 0.4, between 1 and 2.
  const RateBands b = rateBands(vectorOf({5, 1, kNaN, 4, 2, kInf, 3}));
  CHECK(b.min == 1.0);
  CHECK(b.p10 == 1.4);
  CHECK(b.median == 3.0);
  CHECK(b.p90 == 4.6);
  CHECK(b.max == 5.0);

  const RateBands pair = rateBands(vectorOf({10, 0}));
  CHECK(pair.p10 == 1.0);
  CHECK(pair.median == 5.0);
  CHECK(pair.p90 == 9.0);

  const RateBands single = rateBands(vectorOf({7}));
  CHECK((single.min == 7 && single.p10 == 7 && single.median == 7 && single.p90 == 7 &&
         single.max == 7));
}

TEST_CASE("rate bands are NaN when no value is finite (before the first update)") {
  CHECK(allNaN(rateBands(vectorOf({kNaN, kNaN, -kInf}))));
  CHECK(allNaN(rateBands(Eigen::VectorXd())));
}

TEST_CASE("layer rate bands cover each layer's weights and biases") {
  // 2-3-1: layer 0 has 3×2 weights and 3 biases (entries 0..8), layer 1 has 1×3 weights and
  // one bias (entries 9..12).
  const auto layers = layerViews(MlpShape{2, {3}, 1});
  Eigen::VectorXd rates(13);
  for (Eigen::Index i = 0; i < 9; ++i) rates[i] = static_cast<double>(i);
  rates.tail(4) << 3, 1, 2, 100;  // the output bias is the outlier

  const auto bands = layerRateBands(layers, rates);
  REQUIRE(bands.size() == 2);
  CHECK(bands[0].min == 0.0);
  CHECK(bands[0].p10 == Approx(0.8).epsilon(1e-15));
  CHECK(bands[0].median == 4.0);
  CHECK(bands[0].p90 == Approx(7.2).epsilon(1e-15));
  CHECK(bands[0].max == 8.0);  // the last bias of layer 0
  CHECK(bands[1].min == 1.0);
  CHECK(bands[1].p10 == Approx(1.3).epsilon(1e-14));
  CHECK(bands[1].median == 2.5);
  CHECK(bands[1].p90 == Approx(70.9).epsilon(1e-14));  // between 3 and 100, position 2.7
  CHECK(bands[1].max == 100.0);
}

}  // namespace optiscope
