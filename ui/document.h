#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "core/experiment/experiment.h"

class QUndoStack;

namespace optiscope::ui {

class MainWindow;

// The window's scene as a document: the experiment file it came from or was saved to, whether
// it changed since, the recent files, and the File menu's commands. A scene with unsaved
// changes is never replaced (New, Open, a dropped file) or closed without the Save / Discard /
// Cancel question; a file is written atomically, and a bad one is refused with a message that
// names its JSON path while the scene stays. Scene-level changes (runs added, removed or
// reconfigured, another function, start or data, New, Open) go on an undo stack.
class Document : public QObject {
  Q_OBJECT
 public:
  enum class Answer { Save, Discard, Cancel };
  // Asks whether to save the changes before `action` ("opening x", "closing") replaces them.
  using Ask = std::function<Answer(const QString& action)>;
  // Asks for a file to open (save = false) or to save to (save = true); empty: cancelled.
  using ChooseFile = std::function<QString(bool save, const QString& suggested)>;
  // Shows a problem to the user (a file that cannot be read or written).
  using Tell = std::function<void(const QString& title, const QString& message)>;

  explicit Document(MainWindow* window);

  // Dialogs are the window's by default; tests answer them instead.
  void setDialogs(Ask ask, ChooseFile chooseFile, Tell tell);

  QString path() const { return m_path; }
  bool isModified() const { return m_modified; }
  void setModified(bool modified);
  // The scene of every page, and the page on screen.
  Experiment capture() const;
  // Shows `experiment` on every page (each page's default scene where it has none) and its
  // page; every page is checked first, so a SpecError leaves every page as it was.
  void apply(const Experiment& experiment);

  // ---- the File menu. Each returns whether it was done (false: cancelled, or refused with a
  // message shown).
  bool newScene();
  bool open(const QString& path = {});
  bool save();
  bool saveAs();
  // Before the scene goes away: nothing to save, or saved, or discarded (true); cancelled or
  // not saved (false).
  bool maybeSave(const QString& action);

  QStringList recentFiles() const;
  QUndoStack* undoStack() const { return m_undo; }
  // Forgets what was done so far (a scene just opened, restored, or made new).
  void resetHistory();
  // The file and modified state a restored session had (the scene is already shown).
  void restoreState(const QString& path, bool modified);

  static constexpr int kMaxRecentFiles = 8;

 signals:
  void changed();  // path or modified state
  void recentFilesChanged();

 private:
  bool writeTo(const QString& path);
  void setPath(const QString& path);
  void addRecent(const QString& path);
  void onSceneEdited();

  MainWindow* m_window;
  QString m_path;
  bool m_modified = false;
  QUndoStack* m_undo;
  // The scene as it was after the last change: what an undo of the next change goes back to.
  std::optional<Experiment> m_lastScene;
  bool m_applying = false;
  Ask m_ask;
  ChooseFile m_chooseFile;
  Tell m_tell;
};

}  // namespace optiscope::ui
