#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>
#include <memory>

#include "core/engine/engine_types.h"
#include "core/nn/decision_grid.h"

namespace optiscope {
struct DataSplit;
}

namespace optiscope::ui {

// One run's decision boundary (or regression surface) as a square picture of the box, with the
// training points on top (white rims) and, on request, the test points (dark rims). With a
// frame color and label it is one of the page's small multiples; a click selects its run.
class DecisionMapView : public QWidget {
  Q_OBJECT
 public:
  explicit DecisionMapView(QWidget* parent = nullptr);

  void setRun(RunId id, const QString& label, const QColor& color);
  RunId runId() const { return m_run; }
  void setFramed(bool framed);  // small multiples: run-colored frame and label
  void setSelected(bool selected);
  void setData(std::shared_ptr<const DataSplit> data, const GridBox& box);
  void setImage(const QImage& image, long long step);
  void setShowTestPoints(bool show);
  // The line under the picture, longest form first ("test acc 0.970", "acc 0.970", "0.970"):
  // the longest that fits the picture's width is shown, whole; the first is the tooltip.
  void setCaption(const QStringList& forms);
  QString caption() const { return m_caption.value(0); }
  QString shownCaption() const;
  bool showsTestPoints() const { return m_showTest; }
  bool hasImage() const { return !m_image.isNull(); }
  long long imageStep() const { return m_step; }
  // The square the picture occupies, in widget coordinates.
  QRectF pictureRect() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;

 signals:
  void clicked(RunId id);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  QPointF toWidget(double x1, double x2) const;
  void drawPoints(QPainter& painter, bool test) const;
  int captionHeight() const;

  RunId m_run = 0;
  QString m_label;
  QStringList m_caption;
  QColor m_color;
  bool m_framed = false;
  bool m_selected = false;
  bool m_showTest = false;
  std::shared_ptr<const DataSplit> m_data;
  GridBox m_box;
  QImage m_image;
  long long m_step = -1;
};

}  // namespace optiscope::ui
