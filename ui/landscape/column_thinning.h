#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace optiscope::ui {

// Thins a curve in pixel space for drawing: of the points falling into one pixel column it keeps
// the first, the lowest, the highest and the last, in their original order. The drawn polyline
// covers exactly the same pixels per column, yet a curve of any length costs at most four points
// per column. `pixelX` must be non-decreasing (a curve against step); NaN values are skipped.
std::vector<std::size_t> thinByPixelColumn(const std::vector<double>& pixelX,
                                           const std::vector<double>& values);

}  // namespace optiscope::ui

namespace optiscope::ui {

// thinByPixelColumn for a curve that grows over time: points arrive in key order, each with
// its pixel column, and every column keeps its first, lowest, highest and last point. Adding
// the points a run made since the last frame costs what those points cost, not what the
// whole run does.
class ColumnSummary {
 public:
  struct Point {
    double key = 0.0, value = 0.0;
  };

  // Forgets every point; `columns` columns from now on.
  void reset(std::size_t columns);
  // NaN values are skipped; columns past the last go to the last.
  void add(std::size_t column, double key, double value);
  // The kept points in key order (each once).
  void points(std::vector<Point>& out) const;
  // Those of columns `column` and later.
  void pointsFrom(std::size_t column, std::vector<Point>& out) const;
  // The first column that add() changed since the last forgetChanges() or reset(), or npos.
  std::size_t changedFrom() const { return m_changedFrom; }
  void forgetChanges() { m_changedFrom = kNone; }
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  bool empty() const { return !m_any; }
  // Of every value added: the first, the lowest and the highest (NaN while empty).
  double firstValue() const { return m_firstValue; }
  double low() const { return m_low; }
  double high() const { return m_high; }

 private:
  struct Column {
    bool used = false;
    Point first, low, high, last;
  };
  std::vector<Column> m_columns;
  std::size_t m_changedFrom = kNone;
  bool m_any = false;
  double m_firstValue = std::numeric_limits<double>::quiet_NaN();
  double m_low = std::numeric_limits<double>::quiet_NaN();
  double m_high = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace optiscope::ui
