#pragma once

#include <Eigen/Core>
#include <QColor>
#include <QString>
#include <vector>

#include "core/engine/snapshot.h"
#include "core/objectives/objective.h"

namespace optiscope::ui {

// Everything the tooltip of a path point says. The trace gives the numbers at every kept
// point; the optimizer state is only known for the head (the snapshot) or after a replay.
struct HoverSample {
  enum class State { Pending, Known, SettingsChanged };

  QString runLabel;
  QColor color;
  long long step = 0;
  Eigen::VectorXd params, gradient, effectiveLr;
  double loss = 0.0;
  State state = State::Pending;
  std::vector<NamedVector> stateVectors;  // when Known
};

// Rich text for QToolTip: run, step, θ, f, ∇f, η per coordinate, then the named state.
QString hoverTooltipText(const HoverSample& sample);
// "global minimum f=…" with its position.
QString minimumTooltipText(const Minimum& minimum);
// How numbers read in tooltips: 6 significant digits, "—" for NaN (η before the first step).
QString formatNumber(double value);
QString formatVector(const Eigen::VectorXd& values);

}  // namespace optiscope::ui
