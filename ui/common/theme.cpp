#include "ui/common/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace optiscope::ui {
namespace {

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
  const QColor disabledText(0x80, 0x80, 0x80), highlight(0x3d, 0x7a, 0xd6);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window.lighter(115));
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, disabledText);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Light, window.lighter(150));
  p.setColor(QPalette::Midlight, window.lighter(125));
  p.setColor(QPalette::Mid, window.darker(120));
  p.setColor(QPalette::Dark, window.darker(150));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, highlight.lighter(130));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabledText);
  return p;
}

}  // namespace

QPalette projectorPalette() {
  QPalette p;
  // Black on white is 21:1; the grays still give 7:1 (disabled text 4.6:1), well above the
  // 4.5:1 that text needs on a projector's washed-out image.
  const QColor white(Qt::white), black(Qt::black), frame(0xf2, 0xf2, 0xf2);
  const QColor mid(0x59, 0x59, 0x59), disabledText(0x76, 0x76, 0x76), highlight(0x00, 0x4d, 0xa6);
  p.setColor(QPalette::Window, white);
  p.setColor(QPalette::WindowText, black);
  p.setColor(QPalette::Base, white);
  p.setColor(QPalette::AlternateBase, frame);
  p.setColor(QPalette::ToolTipBase, white);
  p.setColor(QPalette::ToolTipText, black);
  p.setColor(QPalette::PlaceholderText, mid);
  p.setColor(QPalette::Text, black);
  p.setColor(QPalette::Button, frame);
  p.setColor(QPalette::ButtonText, black);
  p.setColor(QPalette::BrightText, QColor(0xb0, 0x00, 0x00));
  p.setColor(QPalette::Light, white);
  p.setColor(QPalette::Midlight, frame);
  p.setColor(QPalette::Mid, mid);
  p.setColor(QPalette::Dark, mid);
  p.setColor(QPalette::Shadow, black);
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, white);
  p.setColor(QPalette::Link, highlight);
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabledText);
  return p;
}

namespace {

const QString& systemStyleName() {
  // Captured before the first forced theme replaces the style.
  static const QString name = QApplication::style()->name();
  return name;
}

}  // namespace

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

void applyTheme(Theme theme) {
  const QString original = systemStyleName();
  switch (theme) {
    case Theme::System:
      if (QApplication::style()->name() != original) QApplication::setStyle(original);
      // A palette that sets nothing resolves entirely against the platform's, so it keeps
      // following the desktop's changes.
      QApplication::setPalette(QPalette());
      return;
    case Theme::Light: {
      QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
      QApplication::setPalette(QApplication::style()->standardPalette());
      return;
    }
    case Theme::Dark:
      QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
      QApplication::setPalette(darkPalette());
      return;
    case Theme::Projector:
      QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
      QApplication::setPalette(projectorPalette());
      return;
  }
}

QString themeName(Theme theme) {
  switch (theme) {
    case Theme::Light:
      return QStringLiteral("light");
    case Theme::Dark:
      return QStringLiteral("dark");
    case Theme::Projector:
      return QStringLiteral("projector");
    default:
      return QStringLiteral("system");
  }
}

Theme themeFromName(const QString& name) {
  if (name == QStringLiteral("light")) return Theme::Light;
  if (name == QStringLiteral("dark")) return Theme::Dark;
  return Theme::System;
}

}  // namespace optiscope::ui
