// Values at fixed points against an independent transcription of the published definitions
// (make_reference_values.py: mpmath, 40 digits, evaluated at the same doubles). Finite
// differences only prove the derivatives match the value; this proves the value is the
// function the literature means.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/objectives/objective.h"

using namespace optiscope;

namespace {

struct ReferenceValue {
  const char* spec;
  std::vector<double> point;
  double value;
};

// Output of make_reference_values.py, pasted unchanged.
const std::vector<ReferenceValue> kReferenceValues = {
    {"sphere", {0.7, -1.3}, 2.1800000000000001},
    {"sphere", {-2.2, 1.9}, 8.4500000000000004},
    {"sphere", {2.5, 2.75}, 13.8125},
    {"sphere:dim=5", {0.7, -1.3, 2.1, -0.4, 1.6}, 9.3100000000000007},
    {"quadratic", {0.7, -1.3}, 8.6950000000000005},
    {"quadratic", {-2.2, 1.9}, 20.469999999999999},
    {"quadratic", {2.5, 2.75}, 40.9375},
    {"quadratic:condition=100,angle=30", {0.7, -1.3}, 108.90511431347004},
    {"quadratic:condition=100,angle=30", {-2.2, 1.9}, 377.3305662970382},
    {"quadratic:condition=100,angle=30", {2.5, 2.75}, 70.288542274608223},
    {"saddle", {0.7, -1.3}, -1.2000000000000002},
    {"saddle", {-2.2, 1.9}, 1.2300000000000011},
    {"saddle", {2.5, 2.75}, -1.3125},
    {"rosenbrock", {0.7, -1.3}, 320.49999999999999},
    {"rosenbrock", {-2.2, 1.9}, 874.60000000000051},
    {"rosenbrock", {2.5, 2.75}, 1227.25},
    {"rosenbrock:dim=5", {0.7, -1.3, 2.1, -0.4, 1.6}, 2866.7400000000004},
    {"beale", {0.7, -1.3}, 7.6312354100000002},
    {"beale", {-2.2, 1.9}, 117.79058303999998},
    {"beale", {2.5, 2.75}, 3098.7725219726563},
    {"booth", {0.7, -1.3}, 103.22},
    {"booth", {-2.2, 1.9}, 85.41000000000001},
    {"booth", {2.5, 2.75}, 8.5625},
    {"himmelblau", {0.7, -1.3}, 160.7282},
    {"himmelblau", {-2.2, 1.9}, 49.3957},
    {"himmelblau", {2.5, 2.75}, 13.37890625},
    {"rastrigin", {0.7, -1.3}, 28.360339887498954},
    {"rastrigin", {-2.2, 1.9}, 17.269660112501066},
    {"rastrigin", {2.5, 2.75}, 43.8125},
    {"rastrigin:dim=5", {0.7, -1.3, 2.1, -0.4, 1.6}, 73.58050983124843},
    {"ackley", {0.7, -1.3}, 5.7530624164203991},
    {"ackley", {-2.2, 1.9}, 7.7108649157643603},
    {"ackley", {2.5, 2.75}, 10.287680126305948},
    {"goldstein_price", {0.7, -1.3}, 2893.6052446399992},
    {"goldstein_price", {-2.2, 1.9}, 619628.82448488969},
    {"goldstein_price", {2.5, 2.75}, 1216771.7320709229},
    {"matyas", {0.7, -1.3}, 1.0036},
    {"matyas", {-2.2, 1.9}, 4.2034000000000002},
    {"matyas", {2.5, 2.75}, 0.29125},
    {"levy13", {0.7, -1.3}, 10.268935688187389},
    {"levy13", {-2.2, 1.9}, 18.93652362566536},
    {"levy13", {2.5, 2.75}, 10.5},
    {"three_hump_camel", {0.7, -1.3}, 1.5275031666666667},
    {"three_hump_camel", {-2.2, 1.9}, 3.409770666666669},
    {"three_hump_camel", {2.5, 2.75}, 26.611979166666667},
    {"six_hump_camel", {0.7, -1.3}, 5.2494063333333343},
    {"six_hump_camel", {-2.2, 1.9}, 41.46794133333333},
    {"six_hump_camel", {2.5, 2.75}, 229.73958333333333},
    {"styblinski_tang", {0.7, -1.3}, -17.3919},
    {"styblinski_tang", {-2.2, 1.9}, -50.121150000000002},
    {"styblinski_tang", {2.5, 2.75}, -49.248046875},
    {"styblinski_tang:dim=5", {0.7, -1.3, 2.1, -0.4, 1.6}, -53.168250000000003},
    {"mccormick", {0.7, -1.3}, 0.13535752660496453},
    {"mccormick", {-2.2, 1.9}, 25.564479793338661},
    {"mccormick", {2.5, 2.75}, 3.328565506573408},
    {"easom", {0.7, -1.3}, -1.4264306574856178e-12},
    {"easom", {-2.2, 1.9}, -1.6530855770506962e-14},
    {"easom", {2.5, 2.75}, -0.42087600928958679},
};

}  // namespace

TEST_CASE("values match an independent high-precision evaluation of the definitions") {
  for (const ReferenceValue& r : kReferenceValues) {
    const auto f = makeObjective(r.spec);
    const Eigen::Map<const Eigen::VectorXd> x(r.point.data(),
                                              static_cast<Eigen::Index>(r.point.size()));
    INFO(r.spec << " at " << x.transpose());
    REQUIRE(f->dim() == x.size());
    // A few ulps of cancellation inside the formulas; no formula error hides below 1e-12.
    CHECK(std::abs(f->value(x) - r.value) <= 1e-12 * std::max(1.0, std::abs(r.value)));
  }
}
