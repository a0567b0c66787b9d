// Lion, AdaBelief, Yogi and AdaBound against torch float64 runs of their pinned reference
// implementations (tests/reference/beyond_torch/generate.py). Not bit-checked by design:
// the references are not torch.optim, so only a relative tolerance is promised.
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"
#include "support/reference_data.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr double kTolerance = 1e-12;

struct Trajectory {
  std::string id, optimizer;
  int steps = 0;
  Eigen::Vector2d start;
  std::map<int, double> lr;  // only for cases whose lr changes: the lr of step k
  std::vector<Eigen::Vector2d> points;
};

// Reads the case format of generate.py. Anything unexpected throws, naming the line, so that a
// damaged file fails the test rather than silently testing less.
std::vector<Trajectory> readTrajectories(const std::string& path) {
  std::vector<Trajectory> cases;
  int lineNumber = 0;
  const auto fail = [&](const std::string& why) {
    throw std::runtime_error(path + ":" + std::to_string(lineNumber) + ": " + why);
  };
  for (const std::string& line : readLines(path)) {
    ++lineNumber;
    const std::vector<std::string> w = splitWords(line);
    if (w.empty() || w[0][0] == '#') continue;
    if (w[0] == "case" && w.size() == 2) {
      cases.push_back({});
      cases.back().id = w[1];
      continue;
    }
    if (cases.empty()) fail("'" + w[0] + "' before the first case");
    Trajectory& c = cases.back();
    if (w[0] == "optimizer" && w.size() == 2) {
      c.optimizer = w[1];
    } else if (w[0] == "function" && w.size() == 2) {
      if (w[1] != "rosenbrock") fail("only rosenbrock cases are expected");
    } else if (w[0] == "steps" && w.size() == 2) {
      c.steps = std::stoi(w[1]);
    } else if (w[0] == "start" && w.size() == 3) {
      c.start = {parseHexDouble(w[1]), parseHexDouble(w[2])};
    } else if (w[0] == "lr" && w.size() == 3) {
      c.lr[std::stoi(w[1])] = parseHexDouble(w[2]);
    } else if (w[0] == "p" && w.size() == 4) {
      if (std::stoi(w[1]) != static_cast<int>(c.points.size()) + 1) fail("p lines out of order");
      c.points.emplace_back(parseHexDouble(w[2]), parseHexDouble(w[3]));
    } else if (w[0] == "end" && w.size() == 1) {
      if (c.optimizer.empty() || c.steps <= 0 || static_cast<int>(c.points.size()) != c.steps)
        fail("case " + c.id + " is incomplete");
    } else {
      fail("unexpected line '" + line + "'");
    }
  }
  return cases;
}

const std::vector<Trajectory>& trajectories() {
  static const std::vector<Trajectory> cases =
      readTrajectories(referencePath("beyond_torch/trajectories.ref"));
  return cases;
}

// OPTIMIZERS.md §5.1 evaluation order, so the gradient is bit-identical to generate.py's.
Eigen::Vector2d rosenbrockGradient(const Eigen::Vector2d& p) {
  const double x = p[0], y = p[1];
  const double t = y - x * x;
  return {(-2.0 * (1.0 - x)) - ((400.0 * x) * t), 200.0 * t};
}

std::string hexText(const Eigen::Vector2d& v) {
  std::ostringstream out;
  out << std::hexfloat << v[0] << " " << v[1];
  return out.str();
}

}  // namespace

TEST_CASE("the beyond-torch reference file covers each ported optimizer") {
  std::map<std::string, int> perOptimizer;
  for (const Trajectory& c : trajectories())
    ++perOptimizer[c.optimizer.substr(0, c.optimizer.find(':'))];
  for (const char* name : {"lion", "adabelief", "yogi", "adabound"}) {
    INFO(name);
    CHECK(perOptimizer[name] >= 3);
  }
}

TEST_CASE("lion adabelief yogi and adabound match their reference implementations") {
  for (const Trajectory& c : trajectories()) {
    DYNAMIC_SECTION(c.id) {
      INFO("case " << c.id << ": " << c.optimizer);
      auto optimizer = makeOptimizer(c.optimizer);
      optimizer->init(2);
      Eigen::VectorXd p = c.start;
      double worst = 0.0;
      for (int k = 1; k <= c.steps; ++k) {
        INFO("step " << k);
        if (const auto lr = c.lr.find(k); lr != c.lr.end()) optimizer->setLr(lr->second);
        optimizer->step(p, rosenbrockGradient(p));
        const double difference = maxRelativeError(p, c.points[k - 1]);
        INFO("ours      " << hexText(p) << "\nreference " << hexText(c.points[k - 1]));
        REQUIRE(difference <= kTolerance);
        worst = std::max(worst, difference);
      }
      if (worst != 0.0) WARN("case " << c.id << " max relative difference " << worst);
    }
  }
}

TEST_CASE("lion moves every coordinate by exactly lr without weight decay") {
  auto lion = makeOptimizer("lion:lr=0.001");
  lion->init(3);
  Eigen::VectorXd p = Eigen::Vector3d(0.25, -0.5, 0.75);
  for (int k = 1; k <= 10; ++k) {
    const Eigen::VectorXd before = p;
    lion->step(p, wavyGradient(3, k));
    CHECK(((p - before).cwiseAbs().array() - 0.001).abs().maxCoeff() < 1e-15);
    CHECK(lion->effectiveLr() == Eigen::VectorXd::Constant(3, 0.001));
  }
}

TEST_CASE("adabound's rate stays between bounds that follow lr over base_lr") {
  // eps = 1e4 makes the Adam rate tiny, so the lower bound is what is applied.
  auto adabound = makeOptimizer("adabound:lr=0.01,final_lr=0.1,gamma=0.1,eps=10000");
  adabound->init(2);
  Eigen::VectorXd p = Eigen::Vector2d(1.0, -1.0);
  adabound->step(p, Eigen::Vector2d(0.5, -0.5));
  const double lower1 = 0.1 * (1.0 - 1.0 / (0.1 * 1 + 1.0));
  CHECK(adabound->effectiveLr()[0] == Approx(lower1).epsilon(1e-15));
  adabound->setLr(0.005);  // a schedule halving lr halves final_lr too
  adabound->step(p, Eigen::Vector2d(0.5, -0.5));
  const double lower2 = 0.05 * (1.0 - 1.0 / (0.1 * 2 + 1.0));
  CHECK(adabound->effectiveLr()[1] == Approx(lower2).epsilon(1e-15));
}

TEST_CASE("adabelief without degenerated_to_sgd waits until rectification starts") {
  auto adabelief = makeOptimizer("adabelief:lr=0.001,degenerated_to_sgd=false");
  adabelief->init(2);
  const Eigen::VectorXd start = Eigen::Vector2d(1.0, -1.0);
  Eigen::VectorXd p = start;
  for (int k = 1; k <= 5; ++k) adabelief->step(p, wavyGradient(2, k));
  CHECK(p == start);
  CHECK(adabelief->effectiveLr() == Eigen::VectorXd::Zero(2));
  adabelief->step(p, wavyGradient(2, 6));
  CHECK((p - start).cwiseAbs().minCoeff() > 0.0);
}
