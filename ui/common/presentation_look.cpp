#include "ui/common/presentation_look.h"

#include "ui/common/run_palette.h"

namespace optiscope::ui {
namespace {

PresentationLook& look() {
  static PresentationLook current;
  return current;
}

}  // namespace

const PresentationLook& presentationLook() { return look(); }

void setPresentationLook(const PresentationLook& value) { look() = value; }

double scaledWidth(double width) { return width * look().lineScale; }

QColor lineColorOn(const QColor& color, const QColor& background) {
  if (!look().presenting) return color;
  return withContrast(color, background, kProjectorLineContrast);
}

}  // namespace optiscope::ui
