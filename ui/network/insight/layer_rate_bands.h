#pragma once

#include <qcustomplot.h>

#include <QColor>
#include <vector>

#include "core/engine/epoch_record.h"

namespace optiscope::ui {

// How the spread of η_eff inside each layer evolves over the epochs of one run: one small plot
// per layer (side by side, one shared log y axis range so layers compare at a glance), each
// with the min–max band, the 10–90 % band and the median line. A widening band is an adaptive
// optimizer giving the weights of one layer rates decades apart.
class LayerRateBands : public QCustomPlot {
  Q_OBJECT
 public:
  explicit LayerRateBands(QWidget* parent = nullptr);

  // Redraws from the run's records (their layerRates; bands that are NaN, as at epoch 0, are
  // left out), in `color` (the run's color).
  void setHistory(const EpochHistory& history, const QColor& color);
  void clearHistory();

  int layerCount() const { return static_cast<int>(m_layers.size()); }
  // The five series of a layer: min, p10, median, p90, max.
  std::vector<QCPGraph*> graphsOfLayer(int layer) const;
  QCPAxisRect* layerRect(int layer) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct LayerPlot {
    QCPAxisRect* rect = nullptr;
    QCPGraph *min = nullptr, *p10 = nullptr, *median = nullptr, *p90 = nullptr, *max = nullptr;
  };
  void setLayerCount(int count);
  void paint(const QColor& color);

  std::vector<LayerPlot> m_layers;
  QCPLayoutGrid* m_row = nullptr;
  QColor m_color;
};

}  // namespace optiscope::ui
