#include "ui/common/landscape_color_ticker.h"

#include <cmath>

namespace optiscope::ui {

namespace {

// Most bars span a few dozen decades at most; beyond that the function overflowed somewhere.
constexpr int kColorBarMaxDecades = 400;

}  // namespace

double LandscapeLogTicker::labelValue(double tick) const {
  return m_floor + (std::pow(10.0, tick) - m_offset);
}

double LandscapeLogTicker::tickOf(double f) const { return std::log10(f - m_floor + m_offset); }

std::vector<QVector<double>> LandscapeLogTicker::candidates(const QCPRange& range) const {
  std::vector<QVector<double>> tiers(3);  // 1·10^k (and 0), 5·10^k, 2·10^k
  if (!std::isfinite(range.lower) || !std::isfinite(range.upper)) return tiers;
  const double low = labelValue(range.lower), high = labelValue(range.upper);
  // A bar whose ends overflow (10^400) or collapse names no values.
  if (!std::isfinite(low) || !std::isfinite(high) || !(high > low)) return tiers;
  const auto consider = [&](double f, std::size_t tier) {
    if (f < low || f > high || !(f > m_floor - m_offset)) return;
    const double tick = tickOf(f);
    if (std::isfinite(tick) && tick >= range.lower && tick <= range.upper)
      tiers[tier].push_back(tick);
  };
  consider(0.0, 0);
  const double largest = std::max(std::abs(low), std::abs(high));
  const int top = static_cast<int>(std::ceil(std::log10(largest)));
  // Values finer than the bar can tell apart are never placed, so the search stops there.
  const double resolution = std::max(high - low, largest * 1e-12) * 1e-6;
  const int bottom =
      std::max(top - kColorBarMaxDecades, static_cast<int>(std::floor(std::log10(resolution))));
  for (int k = top; k >= bottom; --k) {
    const double power = std::pow(10.0, k);
    for (double sign : {1.0, -1.0}) {
      consider(sign * power, 0);
      consider(sign * 5.0 * power, 1);
      consider(sign * 2.0 * power, 2);
    }
  }
  return tiers;
}

QString LandscapeLogTicker::label(double tick, const QVector<double>&,
                                  const QLocale& locale) const {
  const double f = labelValue(tick);
  // The candidates are round values; show them without the noise of the log round trip.
  if (f == 0.0 || std::abs(f) < 1e-300) return QStringLiteral("0");
  const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(f)) + 1e-9));
  return roundLabel(std::round(f / magnitude) * magnitude, magnitude, locale);
}

}  // namespace optiscope::ui
