#pragma once

#include <QObject>
#include <QPalette>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/landscape/landscape_result.h"
#include "ui/background/gui_job.h"
#include "ui/background/heatmap_image.h"

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;

namespace optiscope::ui {

class LandscapeContourLayer;

// The landscape's picture: a color map of f with its color scale (sharing the axis rect's
// vertical margins) and the contour lines, always from the same result so that lines and
// colors agree.
class LandscapeHeatmap : public QObject {
  Q_OBJECT
 public:
  LandscapeHeatmap(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer);
  ~LandscapeHeatmap() override;

  // Converts `result` off the GUI thread and shows it when ready, unless a later call
  // superseded it. `logColors` nullopt: the grid decides.
  void show(std::shared_ptr<const LandscapeResult> result, std::optional<bool> logColors);
  // Shows nothing until the next show() (another function is coming).
  void clear();
  // Whether the contour lines are drawn (with every result shown from now on).
  void setContoursShown(bool shown);
  bool contoursShown() const { return m_contoursShown; }
  void applyPalette(const QPalette& palette);

  std::shared_ptr<const LandscapeResult> shownResult() const { return m_shown; }
  bool logColorsShown() const { return m_logColors; }
  QCPColorMap* colorMap() const { return m_colorMap; }
  QCPColorScale* colorScale() const { return m_colorScale; }
  const LandscapeContourLayer* contours() const { return m_contours; }

 signals:
  // A result is on screen; `spansDecades` is its grid's verdict on the color scale.
  void shown(bool logColors, bool spansDecades);

 private:
  void apply(const std::shared_ptr<const HeatmapImage>& image);

  QCustomPlot* m_plot;
  QCPColorMap* m_colorMap;
  QCPColorScale* m_colorScale;
  LandscapeContourLayer* m_contours;
  std::shared_ptr<const LandscapeResult> m_shown;
  bool m_logColors = false;
  bool m_contoursShown = true;
  std::unique_ptr<GuiJob<HeatmapImage>> m_conversion;  // last: joined before the rest goes
};

}  // namespace optiscope::ui
