#pragma once

#include <QWidget>

class QCheckBox;

namespace optiscope::ui {

class LandscapeController;
class LearningRatePlot;
class LossPlot;

// The plots under the landscape: loss and effective learning rate against step, side by side,
// with one switch for their shared step axis (logarithmic or linear).
class SidePlots : public QWidget {
  Q_OBJECT
 public:
  explicit SidePlots(LandscapeController* controller, QWidget* parent = nullptr);

  LossPlot* lossPlot() const { return m_loss; }
  LearningRatePlot* learningRatePlot() const { return m_learningRate; }
  bool logStepAxis() const;

 public slots:
  void setLogStepAxis(bool logarithmic);

 signals:
  void logStepAxisChanged(bool logarithmic);

 private:
  LossPlot* m_loss;
  LearningRatePlot* m_learningRate;
  QCheckBox* m_logStep;
};

}  // namespace optiscope::ui
