#pragma once

#include "ui/common/run_card_extras.h"

namespace optiscope::ui {

class LandscapeController;

// The Landscape page's part of the run cards: each run's gradient noise σ and seed (changing
// either restarts the run), and a status line that names where a run diverged.
class LandscapeRunExtras : public RunCardExtras {
 public:
  explicit LandscapeRunExtras(LandscapeController* controller) : m_controller(controller) {}

  QWidget* makeDetails(RunId id, QWidget* parent) override;
  void refreshDetails(QWidget* details, RunId id) override;
  QString status(const RunSnapshot* run) const override;
  QString defaultOptimizer() const override { return QStringLiteral("sgd"); }
  QString startSpec(const QString& optimizer) const override;
  QString addRunTip() const override;

 private:
  LandscapeController* m_controller;
};

}  // namespace optiscope::ui
