#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QRect>
#include <QString>

class QAction;
class QLabel;
class QToolBar;

namespace optiscope::ui {

class MainWindow;

// View → Presentation (F5; Esc leaves): the window made for a room and a projector. Full screen;
// every font larger by fontScale() (adjustable while presenting); thicker lines and larger
// markers; the projector theme (theme.h: black on white, every run line at >= 3:1); each page's
// side panels folded to what a presenter needs; a caption strip under the page, which lessons
// fill. Leaving restores the window as it was: geometry, docks, fonts and theme. Nothing of it
// is saved as the user's theme or layout.
class PresentationMode : public QObject {
  Q_OBJECT
 public:
  static constexpr double kDefaultFontScale = 1.6;
  static constexpr double kMinFontScale = 1.0;
  static constexpr double kMaxFontScale = 3.0;
  static constexpr double kFontScaleStep = 0.1;
  static constexpr double kLineScale = 1.8;

  explicit PresentationMode(MainWindow& window);

  bool isOn() const { return m_on; }
  void enter();
  void leave();
  void setOn(bool on) { on ? enter() : leave(); }

  double fontScale() const { return m_fontScale; }
  // Clamped to [kMinFontScale, kMaxFontScale]; applied at once while presenting.
  void setFontScale(double scale);

  // The caption strip's text; empty shows the page's title and what it is about.
  void setCaption(const QString& caption);
  QString caption() const { return m_caption; }
  QLabel* captionLabel() const { return m_captionLabel; }
  QToolBar* captionStrip() const { return m_captionStrip; }

  // The View menu's actions: Presentation (F5, checkable), Larger text, Smaller text; and the
  // window's Esc, which only acts while presenting.
  QAction* toggleAction() const { return m_toggle; }
  QAction* largerTextAction() const { return m_larger; }
  QAction* smallerTextAction() const { return m_smaller; }
  QAction* leaveAction() const { return m_leave; }

 signals:
  void toggled(bool on);

 private:
  void applyFont();
  void showCaption();
  void foldShownPage();

  MainWindow& m_window;
  bool m_on = false;
  double m_fontScale = kDefaultFontScale;
  QString m_caption;
  QToolBar* m_captionStrip = nullptr;
  QLabel* m_captionLabel = nullptr;
  QAction* m_toggle = nullptr;
  QAction* m_leave = nullptr;
  QAction* m_larger = nullptr;
  QAction* m_smaller = nullptr;

  // What leave() gives back.
  QFont m_savedFont;
  QRect m_savedGeometry;
  QByteArray m_savedLayout;
  Qt::WindowStates m_savedStates;
};

}  // namespace optiscope::ui
