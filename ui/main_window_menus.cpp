// The menu bar of MainWindow: File, View, Run, Help, with shortcuts.
#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

#include "ui/common/animation_export_dialog.h"
#include "ui/common/colour_vision_overlay.h"
#include "ui/common/data_export.h"
#include "ui/common/figure_export_dialog.h"
#include "ui/common/help_dialogs.h"
#include "ui/common/page.h"
#include "ui/common/playback_controls.h"
#include "ui/common/runs_panel.h"
#include "ui/common/theme.h"
#include "ui/common/widget_image.h"
#include "ui/document.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"

namespace optiscope::ui {

namespace {
constexpr long long kRowsWithoutAsking = 2'000'000;
}  // namespace

QKeySequence quitKeys() {
  // The platform's own where it has one; Ctrl+Q where it has none (offscreen, some desktops).
  const QKeySequence standard(QKeySequence::Quit);
  return standard.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : standard;
}

void MainWindow::buildMenus() {
  buildFileMenu();
  buildEditMenu();
  buildViewMenu();
  buildRunMenu();
  buildHelpMenu();
}

QList<QAction*> MainWindow::menuActions() const {
  QList<QAction*> all;
  for (QAction* menu : menuBar()->actions())
    if (menu->menu())
      for (QAction* action : menu->menu()->actions()) {
        if (action->menu())
          all += action->menu()->actions();
        else if (!action->isSeparator() && action->isVisible())
          all += action;
      }
  return all;
}

QList<ShortcutGroup> MainWindow::shortcutGroups() const {
  return {{tr("Playback"), m_playback->actions(), {}},
          {tr("Runs"), m_runActions, {}},
          {tr("View"), m_shown->viewActions(), m_shown->gestures()},
          {tr("Pages"), m_pageActions, {}},
          {tr("Presentation"),
           {m_presentation->toggleAction(), m_presentation->leaveAction(),
            m_presentation->largerTextAction(), m_presentation->smallerTextAction()},
           {}},
          {tr("File"), m_fileActions, {}}};
}

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* fresh = file->addAction(tr("&New"));
  fresh->setShortcut(QKeySequence::New);
  fresh->setToolTip(tr("both pages' default scenes (asks before unsaved changes go)"));
  connect(fresh, &QAction::triggered, m_document, &Document::newScene);
  QAction* open = file->addAction(tr("&Open…"));
  open->setShortcut(QKeySequence::Open);
  connect(open, &QAction::triggered, m_document, [this] { m_document->open(); });
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  connect(m_document, &Document::recentFilesChanged, this, &MainWindow::fillRecentMenu);
  fillRecentMenu();
  QAction* save = file->addAction(tr("&Save"));
  save->setShortcut(QKeySequence::Save);
  connect(save, &QAction::triggered, m_document, &Document::save);
  QAction* saveAs = file->addAction(tr("Save &As…"));
  saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  connect(saveAs, &QAction::triggered, m_document, &Document::saveAs);
  file->addSeparator();
  QAction* pageDefault = file->addAction(tr("&Default scene of this page"));
  pageDefault->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
  pageDefault->setToolTip(tr("the visible page's default scene (undo with Ctrl+Z)"));
  connect(pageDefault, &QAction::triggered, this, [this] { m_shown->loadDefaultScene(); });
  QAction* figure = file->addAction(tr("&Export figure…"));
  figure->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  figure->setToolTip(tr("a plot or the whole page as PNG, SVG or PDF"));
  connect(figure, &QAction::triggered, this, [this] { openFigureExport(); });
  QAction* animation = file->addAction(tr("Export a&nimation…"));
  animation->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
  animation->setToolTip(tr("the runs from the start as an animated GIF"));
  connect(animation, &QAction::triggered, this, [this] { openAnimationExport(); });
  QAction* data = file->addAction(tr("Export &data…"));
  data->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  data->setToolTip(tr("every run of this page as CSV, one file per run"));
  connect(data, &QAction::triggered, this, [this] { exportData(); });
  QAction* shot = file->addAction(tr("Save s&creenshot…"));
  shot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  connect(shot, &QAction::triggered, this, &MainWindow::saveScreenshot);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"));
  quit->setShortcut(quitKeys());
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QWidget::close);
  m_fileActions = {fresh, figure, animation, data, shot, quit};
}

void MainWindow::fillRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = m_document->recentFiles();
  for (int i = 0; i < recent.size(); ++i) {
    const QString& path = recent[i];
    QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
    // Ctrl+F1 the newest (there are at most Document::kMaxRecentFiles).
    action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_F1 + i)));
    action->setToolTip(path);
    connect(action, &QAction::triggered, m_document, [this, path] { m_document->open(path); });
  }
  m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::buildEditMenu() {
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
}

void MainWindow::buildViewMenu() {
  m_viewMenu = menuBar()->addMenu(tr("&View"));
  // The page's own actions go first (showPageViewActions), before this separator.
  m_pageActionsEnd = m_viewMenu->addSeparator();
  QMenu* theme = m_viewMenu->addMenu(tr("&Theme"));
  m_themes = new QActionGroup(this);
  const std::pair<Theme, Qt::Key> themes[] = {
      {Theme::System, Qt::Key_S}, {Theme::Light, Qt::Key_L}, {Theme::Dark, Qt::Key_K}};
  for (const auto& [choice, key] : themes) {
    QString name = themeName(choice);
    name[0] = name[0].toUpper();
    QAction* action = theme->addAction(name);
    action->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | key));
    action->setCheckable(true);
    action->setData(themeName(choice));
    action->setChecked(choice == Theme::System);
    m_themes->addAction(action);
    connect(action, &QAction::triggered, this, [choice = choice] { applyTheme(choice); });
  }
  QMenu* vision = m_viewMenu->addMenu(tr("Simulate colour &vision"));
  m_colourVisions = new QActionGroup(this);
  const std::pair<ColourVision, Qt::Key> visions[] = {{ColourVision::Normal, Qt::Key_N},
                                                      {ColourVision::Protanopia, Qt::Key_P},
                                                      {ColourVision::Deuteranopia, Qt::Key_D},
                                                      {ColourVision::Tritanopia, Qt::Key_T}};
  for (const auto& [choice, key] : visions) {
    static const QMap<ColourVision, QString> what = {
        {ColourVision::Normal, tr("Normal vision")},
        {ColourVision::Protanopia, tr("Protanopia (no red cones)")},
        {ColourVision::Deuteranopia, tr("Deuteranopia (no green cones)")},
        {ColourVision::Tritanopia, tr("Tritanopia (no blue cones)")}};
    QAction* action = vision->addAction(what.value(choice));
    action->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | key));
    action->setCheckable(true);
    action->setChecked(choice == ColourVision::Normal);
    action->setData(colourVisionName(choice));
    m_colourVisions->addAction(action);
    connect(action, &QAction::triggered, this,
            [this, choice = choice] { setColourVision(choice); });
  }
  m_viewMenu->addAction(m_presentation->toggleAction());
  m_viewMenu->addAction(m_presentation->largerTextAction());
  m_viewMenu->addAction(m_presentation->smallerTextAction());
  m_viewMenu->addSeparator();
  for (int i = 0; i < m_pages.size(); ++i) {
    QAction* show = m_viewMenu->addAction(tr("%1 page").arg(m_pages[i]->title()));
    show->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    connect(show, &QAction::triggered, this, [this, i] { showPage(i); });
    m_pageActions << show;
  }
  m_viewMenu->addSeparator();
  for (Page* page : m_pages)
    for (QDockWidget* dock : m_docks.value(page)) m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::setColourVision(ColourVision vision) {
  m_colourVision = vision;
  for (QAction* action : m_colourVisions->actions())
    if (action->data().toString() == colourVisionName(vision)) action->setChecked(true);
  delete m_colourVisionOverlay;  // a QPointer: null once deleted
  if (vision != ColourVision::Normal) m_colourVisionOverlay = new ColourVisionOverlay(vision, this);
}

void MainWindow::showPageViewActions() {
  for (QAction* action : m_shownPageActions) m_viewMenu->removeAction(action);
  m_shownPageActions = m_shown->viewActions();
  m_viewMenu->insertActions(m_pageActionsEnd, m_shownPageActions);
  m_pageActionsEnd->setVisible(!m_shownPageActions.isEmpty());
}

void MainWindow::buildRunMenu() {
  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addActions(m_playback->actions());
  run->addSeparator();
  QAction* add = run->addAction(tr("&Add run"));
  add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  connect(add, &QAction::triggered, this, [this] { m_shown->runsPanel()->addRun(); });
  QAction* duplicate = run->addAction(tr("&Duplicate run"));
  duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  connect(duplicate, &QAction::triggered, this,
          [this] { m_shown->runsPanel()->duplicateSelectedRun(); });
  QAction* remove = run->addAction(tr("Re&move run"));
  remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
  connect(remove, &QAction::triggered, this, [this] { m_shown->runsPanel()->removeSelectedRun(); });
  m_runActions = {add, duplicate, remove};
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"));
  keys->setShortcut(QKeySequence::HelpContents);
  connect(keys, &QAction::triggered, this,
          [this] { showShortcuts(this, m_shown->title(), shortcutGroups()); });
  QAction* about = help->addAction(tr("&About Optiscope"));
  about->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, [this] { showAboutBox(this); });
  QAction* aboutQt = help->addAction(tr("About &Qt"));
  aboutQt->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
  aboutQt->setMenuRole(QAction::AboutQtRole);
  connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

FigureExportDialog* MainWindow::openFigureExport(int part) {
  auto* dialog = new FigureExportDialog(m_shown->figureParts(), part, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

AnimationExportDialog* MainWindow::openAnimationExport() {
  auto* dialog = new AnimationExportDialog(*m_shown, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

QString MainWindow::exportData(QString folder) {
  if (folder.isEmpty()) {
    folder = QFileDialog::getExistingDirectory(this, tr("Export data: choose a folder"),
                                               QDir::homePath());
    if (folder.isEmpty()) return tr("cancelled");
  }
  const bool epochs = m_shown->experimentPage() == ExperimentPage::Network;
  const std::vector<RunCsvRequest> requests =
      dataExportRequests(*m_shown->controller(), epochs, folder);
  // Problems are shown without blocking (the window stays usable); a question blocks.
  const auto tell = [this](const QString& text) {
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Export data"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  };
  if (requests.empty()) {
    tell(tr("This page has no runs to export."));
    return tr("no runs");
  }
  QStringList existing;
  for (const RunCsvRequest& request : requests)
    if (QFileInfo::exists(QString::fromStdString(request.path)))
      existing << QFileInfo(QString::fromStdString(request.path)).fileName();
  if (!existing.isEmpty() &&
      QMessageBox::question(this, tr("Export data"),
                            tr("%1 already has %2. Replace?").arg(folder, existing.join(", ")),
                            QMessageBox::Yes | QMessageBox::Cancel,
                            QMessageBox::Cancel) != QMessageBox::Yes)
    return tr("cancelled");
  // A run that raced at full speed for a minute has tens of millions of steps: say what that
  // means on disk before writing it (about 25 bytes per number, 8 to 16 numbers per row).
  const long long rows = totalRows(requests);
  if (rows > kRowsWithoutAsking &&
      QMessageBox::question(
          this, tr("Export data"),
          tr("The runs have %L1 steps in all: the files will take about %2 GB. Write them?")
              .arg(rows)
              .arg(static_cast<double>(rows) * 300e-9, 0, 'f', 1),
          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
    return tr("cancelled");
  const QString problem = runDataExport(requests, this);
  if (problem.isEmpty())
    statusBar()->showMessage(
        tr("%n run(s) written to %1", nullptr, static_cast<int>(requests.size())).arg(folder),
        8000);
  else if (problem != QLatin1String("cancelled"))
    tell(problem);
  return problem;
}

void MainWindow::installFigureMenus() {
  for (Page* page : m_pages) {
    connect(page, &Page::figureExportRequested, this, [this](int part) { openFigureExport(part); });
    const QList<FigurePart> parts = page->figureParts();
    for (int i = 0; i < parts.size(); ++i) {
      QWidget* widget = parts[i].widget;
      // Plots and drawn views are named by what they show, for screen readers and Tab.
      if (widget && widget->accessibleName().isEmpty()) widget->setAccessibleName(parts[i].name);
      if (!widget || widget->contextMenuPolicy() == Qt::CustomContextMenu) continue;
      widget->setContextMenuPolicy(Qt::CustomContextMenu);
      connect(widget, &QWidget::customContextMenuRequested, this,
              [this, page, widget, i](const QPoint& position) {
                QMenu menu(widget);
                const bool plot = qobject_cast<QCustomPlot*>(widget) != nullptr;
                menu.addAction(plot ? tr("Export this plot…") : tr("Export this view…"), this,
                               [page, i] { emit page->figureExportRequested(i); });
                menu.exec(widget->mapToGlobal(position));
              });
    }
  }
}

void MainWindow::saveScreenshot() {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  const QString suggested =
      folder + QStringLiteral("/optiscope-%1.png")
                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Save screenshot"), suggested, tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  const QString error = saveWidgetImage(*this, path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Save screenshot"), error);
}

}  // namespace optiscope::ui
