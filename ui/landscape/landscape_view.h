#pragma once

#include <qcustomplot.h>

#include <Eigen/Core>
#include <QPointF>
#include <QSize>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/engine/run.h"
#include "core/landscape/landscape_job.h"
#include "core/landscape/landscape_result.h"
#include "ui/background/landscape_color_mode.h"
#include "ui/landscape/hover_state_replay.h"

class QCustomPlot;
class QCPAxisRect;
class QCPItemText;
class QCPLayer;
class QMenu;

namespace optiscope::ui {

class LandscapeController;
class LandscapeEvaluator;
class LandscapeHeatmap;
class LandscapeMarkers;
class TrajectoryPaths;

// The landscape explorer's main view: f over the view as a heatmap with log-spaced contour
// lines and the global minima, one path per run, and the shared start point.
//  - Wheel zooms, left-drag pans; the grid is recomputed off the GUI thread for the new view,
//    coarse first, then fine.
//  - A click (without dragging) restarts every run there; the start marker can be dragged
//    (the runs restart on release).
//  - Hovering a path point shows its step, θ, f, ∇f, η and the optimizer's state there.
//  - Right-click: reset the view, choose the color scale, equal aspect, the legend's place.
//  - Equal aspect (the Landscape page's default): x and y have the same scale, so that a
//    gradient looks perpendicular to the contours; a view box is widened to the widget's
//    shape, never cut.
// It draws what the LandscapeController reports and calls the controller for every change.
class LandscapeView : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kHoverRadiusPx = 8.0;
  static constexpr double kStartGrabRadiusPx = 10.0;
  static constexpr double kClickSlopPx = 4.0;
  enum class LegendPlacement { TopRight, TopLeft, BottomLeft, BottomRight, Hidden };

  explicit LandscapeView(LandscapeController* controller, QWidget* parent = nullptr);
  ~LandscapeView() override;

  QCustomPlot* plot() const { return m_plot; }
  QCPAxisRect* axisRect() const;

  // Back to the function's default view box.
  void resetView();
  // The view box shown ({low, high} of x and of y), and another one.
  // The box the user asked for (equal aspect may show more around it, to fit the widget).
  std::pair<std::pair<double, double>, std::pair<double, double>> viewRanges() const;
  void setViewRanges(std::pair<double, double> x, std::pair<double, double> y);
  void setColorScaleMode(ColorScaleMode mode);
  ColorScaleMode colorScaleMode() const { return m_colorMode; }
  bool logColorsShown() const;
  void setContoursShown(bool shown);
  bool contoursShown() const;
  void setEqualAspect(bool on);
  bool equalAspect() const { return m_equalAspect; }
  void setLegendPlacement(LegendPlacement placement);
  LegendPlacement legendPlacement() const { return m_legendPlacement; }
  // A small legend: a smaller font and shorter line samples.
  void setLegendSmall(bool small);
  bool legendSmall() const { return m_legendSmall; }

  // ---- what is on screen, for tests and diagnostics
  const LandscapeEvaluator& evaluator() const { return *m_evaluator; }
  LandscapeEvaluator& evaluator() { return *m_evaluator; }
  std::shared_ptr<const LandscapeResult> shownLandscape() const;
  std::size_t drawnPathPoints(RunId id) const;
  // The points drawn for a run's path, in function coordinates, oldest first.
  const std::vector<Eigen::Vector2d>& drawnPath(RunId id) const;
  // "diverged at step N" at the end of a diverged run's path (hidden otherwise).
  QCPItemText* divergenceLabel(RunId id) const;
  QString hoverText() const { return m_hoverText; }
  // Shows the hover tooltip for a pixel of the plot, as a mouse move there would.
  void hoverAt(QPointF pixel);

 signals:
  void landscapeShown();  // a heatmap (coarse or fine) reached the screen
  void equalAspectChanged(bool on);
  void legendChanged();
  void hoverTextChanged(const QString& text);
  // "Export this plot…" was chosen in the plot's context menu.
  void figureExportRequested();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Hover {
    ReplayKey key;
    QPointF pixel;
  };
  struct GenerationConfig {
    long long generation = -1;
    std::shared_ptr<const RunConfig> config;
  };

  void buildPlot();
  void onSceneChanged();
  void onRunsChanged();
  void onUpdated();
  void onViewChanged();
  void onLayout();
  GridSize fineGridSize() const;
  void onLandscapeShown(bool logColors, bool spansDecades);
  void onReplayed(const ReplayKey& key);
  void showHover(const ReplayKey& key, QPointF pixel);
  void requestLandscape(bool now);
  void showContextMenu(const QPoint& position);
  void addOptionsTo(QMenu& menu);
  // Shows the box (x, y), widened to equal aspect when that is on.
  void showBox(const QCPRange& x, const QCPRange& y);
  // The ranges that show the box (x, y) in the axis rect as laid out now.
  std::pair<QCPRange, QCPRange> fittedBox(const QCPRange& x, const QCPRange& y) const;
  // While the plot is drawn for a figure of another size: the box the user asked for, fitted
  // to the figure (the exporter restores the screen's ranges afterwards), and the paths
  // thinned for it; no landscape is asked for.
  void layOutForFigure();
  // Refits the box the user asked for to equal aspect after the widget was resized.
  void keepAspect();
  std::optional<bool> wantedLogColors() const;
  void applyPalette();

  bool handleMousePress(QMouseEvent* event);
  bool handleMouseMove(QMouseEvent* event);
  bool handleMouseRelease(QMouseEvent* event);
  void hideHover();
  void styleLegend();
  bool insidePlotArea(QPointF pixel) const;
  Eigen::Vector2d toCoordinates(QPointF pixel) const;
  void restartAt(const Eigen::Vector2d& start);
  std::shared_ptr<const RunConfig> configFor(RunId id, long long generation) const;

  LandscapeController* m_controller;
  QCustomPlot* m_plot = nullptr;
  QCPLayer* m_pathLayer = nullptr;
  QCPLayer* m_markerLayer = nullptr;
  QCPItemText* m_message = nullptr;
  std::unique_ptr<LandscapeHeatmap> m_heatmap;
  std::unique_ptr<LandscapeMarkers> m_markers;
  std::unique_ptr<TrajectoryPaths> m_paths;
  LandscapeEvaluator* m_evaluator = nullptr;
  HoverStateReplay* m_replay = nullptr;

  std::optional<ObjectiveConfig> m_objectiveConfig;
  std::shared_ptr<const Objective> m_objective;  // a clone the worker reads, never mutated
  ColorScaleMode m_colorMode = ColorScaleMode::Automatic;
  std::optional<bool> m_autoLogColors;  // the function's verdict, once its first grid is in
  bool m_settingRange = false;
  bool m_equalAspect = false;     // the Landscape page switches it on
  int m_aspectRefits = 0;         // refits for label-driven drift since the last fit
  QCPRange m_wantedX, m_wantedY;  // the box last asked for (reset, zoom, pan)
  QSize m_aspectFittedFor;        // the plot's size when that box was fitted
  LegendPlacement m_legendPlacement = LegendPlacement::TopRight;
  bool m_legendSmall = false;
  GridSize m_requestedFine{0, 0};

  std::map<RunId, GenerationConfig> m_generationConfigs;
  std::optional<Hover> m_hover;
  QString m_hoverText;

  // Mouse gesture in progress.
  bool m_pressed = false;
  bool m_pressMoved = false;
  bool m_draggingStart = false;
  QPointF m_pressPixel;
};

}  // namespace optiscope::ui
