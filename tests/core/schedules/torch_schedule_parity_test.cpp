// Replays every case of tests/reference/schedules.ref (written by the real torch 1.13) and
// demands the same lr, and momentum where it cycles, bit for bit at every step.
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "support/reference_data.h"

namespace optiscope {
namespace {

struct ScheduleCase {
  std::string id, schedule, optimizer;
  int steps = 0;
  std::map<int, double> metrics;
  std::vector<double> lrs, momenta;  // index k-1
};

void store(std::vector<double>& values, int k, double value) {
  if (k < 1) throw std::runtime_error("step index must start at 1");
  if (values.size() < static_cast<size_t>(k)) values.resize(k);
  values[k - 1] = value;
}

std::vector<ScheduleCase> readCases(const std::string& path) {
  std::vector<ScheduleCase> cases;
  ScheduleCase current;
  bool open = false;
  for (const std::string& line : testing::readLines(path)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> w = testing::splitWords(line);
    const std::string rest = line.substr(line.find(' ') + 1);
    if (w[0] == "case") {
      current = ScheduleCase{};
      current.id = w.at(1);
      open = true;
    } else if (!open) {
      throw std::runtime_error("line outside a case: " + line);
    } else if (w[0] == "schedule") {
      current.schedule = rest;
    } else if (w[0] == "optimizer") {
      current.optimizer = rest;
    } else if (w[0] == "steps") {
      current.steps = std::stoi(w.at(1));
    } else if (w[0] == "metric") {
      current.metrics[std::stoi(w.at(1))] = testing::parseHexDouble(w.at(2));
    } else if (w[0] == "lr") {
      store(current.lrs, std::stoi(w.at(1)), testing::parseHexDouble(w.at(2)));
    } else if (w[0] == "momentum") {
      store(current.momenta, std::stoi(w.at(1)), testing::parseHexDouble(w.at(2)));
    } else if (w[0] == "end") {
      cases.push_back(current);
      open = false;
    } else {
      throw std::runtime_error("unknown line: " + line);
    }
  }
  if (open) throw std::runtime_error("last case has no 'end'");
  return cases;
}

bool sameBits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Differences of one recorded series against ours, summarised for a readable failure.
struct Comparison {
  int mismatches = 0;
  int firstMismatch = 0;
  double maxRelative = 0.0;

  void add(int k, double ours, double torch) {
    if (sameBits(ours, torch)) return;
    if (mismatches++ == 0) firstMismatch = k;
    maxRelative = std::max(maxRelative, testing::relativeDifference(ours, torch));
  }
  std::string text(const char* what) const {
    return std::string(what) + ": " + std::to_string(mismatches) +
           " steps differ, first at k=" + std::to_string(firstMismatch) +
           ", max relative difference " + formatDouble(maxRelative);
  }
};

}  // namespace

TEST_CASE("schedules match torch 1.13 bit for bit", "[schedule][torch]") {
  const std::vector<ScheduleCase> cases = readCases(testing::referencePath("schedules.ref"));
  REQUIRE(cases.size() > 25);

  for (const ScheduleCase& c : cases) {
    DYNAMIC_SECTION(c.id) {
      INFO("schedule " << c.schedule);
      INFO("optimizer " << c.optimizer);
      REQUIRE(c.steps > 0);
      REQUIRE(c.lrs.size() == static_cast<size_t>(c.steps));
      REQUIRE((c.momenta.empty() || c.momenta.size() == c.lrs.size()));

      auto optimizer = makeOptimizer(c.optimizer);
      optimizer->init(2);
      auto schedule = makeSchedule(c.schedule);
      schedule->attach(*optimizer);
      Comparison lr, momentum;
      for (int k = 1; k <= c.steps; ++k) {
        lr.add(k, optimizer->lr(), c.lrs[k - 1]);
        if (!c.momenta.empty()) momentum.add(k, optimizer->momentum(), c.momenta[k - 1]);
        const auto metric = c.metrics.find(k);
        schedule->step(*optimizer, metric == c.metrics.end() ? 0.0 : metric->second);
      }
      {
        INFO(lr.text("lr"));
        CHECK(lr.mismatches == 0);
      }
      INFO(momentum.text("momentum"));
      CHECK(momentum.mismatches == 0);
    }
  }
}

}  // namespace optiscope
