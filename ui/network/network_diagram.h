#pragma once

#include <QImage>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "core/nn/mlp_layout.h"

class QLabel;

namespace optiscope::ui {

struct DecisionMaps;

// The network as TensorFlow Playground draws it: a column of input features, one column per
// hidden layer and the output, every neuron a box showing its output over the input plane
// (a thumbnail heatmap), every connection a curve whose color is the weight's sign (blue +,
// orange −) and whose width is its magnitude. Hovering a box shows its thumbnail enlarged.
class NetworkDiagram : public QWidget {
  Q_OBJECT
 public:
  explicit NetworkDiagram(QWidget* parent = nullptr);

  // A node: column 0 = inputs, 1..hidden = hidden layers, hidden+1 = output.
  struct Node {
    int column = 0;
    int index = 0;
    bool operator==(const Node&) const = default;
  };

  void setNetwork(const MlpShape& shape, const QStringList& featureLabels);
  void setParams(const Eigen::VectorXd& params);  // of the selected run; empty: none yet
  void setMaps(std::shared_ptr<const DecisionMaps> maps);

  const MlpShape& shape() const { return m_shape; }
  int columnCount() const { return static_cast<int>(m_shape.hidden.size()) + 2; }
  int nodeCount(int column) const;
  QRectF nodeRect(const Node& node) const;
  std::optional<Node> nodeAt(const QPointF& position) const;
  std::optional<Node> hoveredNode() const { return m_hovered; }
  QLabel* zoom() const { return m_zoom; }  // the enlarged thumbnail (visible while hovering)
  // Line width of a connection of weight w (exposed for tests: monotone in |w|).
  static double connectionWidth(double weight);

  QSize sizeHint() const override { return QSize(560, 300); }
  QSize minimumSizeHint() const override { return QSize(220, 120); }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  QImage thumbnail(const Node& node) const;
  QString nodeTitle(const Node& node) const;
  double nodeSide() const;
  double columnX(int column) const;
  void drawConnections(QPainter& painter) const;
  void drawNodes(QPainter& painter) const;
  void showZoom(std::optional<Node> node);

  MlpShape m_shape;
  QStringList m_features;
  std::vector<LayerView> m_layers;
  Eigen::VectorXd m_params;
  std::shared_ptr<const DecisionMaps> m_maps;
  std::optional<Node> m_hovered;
  QLabel* m_zoom;
};

}  // namespace optiscope::ui
