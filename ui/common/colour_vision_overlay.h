#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>

#include "ui/common/colour_vision.h"

namespace optiscope::ui {

// Lies over a whole window and shows it as `vision` sees it: a few times a second it renders
// the window beneath (not itself) into an image, recolors that and paints it. Mouse and
// keyboard pass through to the window, which goes on working as usual under it. (A
// QGraphicsEffect would be the natural tool, but on X11 Qt paints a widget's children straight
// to the window past their parent's effect.)
class ColourVisionOverlay : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kRefreshMs = 100;

  ColourVisionOverlay(ColourVision vision, QWidget* window);
  ColourVision vision() const { return m_vision; }
  // The last recolored frame (empty before the first).
  const QImage& frame() const { return m_frame; }
  // Renders and recolors the window now (the timer does it every kRefreshMs).
  void refresh();

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  ColourVision m_vision;
  QWidget* m_window;
  QImage m_frame;
  QTimer m_timer;
  bool m_rendering = false;
};

}  // namespace optiscope::ui
