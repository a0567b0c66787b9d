#pragma once

#include <QPalette>
#include <QString>

namespace optiscope::ui {

// Light and dark looks. `System` follows the desktop: Qt 6.4 has no QStyleHints::colorScheme
// (it came in 6.5), so whether the system look is dark is read from the palette's window
// lightness, and views restyle themselves on every palette change.
// `Projector` is the presentation's own (presentation_mode.h), never a saved choice: a white
// page with black text and strong grays, since a projector washes out every light tint.
enum class Theme { System, Light, Dark, Projector };

bool isDark(const QPalette& palette);
QPalette projectorPalette();
// Applies a theme to the whole application (Fusion with a light or dark palette when forced).
void applyTheme(Theme theme);
QString themeName(Theme theme);            // "system", "light", "dark"
Theme themeFromName(const QString& name);  // unknown names: System

}  // namespace optiscope::ui
