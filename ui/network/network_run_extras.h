#pragma once

#include "ui/common/run_card_extras.h"

namespace optiscope::ui {

// The Network page's part of the run cards: no fields of its own (every run trains the same
// network on the same data), and a live line with the run's epoch, losses and accuracy.
class NetworkRunExtras : public RunCardExtras {
 public:
  QWidget* makeDetails(RunId, QWidget*) override { return nullptr; }
  void refreshDetails(QWidget*, RunId) override {}
  QString status(const RunSnapshot* run) const override;
  QString defaultOptimizer() const override { return QStringLiteral("adam"); }
  QString addRunTip() const override;
};

}  // namespace optiscope::ui
