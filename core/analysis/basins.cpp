#include "core/analysis/basins.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <string>

#include "core/analysis/batched_runs.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// Run by run, a step costs tens of nanoseconds: the stop flag is polled every 256 steps.
constexpr long long kBasinStopPollSteps = 256;

void checkBox(const Box& box) {
  const bool shaped = box.lower.size() == 2 && box.upper.size() == 2;
  if (!shaped || !box.lower.allFinite() || !box.upper.allFinite() ||
      !(box.lower[0] < box.upper[0]) || !(box.lower[1] < box.upper[1]))
    throw SpecError("the box must be four finite numbers X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1");
}

}  // namespace

Basins::Basins(BasinsPlan plan) : m_plan(std::move(plan)) {
  const auto objective = makeObjective(m_plan.objective);
  if (objective->dim() != 2)
    throw SpecError("a start-point map needs a 2D function; " + m_plan.objective.spec() + " has " +
                    std::to_string(objective->dim()) + " dimensions");
  if (m_plan.grid < 2 || m_plan.grid > kMaxBasinsGrid)
    throw SpecError("the grid must have 2 to " + std::to_string(kMaxBasinsGrid) +
                    " points per axis, got " + std::to_string(m_plan.grid));
  if (m_plan.steps < 0) throw SpecError("steps must be >= 0, got " + std::to_string(m_plan.steps));
  if (m_plan.box.lower.size() == 0 && m_plan.box.upper.size() == 0)
    m_plan.box = objective->viewBox();
  checkBox(m_plan.box);
  // The optimizer, schedule and noise are checked where `run` checks them: building a run.
  Run probe(objectiveRunConfig(m_plan.objective, m_plan.optimizer, m_plan.schedule,
                               Eigen::VectorXd(m_plan.box.lower), m_plan.noiseSigma,
                               m_plan.noiseSeed));
  m_minima = objective->globalMinima();
  m_minimumValue = objective->minimumValue();
  m_batched = BatchedRuns::canBatch(m_plan.optimizer, m_plan.schedule);
}

double Basins::x(int i) const {
  const double x0 = m_plan.box.lower[0], x1 = m_plan.box.upper[0];
  return x0 + i * ((x1 - x0) / (m_plan.grid - 1));
}

double Basins::y(int j) const {
  const double y0 = m_plan.box.lower[1], y1 = m_plan.box.upper[1];
  return y0 + j * ((y1 - y0) / (m_plan.grid - 1));
}

void Basins::classify(BasinCell& cell) const {
  cell.minimumIndex = -1;
  if (!(std::abs(cell.summary.finalLoss - m_minimumValue) <= kLossTolerance)) return;
  double nearest = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < m_minima.size(); ++k) {
    const double dx = cell.finalX - m_minima[k].point[0], dy = cell.finalY - m_minima[k].point[1];
    const double distance = dx * dx + dy * dy;
    if (distance < nearest) {
      nearest = distance;
      cell.minimumIndex = static_cast<int>(k);
    }
  }
}

bool Basins::stepTileBatched(BasinTile& tile, std::stop_token stop) const {
  const Eigen::Index n = static_cast<Eigen::Index>(tile.cells.size());
  Eigen::VectorXd xs(n), ys(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    xs[i] = tile.cells[i].x;
    ys[i] = tile.cells[i].y;
  }
  BatchedRuns runs(*makeObjective(m_plan.objective), m_plan.optimizer, m_plan.schedule,
                   m_plan.noiseSigma, m_plan.noiseSeed, xs, ys);
  while (runs.step() < m_plan.steps && runs.running() > 0) {
    if (stop.stop_requested()) return false;
    runs.advance();
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    BasinCell& cell = tile.cells[i];
    cell.summary = runs.summary(i);
    cell.finalX = runs.finalX(i);
    cell.finalY = runs.finalY(i);
  }
  return true;
}

bool Basins::stepTileRunByRun(BasinTile& tile, std::stop_token stop) const {
  for (BasinCell& cell : tile.cells) {
    Run run(objectiveRunConfig(m_plan.objective, m_plan.optimizer, m_plan.schedule,
                               Eigen::Vector2d(cell.x, cell.y), m_plan.noiseSigma,
                               m_plan.noiseSeed));
    RunSummary summary;
    summary.observe(0, run.loss(), m_minimumValue);
    for (long long k = 1; k <= m_plan.steps && !run.diverged(); ++k) {
      if (k % kBasinStopPollSteps == 0 && stop.stop_requested()) return false;
      run.advance();
      summary.observe(run.step(), run.loss(), m_minimumValue);
    }
    summary.divergedAt = run.diverged() ? run.step() : -1;
    cell.summary = summary;
    cell.finalX = run.params()[0];
    cell.finalY = run.params()[1];
    if (stop.stop_requested()) return false;
  }
  return true;
}

bool Basins::computeTile(int firstRow, int rows, std::stop_token stop, BasinTile& tile) const {
  tile.firstRow = firstRow;
  tile.rows = rows;
  tile.cells.assign(static_cast<std::size_t>(rows) * m_plan.grid, BasinCell{});
  for (int r = 0; r < rows; ++r) {
    for (int i = 0; i < m_plan.grid; ++i) {
      BasinCell& cell = tile.cells[static_cast<std::size_t>(r) * m_plan.grid + i];
      cell.x = x(i);
      cell.y = y(firstRow + r);
    }
  }
  const bool done = m_batched ? stepTileBatched(tile, stop) : stepTileRunByRun(tile, stop);
  if (!done) return false;
  for (BasinCell& cell : tile.cells) classify(cell);
  return true;
}

BasinsResult Basins::run(ThreadPool& pool, std::stop_token stop,
                         const std::function<void(const BasinTile&)>& onTile,
                         std::size_t tileCells) const {
  const int grid = m_plan.grid;
  const int rowsPerTile = static_cast<int>(std::clamp<std::size_t>(
      tileCells / static_cast<std::size_t>(grid), 1, static_cast<std::size_t>(grid)));
  const int tiles = (grid + rowsPerTile - 1) / rowsPerTile;
  BasinsResult result;
  result.grid = grid;
  result.batched = m_batched;
  result.cells.resize(static_cast<std::size_t>(grid) * grid);
  std::atomic<int> tilesDone{0};
  pool.forEach(
      static_cast<std::size_t>(tiles),
      [&](std::size_t t) {
        const int firstRow = static_cast<int>(t) * rowsPerTile;
        BasinTile tile;
        if (!computeTile(firstRow, std::min(rowsPerTile, grid - firstRow), stop, tile)) return;
        std::copy(tile.cells.begin(), tile.cells.end(),
                  result.cells.begin() + static_cast<std::ptrdiff_t>(firstRow) * grid);
        tilesDone.fetch_add(1, std::memory_order_relaxed);
        if (onTile) onTile(tile);
      },
      stop);
  result.complete = tilesDone.load() == tiles;
  if (!result.complete) result.cells.clear();
  return result;
}

}  // namespace optiscope
