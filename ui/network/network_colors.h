#pragma once

#include <QColor>
#include <QImage>
#include <QRgb>

#include "core/nn/activation.h"
#include "core/nn/decision_grid.h"

namespace optiscope::ui {

// The Network page's colors, each with one meaning (as in TensorFlow Playground): blue is
// positive (class 1, a positive weight, a positive output), orange is negative (class 0, a
// negative weight), white is zero / undecided. Further classes get their own hues. Run colors
// (run_palette.h) only ever mark runs: frames, labels and curves.
QColor positiveColor();
QColor negativeColor();
QColor classColor(int classIndex);
// A value in [−1, 1] on the orange–white–blue scale (clamped).
QRgb divergingColor(double value);

// The decision map of one grid as an image (row 0 at the top = the box's x2Max):
//   bce      P(class 1) − 0.5 scaled to [−1, 1] on the diverging scale
//   ce       the argmax class's color, paler the less confident it is
//   mse      the value on the diverging scale
QImage decisionImage(const DecisionGrid& grid);
// One hidden neuron's outputs as a thumbnail; sigmoid's [0, 1] is stretched to [−1, 1].
QImage neuronImage(const DecisionGrid& grid, size_t hiddenLayer, Eigen::Index neuron,
                   Activation activation);

}  // namespace optiscope::ui
