#pragma once

#include <QString>

#include "core/engine/engine_types.h"
#include "core/engine/snapshot.h"

class QWidget;

namespace optiscope::ui {

// What a page adds to the run cards of the shared runs list (runs_panel.h): fields of its own
// in a card's details, the card's live status line, and the optimizer of a new run.
class RunCardExtras {
 public:
  virtual ~RunCardExtras() = default;

  // Extra fields shown under the schedule of an expanded card, or null for none.
  virtual QWidget* makeDetails(RunId id, QWidget* parent) = 0;
  // Shows the run's current settings in the widget makeDetails returned.
  virtual void refreshDetails(QWidget* details, RunId id) = 0;
  // The live line under the optimizer, from the run's latest snapshot (null before its first).
  virtual QString status(const RunSnapshot* run) const = 0;
  // The spec a new run of `optimizer` starts with (picked in "Add run" or in a run's
  // optimizer box): the page's starting learning rate, or the bare name for torch's defaults.
  virtual QString startSpec(const QString& optimizer) const { return optimizer; }
  // What "Add run" adds when clicked rather than picked from its menu.
  virtual QString defaultOptimizer() const = 0;
  // Its tooltip ("another optimizer training the same network", ...).
  virtual QString addRunTip() const = 0;
};

}  // namespace optiscope::ui
