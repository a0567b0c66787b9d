#include "ui/common/landscape_color_ticker.h"

#include <cmath>

namespace optiscope::ui {

namespace {

constexpr double kMantissas[] = {1.0, 2.0, 5.0};
// Heights below the log offset are squeezed together at the bottom of the bar; ticks closer
// than this (in decades of the bar) would print over each other.
constexpr double kMinTickGap = 0.25;

}  // namespace

// A tick for the height h = f − floor sits at log10(h + offset), so that its label, floor + h,
// is a round number where the floor is 0 (most functions).
QVector<double> LandscapeLogTicker::ticksWithin(const QCPRange& range, bool withMantissas) const {
  QVector<double> ticks;
  const double lowest = std::floor(range.lower) - 1.0;
  const double highest = std::ceil(range.upper);
  for (double decade = lowest; decade <= highest; decade += 1.0) {
    for (double mantissa : kMantissas) {
      if (mantissa != 1.0 && !withMantissas) continue;
      const double tick = std::log10(mantissa * std::pow(10.0, decade) + m_offset);
      if (tick >= range.lower && tick <= range.upper &&
          (ticks.empty() || tick >= ticks.back() + kMinTickGap))
        ticks.push_back(tick);
    }
  }
  return ticks;
}

QVector<double> LandscapeLogTicker::createTickVector(double, const QCPRange& range) {
  if (!std::isfinite(range.lower) || !std::isfinite(range.upper) || range.size() > 1e3) return {};
  QVector<double> ticks = ticksWithin(range, false);
  if (ticks.size() < 3) ticks = ticksWithin(range, true);
  // More than a dozen decades crowd the bar: keep every other one.
  if (ticks.size() > 12) {
    QVector<double> sparse;
    for (int i = 0; i < ticks.size(); i += 2) sparse.push_back(ticks[i]);
    ticks = sparse;
  }
  return ticks;
}

QVector<double> LandscapeLogTicker::createSubTickVector(int, const QVector<double>&) { return {}; }

QString LandscapeLogTicker::getTickLabel(double tick, const QLocale& locale, QChar, int) {
  const double f = m_floor + (std::pow(10.0, tick) - m_offset);
  return locale.toString(f, 'g', 4);
}

}  // namespace optiscope::ui
