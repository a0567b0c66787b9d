#include "ui/common/run_palette.h"

#include <array>

namespace optiscope::ui {

QColor runColor(int index) {
  static const std::array<QColor, 8> palette = {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                                QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                                QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2),
                                                QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
  return palette[static_cast<size_t>(index) % palette.size()];
}

}  // namespace optiscope::ui
