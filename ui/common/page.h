#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include "core/experiment/experiment.h"
#include "ui/common/figure_export.h"

class QAction;
class QDockWidget;
class QMainWindow;
class QSettings;

namespace optiscope::ui {

class RunController;
class RunsPanel;

// One page of the window (the Landscape, the Network): its central widget, its docks, the
// actions of its own that the View menu shows, its controller and runs list. The window
// (main_window.h) hosts pages and knows nothing else of them.
class Page : public QWidget {
  Q_OBJECT
 public:
  using QWidget::QWidget;

  // The tab's title and tooltip.
  virtual QString title() const = 0;
  virtual QString summary() const = 0;
  virtual RunController* controller() const = 0;
  virtual RunsPanel* runsPanel() const = 0;
  // Docks the host adds to `window` once (each with an object name, for saveState), in their
  // area and sizes. They show only while the page does.
  virtual QList<QDockWidget*> addDocks(QMainWindow* window) = 0;
  // The page's own View-menu actions (in the menu only while the page shows).
  virtual QList<QAction*> viewActions() const = 0;
  // What the mouse does on the page, as (gesture, effect), for the shortcuts list.
  virtual QList<QPair<QString, QString>> gestures() const { return {}; }
  // The plots and drawn views that make the page's figure (File → Export figure…), in reading
  // order; those not visible now are left out of a whole-page figure.
  virtual QList<FigurePart> figureParts() const = 0;
  // What an animation of the page shows: the main view first, then the plots beside it.
  virtual QList<FigurePart> animationParts() const { return figureParts(); }
  // Brings every animated part up to the runs' current position (plots refresh at once, views
  // computed off the GUI thread are waited for). False if that did not happen in time.
  virtual bool settleFigure(int timeoutMs) {
    Q_UNUSED(timeoutMs);
    return true;
  }
  // While presenting (presentation_mode.h), a page folds its side panels to what a presenter
  // needs; the host restores the docks' layout itself when the presentation ends.
  virtual void setPresenting(bool presenting) { Q_UNUSED(presenting); }
  // Replaces the page's scene with its default one.
  virtual void loadDefaultScene() = 0;

  // ---- the page's part of an experiment (docs/EXPERIMENT_FORMAT.md)
  virtual ExperimentPage experimentPage() const = 0;
  // Writes the page's scene object and its playback fields (position, speed) into `into`.
  virtual void captureScene(Experiment& into) const = 0;
  // Throws SpecError when `experiment`'s scene for this page could not be shown; changes
  // nothing.
  virtual void checkScene(const Experiment& experiment) const = 0;
  // Shows `experiment`'s scene for this page (its default scene when the experiment has none),
  // at the experiment's speed, paused, its runs replayed to the playback position. Throws
  // SpecError, with the page unchanged, where checkScene would.
  virtual void applyScene(const Experiment& experiment) = 0;

  // View preferences of the page kept between launches (not part of a scene).
  virtual void savePreferences(QSettings& settings) const { Q_UNUSED(settings); }
  virtual void restorePreferences(const QSettings& settings) { Q_UNUSED(settings); }

  // The host shows or hides the page. A page that is not on screen does not run: it pauses,
  // and plays again when shown only if it was playing when hidden.
  void setOnScreen(bool onScreen);
  bool isOnScreen() const { return m_onScreen; }

 signals:
  // The user changed what a saved scene holds (runs, their settings and looks, the function or
  // the data): the window marks the scene modified.
  void sceneEdited();
  // A part's own context menu asked to export it (its index in figureParts()).
  void figureExportRequested(int part);

 private:
  bool m_onScreen = false;
  bool m_resumeWhenShown = false;
};

}  // namespace optiscope::ui
