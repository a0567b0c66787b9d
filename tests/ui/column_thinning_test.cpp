#include "ui/landscape/column_thinning.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

using optiscope::ui::thinByPixelColumn;

namespace {

struct ColumnSummary {
  double first, last, low, high;
};

std::map<long, ColumnSummary> summarize(const std::vector<double>& px,
                                        const std::vector<double>& values,
                                        const std::vector<std::size_t>& indices) {
  std::map<long, ColumnSummary> columns;
  for (std::size_t i : indices) {
    if (std::isnan(values[i])) continue;
    const long column = static_cast<long>(std::floor(px[i]));
    auto [it, fresh] =
        columns.try_emplace(column, ColumnSummary{values[i], values[i], values[i], values[i]});
    if (!fresh) {
      it->second.last = values[i];
      it->second.low = std::min(it->second.low, values[i]);
      it->second.high = std::max(it->second.high, values[i]);
    }
  }
  return columns;
}

}  // namespace

TEST_CASE("column thinning keeps what each pixel column shows and at most 4 points per column",
          "[ui][thinning]") {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0.0, 1.0);
  const std::size_t n = 200000;
  std::vector<double> px(n), values(n);
  for (std::size_t i = 0; i < n; ++i) {
    px[i] = 800.0 * static_cast<double>(i) / n;  // 250 points per column
    values[i] = std::exp(-static_cast<double>(i) / 50000.0) + 0.01 * noise(random);
  }
  std::vector<std::size_t> everything(n);
  for (std::size_t i = 0; i < n; ++i) everything[i] = i;

  const auto kept = thinByPixelColumn(px, values);
  CHECK(kept.size() <= 4 * 800);
  CHECK(kept.size() >= 800);
  CHECK(std::is_sorted(kept.begin(), kept.end()));
  CHECK(kept.front() == 0);
  CHECK(kept.back() == n - 1);

  const auto thinned = summarize(px, values, kept);
  const auto full = summarize(px, values, everything);
  REQUIRE(thinned.size() == full.size());
  for (const auto& [column, summary] : full) {
    const ColumnSummary& t = thinned.at(column);
    CHECK(t.first == summary.first);
    CHECK(t.last == summary.last);
    CHECK(t.low == summary.low);
    CHECK(t.high == summary.high);
  }
}

TEST_CASE("column thinning skips NaN values and keeps short curves whole", "[ui][thinning]") {
  const std::vector<double> px = {0.5, 1.5, 2.5, 3.5};
  const std::vector<double> values = {1.0, std::nan(""), 3.0, 4.0};
  CHECK(thinByPixelColumn(px, values) == std::vector<std::size_t>{0, 2, 3});
  CHECK(thinByPixelColumn({}, {}).empty());
}
