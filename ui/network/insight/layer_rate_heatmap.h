#pragma once

#include <qcustomplot.h>

#include <Eigen/Core>
#include <QString>
#include <vector>

#include "core/nn/mlp_layout.h"

namespace optiscope::ui {

// η_eff of every weight of a network, one heatmap per layer side by side: rows are the layer's
// neurons, columns its inputs plus a last column for the bias. η_eff ranges over decades
// (Adam and AdaGrad give each weight its own rate), so colors are logarithmic, on one color
// scale shared by all layers so that layers can be compared. Hovering a cell names the weight
// and its rate. NaN (before the first update) shows in gray as "no update yet".
class LayerRateHeatmap : public QCustomPlot {
  Q_OBJECT
 public:
  explicit LayerRateHeatmap(QWidget* parent = nullptr);

  // The rates of the last update in the flat parameter layout of `layers`; a changed layout
  // rebuilds the maps, otherwise only their cells change.
  void setRates(const std::vector<LayerView>& layers, const Eigen::VectorXd& effectiveLr);
  void clearRates();

  int layerCount() const { return static_cast<int>(m_maps.size()); }
  int cellCount() const;
  QCPColorMap* layerMap(int layer) const { return m_maps[static_cast<std::size_t>(layer)]; }
  QCPColorScale* colorScale() const { return m_scale; }
  // The color a cell is painted with (row = neuron, column = input; column == inputs: bias).
  QColor cellColor(int layer, int row, int column) const;
  // "layer 2, weight 3←5: η_eff = 1.2e-03", "layer 1, bias 4: no update yet" (1-based).
  QString cellToolTip(int layer, int row, int column) const;
  // The cell under a widget position as {layer, row, column}, or layer −1 for none.
  struct Cell {
    int layer = -1, row = -1, column = -1;
  };
  Cell cellAt(const QPointF& position) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void styleForPalette();
  void rebuild(const std::vector<LayerView>& layers);
  void fillCells(const Eigen::VectorXd& effectiveLr);
  void showToolTip(QMouseEvent* event);
  double rateOf(int layer, int row, int column) const;

  std::vector<LayerView> m_layers;
  std::vector<QCPColorMap*> m_maps;
  std::vector<QCPAxisRect*> m_rects;
  QCPColorScale* m_scale = nullptr;
  QCPLayoutGrid* m_row = nullptr;
  Eigen::VectorXd m_rates;
};

}  // namespace optiscope::ui
