#pragma once

#include <QColor>
#include <QImage>
#include <QString>

namespace optiscope::ui {

// View → Simulate colour vision: what a viewer with one kind of colour blindness sees, so a
// teacher can check a slide before a class does. Full dichromacy after Machado, Oliveira and
// Fernandes (2009, severity 1), applied in linear RGB.
enum class ColourVision { Normal, Protanopia, Deuteranopia, Tritanopia };

QString colourVisionName(ColourVision vision);  // "Normal", "Protanopia", ...

QColor simulated(const QColor& color, ColourVision vision);
// Every pixel of `image` (any format; it is converted to ARGB32 first) as `vision` sees it.
void simulate(QImage& image, ColourVision vision);

}  // namespace optiscope::ui
