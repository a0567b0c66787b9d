#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include "core/analysis/run_summary.h"
#include "core/analysis/thread_pool.h"
#include "core/objectives/objective.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {

// A start-point map: one optimizer run from every point of a grid x grid lattice over a box,
// each for `steps` steps. Like the landscape grid, the lattice points are the corners of the
// cells, box edges included: x_i = x0 + i·(x1 − x0)/(grid − 1), likewise y_j.
struct BasinsPlan {
  ObjectiveConfig objective;  // a 2D function
  OptimizerConfig optimizer;
  ScheduleConfig schedule;  // default: none
  double noiseSigma = 0.0;
  std::uint64_t noiseSeed = 0;
  int grid = 100;  // 2 to kMaxBasinsGrid points per axis
  Box box;         // empty: the function's view box
  long long steps = 100;
};

inline constexpr int kMaxBasinsGrid = 400;

// One cell: exactly what `optiscope-cli run --start x,y` (same function, optimizer, steps)
// gives, bit for bit: its summary and its last row's point.
//
// minimumIndex: which of the function's listed global minima the run ended near, or -1. A run
// ends near a minimum when its final loss is within kLossTolerance of the minimum value (the
// tolerance of steps_to_tolerance); it is then attributed to the listed minimum closest to its
// final point (Euclidean distance). A run that reached the tolerance and left again has
// stepsToTolerance >= 0 and minimumIndex -1.
struct BasinCell {
  double x = 0.0, y = 0.0;            // the start
  double finalX = 0.0, finalY = 0.0;  // the last row (the first non-finite one if diverged)
  int minimumIndex = -1;
  RunSummary summary;
};

// Rows [firstRow, firstRow + rows) of the map, row-major: cells[r·grid + i] starts at
// (x_i, y_{firstRow + r}).
struct BasinTile {
  int firstRow = 0, rows = 0;
  std::vector<BasinCell> cells;
};

struct BasinsResult {
  int grid = 0;
  std::vector<BasinCell> cells;  // grid·grid, row-major (index j·grid + i); empty if incomplete
  bool complete = false;         // false: stopped; only the tiles delivered were computed
  bool batched = false;          // whether runs were stacked into one vector per tile
};

// A validated plan; construction throws SpecError for a function that is not 2D, a grid
// outside 2..kMaxBasinsGrid, a box that is not finite with x0 < x1 and y0 < y1, steps < 0, a
// bad noise σ, or an optimizer/schedule pair that cannot run.
class Basins {
 public:
  explicit Basins(BasinsPlan plan);

  const BasinsPlan& plan() const { return m_plan; }
  double x(int i) const;
  double y(int j) const;
  // Whether run() stacks the runs of a tile into one vector: the optimizer is elementwise and
  // the schedule does not read the loss (reduce_on_plateau does, per run).
  bool batched() const { return m_batched; }

  // Computes the map on `pool`, tile by tile (a few rows each). `onTile`, if given, receives
  // every tile as soon as it is done, from the pool's threads and possibly concurrently; the
  // cells delivered so far are the progress. A stop request is honoured within one step of
  // each tile in progress: the tiles not finished are dropped and the result is incomplete.
  // Tiles step up to `tileCells` runs together (rounded to whole rows).
  BasinsResult run(ThreadPool& pool, std::stop_token stop = {},
                   const std::function<void(const BasinTile&)>& onTile = {},
                   std::size_t tileCells = 2048) const;

  // The tile of rows [firstRow, firstRow + rows), computed on the calling thread (run() uses
  // it; tests compare it with single runs). False if stopped before it was done.
  bool computeTile(int firstRow, int rows, std::stop_token stop, BasinTile& tile) const;

 private:
  bool stepTileBatched(BasinTile& tile, std::stop_token stop) const;
  bool stepTileRunByRun(BasinTile& tile, std::stop_token stop) const;
  void classify(BasinCell& cell) const;

  BasinsPlan m_plan;
  std::vector<Minimum> m_minima;
  double m_minimumValue;
  bool m_batched;
};

}  // namespace optiscope
