#pragma once

#include <QList>
#include <QMainWindow>
#include <QMap>
#include <QPointer>

#include "ui/common/colour_vision_overlay.h"
#include "ui/common/help_dialogs.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QTabWidget;
class QToolBar;

namespace optiscope::ui {

class AnimationExportDialog;
class Document;
class FigureExportDialog;
class Page;
class PlaybackControls;
class PresentationMode;
class SpeedControl;
class StatusReadout;

// Optiscope's window: a host of pages (common/page.h), one tab each, and what every page
// shares: the playback toolbar and the status bar (acting on the page on screen), the menus,
// themes and screenshots. It knows no page's insides: a page brings its docks, its View
// actions, its controller and its runs list. Only the page on screen runs.
// File → Quit's keys: the platform's Quit, or Ctrl+Q where the platform names none.
QKeySequence quitKeys();

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // Hosts `pages` in this order (the window takes them over; their controllers stay the
  // caller's). The first page shows.
  explicit MainWindow(const QList<Page*>& pages, QWidget* parent = nullptr);

  const QList<Page*>& pages() const { return m_pages; }
  Page* currentPage() const;
  int currentPageIndex() const;
  void showPage(int index);
  QTabWidget* tabs() const { return m_tabs; }
  PlaybackControls* playback() const { return m_playback; }
  SpeedControl* speedControl() const { return m_speed; }
  StatusReadout* statusReadout() const { return m_status; }
  QActionGroup* themeActions() const { return m_themes; }
  Document* document() const { return m_document; }
  PresentationMode* presentation() const { return m_presentation; }
  // View → Simulate colour vision: the window shown as `vision` sees it, through an overlay
  // (colour_vision_overlay.h), the window working as usual under it. Never saved: it is a
  // check, not a look.
  void setColourVision(ColourVision vision);
  ColourVision colourVision() const { return m_colourVision; }
  QActionGroup* colourVisionActions() const { return m_colourVisions; }
  ColourVisionOverlay* colourVisionOverlay() const { return m_colourVisionOverlay; }
  // saveState() as every page has its docks (hidden pages' docks as their page left them).
  QByteArray saveLayout();
  // restoreState() of a saveLayout(): each page gets its docks back as it left them.
  bool restoreLayout(const QByteArray& state);
  // Every menu action (the current page's View actions included), for tests.
  QList<QAction*> menuActions() const;
  // What F1 lists for the page on screen: playback, runs, its view (keys and mouse), pages,
  // file.
  QList<ShortcutGroup> shortcutGroups() const;

  // File → Export figure…: the dialog for the shown page, with `part` (an index in its
  // figureParts(), or -1 for the whole page) chosen. It deletes itself when closed.
  FigureExportDialog* openFigureExport(int part = -1);
  // File → Export animation…: the dialog for the shown page. It deletes itself when closed.
  AnimationExportDialog* openAnimationExport();
  // File → Export data…: every run of the shown page as CSV into `folder` (asked for when
  // empty), asking before it replaces files there. Returns what went wrong, empty on success.
  QString exportData(QString folder = {});

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildTabs();
  void buildEditMenu();
  void fillRecentMenu();
  void showTitle();
  void buildToolBar();
  void onPageChanged(int index);
  void buildMenus();
  void buildFileMenu();
  void buildViewMenu();
  void buildRunMenu();
  void buildHelpMenu();
  void showPageViewActions();
  void saveScreenshot();
  // A context menu with "Export this plot…" on each figure part that has no menu of its own.
  void installFigureMenus();

  QList<Page*> m_pages;
  QTabWidget* m_tabs = nullptr;
  PlaybackControls* m_playback = nullptr;
  SpeedControl* m_speed = nullptr;
  StatusReadout* m_status = nullptr;
  QActionGroup* m_themes = nullptr;
  Document* m_document = nullptr;
  PresentationMode* m_presentation = nullptr;
  ColourVision m_colourVision = ColourVision::Normal;
  QActionGroup* m_colourVisions = nullptr;
  QPointer<ColourVisionOverlay> m_colourVisionOverlay;
  QMenu* m_recentMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QAction* m_pageActionsEnd = nullptr;  // the separator after the page's View actions
  QList<QAction*> m_shownPageActions;
  QList<QAction*> m_fileActions;
  QList<QAction*> m_runActions;
  QList<QAction*> m_pageActions;  // Ctrl+1, Ctrl+2, ...
  QMap<Page*, QList<QDockWidget*>> m_docks;
  // Each hidden page's docks' visibility, kept while another page hides them.
  QMap<Page*, QList<bool>> m_dockVisible;
  Page* m_shown = nullptr;
};

}  // namespace optiscope::ui
