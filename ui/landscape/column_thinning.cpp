#include "ui/landscape/column_thinning.h"

#include <algorithm>
#include <cmath>

namespace optiscope::ui {

std::vector<std::size_t> thinByPixelColumn(const std::vector<double>& pixelX,
                                           const std::vector<double>& values) {
  std::vector<std::size_t> kept;
  const std::size_t n = std::min(pixelX.size(), values.size());
  std::size_t i = 0;
  while (i < n) {
    if (std::isnan(values[i]) || std::isnan(pixelX[i])) {
      ++i;
      continue;
    }
    const double column = std::floor(pixelX[i]);
    std::size_t first = i, last = i, low = i, high = i;
    for (++i; i < n && std::floor(pixelX[i]) == column; ++i) {
      if (std::isnan(values[i])) continue;
      last = i;
      if (values[i] < values[low]) low = i;
      if (values[i] > values[high]) high = i;
    }
    std::size_t picks[] = {first, low, high, last};
    std::sort(std::begin(picks), std::end(picks));
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || picks[k] != picks[k - 1]) kept.push_back(picks[k]);
  }
  return kept;
}

}  // namespace optiscope::ui

namespace optiscope::ui {

void ColumnSummary::reset(std::size_t columns) {
  m_columns.assign(std::max<std::size_t>(columns, 1), Column{});
  m_any = false;
  m_changedFrom = kNone;
  m_firstValue = m_low = m_high = std::numeric_limits<double>::quiet_NaN();
}

void ColumnSummary::add(std::size_t column, double key, double value) {
  if (std::isnan(value) || m_columns.empty()) return;
  column = std::min(column, m_columns.size() - 1);
  m_changedFrom = std::min(m_changedFrom, column);
  Column& c = m_columns[column];
  const Point point{key, value};
  if (!c.used) {
    c = {true, point, point, point, point};
  } else {
    if (value < c.low.value) c.low = point;
    if (value > c.high.value) c.high = point;
    c.last = point;
  }
  if (!m_any) {
    m_any = true;
    m_firstValue = m_low = m_high = value;
  }
  m_low = std::min(m_low, value);
  m_high = std::max(m_high, value);
}

void ColumnSummary::points(std::vector<Point>& out) const { pointsFrom(0, out); }

void ColumnSummary::pointsFrom(std::size_t column, std::vector<Point>& out) const {
  out.clear();
  for (std::size_t index = column; index < m_columns.size(); ++index) {
    const Column& c = m_columns[index];
    if (!c.used) continue;
    Point picks[] = {c.first, c.low, c.high, c.last};
    std::sort(std::begin(picks), std::end(picks),
              [](const Point& a, const Point& b) { return a.key < b.key; });
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || picks[k].key != picks[k - 1].key) out.push_back(picks[k]);
  }
}

}  // namespace optiscope::ui
