#include "core/landscape/grid.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace optiscope {
namespace {

// Minimum and maximum of the finite values seen, while non-finite ones are replaced by NaN.
// Kept per lane (kLanes independent accumulators) so that the compiler can vectorize the scan
// without reassociating a single running minimum.
class RangeOfFinite {
 public:
  void addRow(double* values, int n) {
    int i = 0;
    for (; i + kLanes <= n; i += kLanes)
      for (int k = 0; k < kLanes; ++k) add(values[i + k], k);
    for (; i < n; ++i) add(values[i], 0);
  }
  double lowest() const { return *std::min_element(m_lowest, m_lowest + kLanes); }
  double highest() const { return *std::max_element(m_highest, m_highest + kLanes); }

 private:
  static constexpr int kLanes = 8;
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  void add(double& v, int lane) {
    const bool finite = std::isfinite(v);
    const double low = finite ? v : kInfinity;
    const double high = finite ? v : -kInfinity;
    v = finite ? v : std::numeric_limits<double>::quiet_NaN();
    m_lowest[lane] = low < m_lowest[lane] ? low : m_lowest[lane];
    m_highest[lane] = m_highest[lane] < high ? high : m_highest[lane];
  }

  double m_lowest[kLanes] = {kInfinity, kInfinity, kInfinity, kInfinity,
                             kInfinity, kInfinity, kInfinity, kInfinity};
  double m_highest[kLanes] = {-kInfinity, -kInfinity, -kInfinity, -kInfinity,
                              -kInfinity, -kInfinity, -kInfinity, -kInfinity};
};

}  // namespace

bool GridSpec::isValid() const {
  return nx >= 2 && ny >= 2 && std::isfinite(xMin) && std::isfinite(xMax) && std::isfinite(yMin) &&
         std::isfinite(yMax) && xMin < xMax && yMin < yMax;
}

Grid evaluateGrid(const Objective& objective, const GridSpec& spec,
                  const std::atomic<bool>* cancel) {
  if (!spec.isValid()) {
    throw std::invalid_argument("landscape grid needs nx, ny >= 2 and a finite, non-empty box");
  }
  if (objective.dim() != 2) {
    throw std::invalid_argument("landscape grid needs a 2D function, '" +
                                std::string(objective.name()) + "' has dimension " +
                                std::to_string(objective.dim()));
  }
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  // Zero-initialised (a memset), not NaN-filled (a scalar store loop that took a fifth of the
  // grid's time): every row is overwritten, and the rows a cancel leaves undone become NaN below.
  Grid grid{spec, std::vector<double>(static_cast<std::size_t>(spec.nx) * spec.ny), kNaN, kNaN};
  // x_i once for all rows; each row is one values() call, which 2D objectives override with a
  // loop free of virtual calls (a virtual value() per point: 3.65 ms instead of 1.35 ms for
  // Rosenbrock 1000x1000).
  Eigen::VectorXd xs(spec.nx);
  for (int i = 0; i < spec.nx; ++i) xs[i] = spec.x(i);
  RangeOfFinite range;
  int j = 0;
  for (; j < spec.ny; ++j) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) break;
    Eigen::Map<Eigen::VectorXd> row(grid.values.data() + static_cast<std::size_t>(j) * spec.nx,
                                    spec.nx);
    objective.values(xs, spec.y(j), row);
    range.addRow(row.data(), spec.nx);
  }
  std::fill(grid.values.begin() + static_cast<std::ptrdiff_t>(j) * spec.nx, grid.values.end(),
            kNaN);
  const double lowest = range.lowest(), highest = range.highest();
  if (lowest <= highest) {
    grid.min = lowest;
    grid.max = highest;
  }
  return grid;
}

}  // namespace optiscope
