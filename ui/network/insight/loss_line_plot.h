#pragma once

#include <qcustomplot.h>

#include <memory>

#include "core/nn/loss_slice.h"

namespace optiscope::ui {

// The training loss along the straight line from a run's initial network (t = 0) to its
// current one (t = 1), continued a little beyond both: whether the path the optimizer took
// crossed a barrier, and whether the current network sits at the bottom of a valley.
class LossLinePlot : public QCustomPlot {
  Q_OBJECT
 public:
  explicit LossLinePlot(QWidget* parent = nullptr);

  void setLine(std::shared_ptr<const LossLine> line, const QColor& color);
  void clearLine();
  std::shared_ptr<const LossLine> line() const { return m_line; }
  QCPGraph* graph() const { return m_graph; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void styleForPalette();

  QCPGraph* m_graph;
  QCPItemStraightLine* m_start;
  QCPItemStraightLine* m_end;
  QCPItemText* m_startLabel;
  QCPItemText* m_endLabel;
  std::shared_ptr<const LossLine> m_line;
};

}  // namespace optiscope::ui
