#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QSettings;

namespace optiscope::ui {

class MainWindow;

// What Optiscope remembers between launches. The window (geometry, when it still fits on a
// screen; dock layout; theme; the page on screen; each page's view preferences) and the document
// (its file and whether it had unsaved changes) go into QSettings; the scene of both pages,
// with playback speed and position, goes into an experiment file in the application's data
// folder, autosaved a few seconds after every change so that a crash loses no more than that.
// Nothing here can stop the start-up: what cannot be read falls back to its default.
class WindowSession : public QObject {
  Q_OBJECT
 public:
  static constexpr int kAutosaveDelayMs = 3000;

  // `scenePath` empty: session.optiscope.json in the application's data folder.
  WindowSession(MainWindow& window, QSettings& settings, QString scenePath = {});

  // Restores everything. Returns a message to show the user once when the saved scene could
  // not be read: the damaged file is then kept beside it (session.damaged-<time>.optiscope.json)
  // and both pages show their default scenes. Empty when all went well.
  QString restore();
  // Saves everything now (the autosave does the scene a few seconds after each change).
  void save();
  void saveScene();
  QString scenePath() const { return m_scenePath; }

 private:
  void restoreGeometryOnScreen();

  MainWindow& m_window;
  QSettings& m_settings;
  QString m_scenePath;
  QTimer m_autosave;
};

}  // namespace optiscope::ui
