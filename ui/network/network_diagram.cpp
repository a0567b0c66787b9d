#include "ui/network/network_diagram.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "ui/network/decision_map_job.h"
#include "ui/network/network_colors.h"

namespace optiscope::ui {
namespace {

constexpr double kLeftMargin = 64.0;  // room for the feature names
constexpr double kRightMargin = 16.0;
constexpr double kTopMargin = 22.0;  // room for the column titles
constexpr int kZoomSide = 180;

}  // namespace

NetworkDiagram::NetworkDiagram(QWidget* parent) : QWidget(parent), m_zoom(new QLabel(this)) {
  setMouseTracking(true);
  m_zoom->setObjectName(QStringLiteral("neuronZoom"));
  m_zoom->setFrameShape(QFrame::Box);
  m_zoom->setAlignment(Qt::AlignCenter);
  m_zoom->setAutoFillBackground(true);
  m_zoom->setAttribute(Qt::WA_TransparentForMouseEvents);
  m_zoom->hide();
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void NetworkDiagram::setNetwork(const MlpShape& shape, const QStringList& featureLabels) {
  m_shape = shape;
  m_features = featureLabels;
  m_layers = layerViews(shape);
  m_params.resize(0);
  showZoom(std::nullopt);
  update();
}

void NetworkDiagram::setParams(const Eigen::VectorXd& params) {
  m_params = params;
  update();
}

void NetworkDiagram::setMaps(std::shared_ptr<const DecisionMaps> maps) {
  m_maps = std::move(maps);
  if (m_hovered) showZoom(m_hovered);
  update();
}

int NetworkDiagram::nodeCount(int column) const {
  if (column == 0) return m_shape.inputs;
  if (column <= static_cast<int>(m_shape.hidden.size())) return m_shape.hidden[column - 1];
  return 1;  // the output is drawn as one box (its map), whatever the logit count
}

double NetworkDiagram::connectionWidth(double weight) {
  return 0.4 + 5.6 * std::min(std::abs(weight), 3.0) / 3.0;
}

double NetworkDiagram::nodeSide() const {
  int most = 1;
  for (int c = 0; c < columnCount(); ++c) most = std::max(most, nodeCount(c));
  const double byHeight = (height() - kTopMargin - 8.0) / (most * 1.25);
  const double byWidth = (width() - kLeftMargin - kRightMargin) / (columnCount() * 2.2);
  return std::clamp(std::min(byHeight, byWidth), 8.0, 40.0);
}

double NetworkDiagram::columnX(int column) const {
  const double usable = width() - kLeftMargin - kRightMargin;
  return kLeftMargin + (column + 0.5) * usable / columnCount();
}

QRectF NetworkDiagram::nodeRect(const Node& node) const {
  const double side = nodeSide();
  const int count = nodeCount(node.column);
  // The output box is drawn larger: it is the network's answer.
  const bool output = node.column == columnCount() - 1;
  const double own = output ? std::min(2.0 * side, 80.0) : side;
  const double pitch = side * 1.25;
  const double top = kTopMargin + (height() - kTopMargin - count * pitch) / 2.0;
  const double centerY =
      output ? kTopMargin + (height() - kTopMargin) / 2.0 : top + (node.index + 0.5) * pitch;
  return QRectF(columnX(node.column) - own / 2.0, centerY - own / 2.0, own, own);
}

std::optional<NetworkDiagram::Node> NetworkDiagram::nodeAt(const QPointF& position) const {
  for (int c = 0; c < columnCount(); ++c)
    for (int i = 0; i < nodeCount(c); ++i)
      if (nodeRect({c, i}).contains(position)) return Node{c, i};
  return std::nullopt;
}

QImage NetworkDiagram::thumbnail(const Node& node) const {
  if (!m_maps) return {};
  if (node.column == 0)
    return node.index < static_cast<int>(m_maps->features.size()) ? m_maps->features[node.index]
                                                                  : QImage();
  const int hidden = node.column - 1;
  if (hidden < static_cast<int>(m_maps->neurons.size())) {
    const auto& layer = m_maps->neurons[hidden];
    return node.index < static_cast<int>(layer.size()) ? layer[node.index] : QImage();
  }
  const DecisionMaps::RunMap* run = m_maps->find(m_maps->selected);
  return run ? run->image : QImage();
}

QString NetworkDiagram::nodeTitle(const Node& node) const {
  if (node.column == 0)
    return node.index < m_features.size() ? QStringLiteral("input %1").arg(m_features[node.index])
                                          : QString();
  if (node.column == columnCount() - 1) return QStringLiteral("output");
  return QStringLiteral("layer %1, neuron %2").arg(node.column).arg(node.index + 1);
}

void NetworkDiagram::drawConnections(QPainter& painter) const {
  if (m_params.size() != (m_layers.empty() ? 0 : m_layers.back().end())) return;
  for (size_t l = 0; l < m_layers.size(); ++l) {
    const LayerView& layer = m_layers[l];
    const auto weights = weightsOf(m_params, layer);
    const int from = static_cast<int>(l), to = static_cast<int>(l) + 1;
    for (Eigen::Index j = 0; j < layer.outputs; ++j) {
      // Softmax outputs all end at the one output box.
      const int target = to == columnCount() - 1 ? 0 : static_cast<int>(j);
      const QRectF end = nodeRect({to, target});
      for (Eigen::Index i = 0; i < layer.inputs; ++i) {
        const double w = weights(j, i);
        if (!std::isfinite(w)) continue;
        const QRectF start = nodeRect({from, static_cast<int>(i)});
        const QPointF a(start.right(), start.center().y()), b(end.left(), end.center().y());
        const double bend = (b.x() - a.x()) / 2.0;
        QPainterPath path(a);
        path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b);
        QColor color = w >= 0 ? positiveColor() : negativeColor();
        color.setAlphaF(std::clamp(0.25 + std::abs(w) / 2.0, 0.25, 0.9));
        painter.setPen(QPen(color, connectionWidth(w)));
        painter.drawPath(path);
      }
    }
  }
}

void NetworkDiagram::drawNodes(QPainter& painter) const {
  const QColor ink = palette().color(QPalette::WindowText);
  painter.setPen(ink);
  const auto title = [this](int c, bool full) {
    if (c == 0)
      return full ? QStringLiteral("%1 features").arg(nodeCount(0))
                  : QStringLiteral("%1 in").arg(nodeCount(0));
    if (c == columnCount() - 1) return full ? QStringLiteral("output") : QStringLiteral("out");
    return full ? QStringLiteral("%1 neuron%2").arg(nodeCount(c)).arg(nodeCount(c) == 1 ? "" : "s")
                : QString::number(nodeCount(c));
  };
  // Column titles in full where they stand apart ("8 neurons"), else the short forms ("8").
  const double spacing = columnCount() > 1 ? columnX(1) - columnX(0) : width();
  bool full = true;
  for (int c = 0; c < columnCount(); ++c)
    full = full && painter.fontMetrics().horizontalAdvance(title(c, true)) + 8 <= spacing;
  for (int c = 0; c < columnCount(); ++c) {
    painter.drawText(QRectF(columnX(c) - spacing / 2, 2, spacing, kTopMargin - 4), Qt::AlignCenter,
                     title(c, full));
    for (int i = 0; i < nodeCount(c); ++i) {
      const QRectF rect = nodeRect({c, i});
      const QImage image = thumbnail({c, i});
      if (image.isNull())
        painter.fillRect(rect, palette().color(QPalette::Base));
      else
        painter.drawImage(rect, image);
      const bool hovered = m_hovered && *m_hovered == Node{c, i};
      painter.setPen(QPen(ink, hovered ? 2.0 : 0.8));
      painter.setBrush(Qt::NoBrush);
      painter.drawRect(rect);
      if (c == 0 && i < m_features.size())
        painter.drawText(QRectF(0, rect.top(), rect.left() - 6, rect.height()),
                         Qt::AlignRight | Qt::AlignVCenter, m_features[i]);
    }
  }
}

void NetworkDiagram::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  drawConnections(painter);
  drawNodes(painter);
}

void NetworkDiagram::showZoom(std::optional<Node> node) {
  m_hovered = node;
  const QImage image = node ? thumbnail(*node) : QImage();
  if (!node || image.isNull()) {
    m_zoom->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_zoom->hide();
    return;
  }
  m_zoom->setPixmap(QPixmap::fromImage(
      image.scaled(kZoomSide, kZoomSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)));
  m_zoom->setToolTip(nodeTitle(*node));
  m_zoom->resize(kZoomSide + 4, kZoomSide + 4);
  const QRectF rect = nodeRect(*node);
  // Beside the box, on the side with room, kept inside the diagram.
  double x = rect.right() + 10;
  if (x + m_zoom->width() > width()) x = rect.left() - 10 - m_zoom->width();
  const double y = std::clamp(rect.center().y() - m_zoom->height() / 2.0, 0.0,
                              std::max(0.0, double(height() - m_zoom->height())));
  m_zoom->move(int(std::max(0.0, x)), int(y));
  m_zoom->show();
  m_zoom->raise();
}

void NetworkDiagram::mouseMoveEvent(QMouseEvent* event) {
  const auto node = nodeAt(event->position());
  if (node != m_hovered) {
    showZoom(node);
    setToolTip(node ? nodeTitle(*node) : QString());
    update();
  }
  QWidget::mouseMoveEvent(event);
}

void NetworkDiagram::leaveEvent(QEvent* event) {
  showZoom(std::nullopt);
  update();
  QWidget::leaveEvent(event);
}

void NetworkDiagram::resizeEvent(QResizeEvent* event) {
  showZoom(std::nullopt);
  QWidget::resizeEvent(event);
}

}  // namespace optiscope::ui
