#include "ui/document.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoCommand>
#include <QUndoStack>
#include <exception>
#include <vector>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "core/util/spec_error.h"
#include "ui/common/page.h"
#include "ui/main_window.h"

namespace optiscope::ui {

namespace {

const QString kRecentKey = QStringLiteral("document/recent");

// Edits closer together than this are one step of the history (a slider dragged, a label
// typed): one undo takes all of them back.
constexpr qint64 kMergeWithinMs = 1000;

// The scene without its playback position: undo and redo restore a scene, whose runs then
// start again from step 0.
Experiment atStart(Experiment experiment) {
  experiment.playback.landscapeSteps = 0;
  experiment.playback.networkEpochs = 0;
  return experiment;
}

// One step back and forth between two scenes.
class SceneChange : public QUndoCommand {
 public:
  SceneChange(Document* document, const Experiment& before, const Experiment& after,
              const QString& text, bool mergeable)
      : QUndoCommand(text),
        m_document(document),
        m_before(atStart(before)),
        m_after(atStart(after)),
        m_mergeable(mergeable) {
    m_since.start();
  }
  void undo() override { m_document->apply(m_before); }
  void redo() override {
    if (m_done) m_document->apply(m_after);
    m_done = true;  // the first redo is the change itself, already made
  }
  int id() const override { return m_mergeable ? 1 : -1; }
  bool mergeWith(const QUndoCommand* other) override {
    if (m_since.elapsed() > kMergeWithinMs) return false;
    m_after = static_cast<const SceneChange*>(other)->m_after;
    m_since.start();
    return true;
  }

 private:
  Document* m_document;
  Experiment m_before, m_after;
  bool m_mergeable;
  bool m_done = false;
  QElapsedTimer m_since;
};

QString fileFilter() {
  return QObject::tr("Optiscope experiments (*%1);;JSON files (*.json);;All files (*)")
      .arg(QString::fromLatin1(kExperimentExtension));
}

}  // namespace

Document::Document(MainWindow* window)
    : QObject(window), m_window(window), m_undo(new QUndoStack(this)) {
  m_ask = [window](const QString& action) {
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The scene has changes that are not saved."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, window);
    box.setInformativeText(tr("Save them before %1?").arg(action));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
      case QMessageBox::Save:
        return Answer::Save;
      case QMessageBox::Discard:
        return Answer::Discard;
      default:
        return Answer::Cancel;
    }
  };
  m_chooseFile = [window](bool save, const QString& suggested) {
    return save ? QFileDialog::getSaveFileName(window, tr("Save experiment"), suggested,
                                               fileFilter())
                : QFileDialog::getOpenFileName(window, tr("Open experiment"), suggested,
                                               fileFilter());
  };
  m_tell = [window](const QString& title, const QString& message) {
    QMessageBox::warning(window, title, message);
  };
  for (Page* page : window->pages())
    connect(page, &Page::sceneEdited, this, &Document::onSceneEdited);
}

void Document::setDialogs(Ask ask, ChooseFile chooseFile, Tell tell) {
  m_ask = std::move(ask);
  m_chooseFile = std::move(chooseFile);
  m_tell = std::move(tell);
}

void Document::setModified(bool modified) {
  if (modified == m_modified) return;
  m_modified = modified;
  emit changed();
}

void Document::setPath(const QString& path) {
  m_path = path;
  emit changed();
}

Experiment Document::capture() const {
  Experiment experiment;
  for (const Page* page : m_window->pages()) page->captureScene(experiment);
  if (const Page* shown = m_window->currentPage()) experiment.page = shown->experimentPage();
  return experiment;
}

void Document::apply(const Experiment& experiment) {
  for (const Page* page : m_window->pages()) page->checkScene(experiment);
  m_applying = true;
  try {
    for (Page* page : m_window->pages()) page->applyScene(experiment);
  } catch (...) {
    m_applying = false;
    throw;
  }
  m_applying = false;
  for (int i = 0; i < m_window->pages().size(); ++i)
    if (m_window->pages()[i]->experimentPage() == experiment.page) m_window->showPage(i);
  m_lastScene = capture();
}

void Document::resetHistory() {
  m_undo->clear();
  m_lastScene = capture();
}

void Document::restoreState(const QString& path, bool modified) {
  m_path = path;
  m_modified = modified;
  resetHistory();
  emit changed();
}

void Document::onSceneEdited() {
  if (m_applying) return;
  setModified(true);
  Experiment now = capture();
  if (m_lastScene && !(now == *m_lastScene))
    m_undo->push(new SceneChange(this, *m_lastScene, now, tr("change the scene"), true));
  m_lastScene = std::move(now);
}

bool Document::maybeSave(const QString& action) {
  if (!m_modified) return true;
  switch (m_ask(action)) {
    case Answer::Save:
      return save();
    case Answer::Discard:
      return true;
    case Answer::Cancel:
      break;
  }
  return false;
}

bool Document::newScene() {
  if (!maybeSave(tr("starting a new scene"))) return false;
  const std::optional<Experiment> before = m_lastScene;
  apply(defaultExperiment());
  setPath({});
  setModified(false);
  if (before) m_undo->push(new SceneChange(this, *before, *m_lastScene, tr("new scene"), false));
  return true;
}

bool Document::open(const QString& chosen) {
  QString path = chosen;
  if (path.isEmpty()) {
    path = m_chooseFile(false, m_path.isEmpty() ? QStandardPaths::writableLocation(
                                                      QStandardPaths::DocumentsLocation)
                                                : QFileInfo(m_path).path());
    if (path.isEmpty()) return false;
  }
  Experiment experiment;
  try {
    // Read before asking: a file that cannot be opened changes nothing, unsaved or not.
    experiment = readExperimentFile(path.toStdString());
  } catch (const SpecError& error) {
    m_tell(tr("Open experiment"), QString::fromUtf8(error.what()));
    return false;
  }
  if (!maybeSave(tr("opening %1").arg(QFileInfo(path).fileName()))) return false;
  try {
    apply(experiment);
  } catch (const SpecError& error) {
    m_tell(tr("Open experiment"), QString::fromUtf8(error.what()));
    return false;
  }
  setPath(QFileInfo(path).absoluteFilePath());
  setModified(false);
  resetHistory();
  addRecent(m_path);
  return true;
}

bool Document::save() {
  if (m_path.isEmpty()) return saveAs();
  return writeTo(m_path);
}

bool Document::saveAs() {
  QString suggested = m_path;
  if (suggested.isEmpty())
    suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                QStringLiteral("/scene") + QString::fromLatin1(kExperimentExtension);
  QString path = m_chooseFile(true, suggested);
  if (path.isEmpty()) return false;
  if (!path.endsWith(QStringLiteral(".json"))) path += QString::fromLatin1(kExperimentExtension);
  if (!writeTo(path)) return false;
  setPath(QFileInfo(path).absoluteFilePath());
  addRecent(m_path);
  return true;
}

bool Document::writeTo(const QString& path) {
  try {
    writeExperimentFile(path.toStdString(), capture());
  } catch (const std::exception& error) {
    m_tell(tr("Save experiment"), QString::fromUtf8(error.what()));
    return false;
  }
  setModified(false);
  return true;
}

QStringList Document::recentFiles() const { return QSettings().value(kRecentKey).toStringList(); }

void Document::addRecent(const QString& path) {
  QStringList recent = recentFiles();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecentFiles) recent.removeLast();
  QSettings().setValue(kRecentKey, recent);
  emit recentFilesChanged();
}

}  // namespace optiscope::ui
