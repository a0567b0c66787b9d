#include "core/engine/trace.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

namespace optiscope {
namespace {

// Distinct, step-derived values, so a point moved to the wrong place cannot go unnoticed.
void appendStep(Trace& trace, long long step) {
  const double s = static_cast<double>(step);
  Eigen::VectorXd params(2), gradient(2), eta(2);
  params << s, -s;
  gradient << s + 0.25, s + 0.5;
  eta << 1.0 / (s + 1.0), 2.0 / (s + 1.0);
  trace.append(step, s * 0.5, params, gradient, eta);
}

bool pointHoldsItsStep(const TracePoint& p) {
  const double s = static_cast<double>(p.step);
  return p.loss == s * 0.5 && p.params[0] == s && p.params[1] == -s && p.gradient[0] == s + 0.25 &&
         p.gradient[1] == s + 0.5 && p.effectiveLr[0] == 1.0 / (s + 1.0) &&
         p.effectiveLr[1] == 2.0 / (s + 1.0);
}

}  // namespace

TEST_CASE("a trace shorter than its recent quota keeps every point in order") {
  Trace trace(2, TraceLimits{128, 8});
  for (long long k = 0; k < 100; ++k) appendStep(trace, k);
  REQUIRE(trace.size() == 100);
  REQUIRE(trace.appendedCount() == 100);
  for (std::size_t i = 0; i < trace.size(); ++i) {
    REQUIRE(trace[i].step == static_cast<long long>(i));
    REQUIRE(pointHoldsItsStep(trace[i]));
  }
  REQUIRE_THROWS_AS(trace[100], std::out_of_range);
}

TEST_CASE("thinning keeps the first and last points and the recent past at full resolution") {
  const TraceLimits limits{16, 8};
  const long long n = 100'000;
  Trace trace(2, limits);
  for (long long k = 0; k < n; ++k) appendStep(trace, k);

  REQUIRE(trace.front().step == 0);
  REQUIRE(trace.back().step == n - 1);
  const std::size_t size = trace.size();
  REQUIRE(size < 1000);  // 10^5 points kept in a few hundred
  for (std::size_t i = 0; i < size; ++i) REQUIRE(pointHoldsItsStep(trace[i]));
  // The newest `recent` points are consecutive steps.
  for (std::size_t i = size - limits.recent; i < size; ++i)
    REQUIRE(trace[i].step == n - static_cast<long long>(size - i));
}

TEST_CASE("thinned history has a resolution proportional to its age") {
  const TraceLimits limits{16, 8};
  Trace trace(2, limits);
  long long appended = 0;
  for (long long target : {1'000LL, 10'000LL, 100'000LL, 1'000'000LL}) {
    for (; appended < target; ++appended) appendStep(trace, appended);
    const long long last = appended - 1;
    for (std::size_t i = 0; i + 1 < trace.size(); ++i) {
      const long long step = trace[i].step, newer = trace[i + 1].step;
      REQUIRE(newer > step);
      const long long gap = newer - step;
      // Spacings are powers of two that never shrink going back in time...
      REQUIRE((gap & (gap - 1)) == 0);
      if (i > 0) REQUIRE(step - trace[i - 1].step >= gap);
      // ...and a level only fills after the younger ones did, so gap <= age/perLevel + 2.
      const long long age = last - step;
      REQUIRE(gap <= age / static_cast<long long>(limits.perLevel) + 2);
    }
  }
}

TEST_CASE("the number of kept points grows with the logarithm of the length") {
  const TraceLimits limits{64, 32};
  Trace trace(2, limits);
  long long appended = 0;
  for (int power = 3; power <= 6; ++power) {
    const auto target = static_cast<long long>(std::pow(10.0, power));
    for (; appended < target; ++appended) appendStep(trace, appended);
    const double levels = std::ceil(std::log2(static_cast<double>(target))) + 1.0;
    INFO("after 10^" << power << " appends: " << trace.size() << " points");
    REQUIRE(trace.size() <=
            2 * limits.recent + static_cast<std::size_t>(levels) * 2 * limits.perLevel);
  }
}

TEST_CASE("clear empties a trace that then fills again") {
  Trace trace(2, TraceLimits{8, 4});
  for (long long k = 0; k < 1000; ++k) appendStep(trace, k);
  trace.clear();
  REQUIRE(trace.empty());
  REQUIRE(trace.appendedCount() == 0);
  REQUIRE(trace.dim() == 2);
  for (long long k = 500; k < 520; ++k) appendStep(trace, k);
  REQUIRE(trace.front().step == 500);
  REQUIRE(trace.back().step == 519);
  for (std::size_t i = 0; i < trace.size(); ++i) REQUIRE(pointHoldsItsStep(trace[i]));
}

TEST_CASE("appendAll keeps exactly what appending each point in turn keeps") {
  // appendAll copies stretches at once; what it keeps must not differ from point-by-point
  // appends in any point, whatever the two traces' limits, fill and ring positions.
  const TraceLimits limits[] = {TraceLimits{8, 4}, TraceLimits{16, 4, 40}, TraceLimits{},
                                TraceLimits{1024, 256, 4096}, TraceLimits::unbounded()};
  for (const TraceLimits& sourceLimits : limits)
    for (const TraceLimits& targetLimits : limits)
      for (long long split : {0LL, 3LL, 37LL, 5000LL}) {
        Trace byPoint(2, targetLimits), bulk(2, targetLimits);
        for (long long k = 0; k < split; ++k) {
          appendStep(byPoint, k);
          appendStep(bulk, k);
        }
        // Several hand-overs, as an engine's deltas arrive.
        long long next = split;
        for (long long length : {1LL, 90LL, 3000LL, 17LL, 9000LL}) {
          Trace delta(2, sourceLimits);
          for (long long k = 0; k < length; ++k) appendStep(delta, next++);
          delta.forEach([&](const TracePoint& point) { byPoint.append(point); });
          bulk.appendAll(delta);
          REQUIRE(bulk.appendedCount() == byPoint.appendedCount());
          REQUIRE(bulk.size() == byPoint.size());
          std::size_t firstDifference = bulk.size();
          for (std::size_t i = 0; i < bulk.size() && firstDifference == bulk.size(); ++i)
            if (bulk[i].step != byPoint[i].step || !pointHoldsItsStep(bulk[i])) firstDifference = i;
          REQUIRE(firstDifference == bulk.size());
        }
      }
}

TEST_CASE("appendAll copies every kept point - sizes must match the dimension") {
  Trace source(2, TraceLimits{8, 4});
  for (long long k = 0; k < 300; ++k) appendStep(source, k);
  Trace copy(2, TraceLimits::unbounded());
  copy.appendAll(source);
  REQUIRE(copy.size() == source.size());
  for (std::size_t i = 0; i < copy.size(); ++i) {
    REQUIRE(copy[i].step == source[i].step);
    REQUIRE(pointHoldsItsStep(copy[i]));
  }
  Trace other(3);
  REQUIRE_THROWS_AS(other.appendAll(source), std::invalid_argument);
  const Eigen::VectorXd wrong = Eigen::VectorXd::Zero(3), right = Eigen::VectorXd::Zero(2);
  REQUIRE_THROWS_AS(copy.append(1, 0.0, wrong, right, right), std::invalid_argument);
}

TEST_CASE("copies are independent - a moved-from trace is empty and usable") {
  Trace original(2, TraceLimits{8, 4});
  for (long long k = 0; k < 500; ++k) appendStep(original, k);
  Trace copy = original;
  REQUIRE(copy.size() == original.size());
  for (std::size_t i = 0; i < copy.size(); ++i) REQUIRE(copy[i].step == original[i].step);
  appendStep(copy, 500);
  REQUIRE(copy.back().step == 500);
  REQUIRE(original.back().step == 499);
  for (std::size_t i = 0; i < copy.size(); ++i) REQUIRE(pointHoldsItsStep(copy[i]));

  Trace moved = std::move(original);
  REQUIRE(moved.back().step == 499);
  appendStep(moved, 500);  // the fast path continues in the moved buffers
  REQUIRE(moved.back().step == 500);
  REQUIRE(original.empty());  // moving out leaves an empty trace of the same dimension
  appendStep(original, 7);
  REQUIRE(original.size() == 1);
  REQUIRE(pointHoldsItsStep(original.front()));
  for (std::size_t i = 0; i < moved.size(); ++i) REQUIRE(pointHoldsItsStep(moved[i]));
}

TEST_CASE("an unbounded trace keeps every step") {
  Trace trace(2, TraceLimits::unbounded());
  for (long long k = 0; k < 200'000; ++k) appendStep(trace, k);
  REQUIRE(trace.size() == 200'000);
  for (std::size_t i = 0; i < trace.size(); i += 997) {
    REQUIRE(trace[i].step == static_cast<long long>(i));
    REQUIRE(pointHoldsItsStep(trace[i]));
  }
}

}  // namespace optiscope
