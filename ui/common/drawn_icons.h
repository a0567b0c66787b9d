#pragma once

#include <QColor>
#include <QIcon>

namespace optiscope::ui {

// Small icons drawn at run time, so they need no font glyph or icon theme on the user's
// desktop and follow the palette's text color.
QIcon colorSwatchIcon(const QColor& fill, const QColor& outline);
QIcon duplicateIcon(const QColor& pen);
QIcon removeIcon(const QColor& pen);
QIcon renameIcon(const QColor& pen);  // a pencil
QIcon playIcon(const QColor& fill);
QIcon pauseIcon(const QColor& fill);
QIcon stepIcon(const QColor& fill);
QIcon resetIcon(const QColor& pen);

}  // namespace optiscope::ui
