#pragma once

#include <QColor>
#include <QEvent>

namespace optiscope::ui {

// How strongly the views draw: as on a desktop, or for a projector (presentation_mode.h), where
// thin lines and faint colors vanish. Views read it when they style themselves, which they do on
// every palette change; the presentation changes the palette as it switches, so they all follow.
struct PresentationLook {
  bool presenting = false;
  double lineScale = 1.0;  // pens and markers
};

const PresentationLook& presentationLook();
void setPresentationLook(const PresentationLook& look);

// Whether a widget should style itself again: its palette or its font changed (the
// presentation changes both, and the font alone when the presenter makes text larger).
inline bool isLookChange(const QEvent& event) {
  return event.type() == QEvent::PaletteChange || event.type() == QEvent::FontChange;
}

// `width` as the look draws it.
double scaledWidth(double width);
// A run's line color on `background`: as it is on the desktop; while presenting, darkened (on a
// light background) until its contrast is at least kProjectorLineContrast, so a yellow curve
// still shows on a washed-out projector.
QColor lineColorOn(const QColor& color, const QColor& background);
constexpr double kProjectorLineContrast = 3.0;
// While presenting, axis labels are never set smaller than this (pixels), whatever the desktop
// font: a room reads numbers from meters away.
constexpr int kPresentedAxisTextPixels = 21;

}  // namespace optiscope::ui
