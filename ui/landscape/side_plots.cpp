#include "ui/landscape/side_plots.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "ui/landscape/learning_rate_plot.h"
#include "ui/landscape/loss_plot.h"

namespace optiscope::ui {

SidePlots::SidePlots(LandscapeController* controller, QWidget* parent)
    : QWidget(parent),
      m_loss(new LossPlot(controller, this)),
      m_learningRate(new LearningRatePlot(controller, this)),
      m_logStep(new QCheckBox(QStringLiteral("log step axis"), this)) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(0);
  auto* plots = new QHBoxLayout;
  plots->setSpacing(4);
  plots->addWidget(m_loss, 1);
  plots->addWidget(m_learningRate, 1);
  column->addLayout(plots, 1);
  m_logStep->setChecked(m_loss->logStepAxis());
  m_logStep->setToolTip(
      QStringLiteral("step axis: logarithmic shows the first steps and a long "
                     "run at once; linear shows steady progress"));
  column->addWidget(m_logStep, 0, Qt::AlignRight);
  connect(m_logStep, &QCheckBox::toggled, this, &SidePlots::setLogStepAxis);
}

bool SidePlots::logStepAxis() const { return m_logStep->isChecked(); }

void SidePlots::setLogStepAxis(bool logarithmic) {
  {
    const QSignalBlocker block(m_logStep);
    m_logStep->setChecked(logarithmic);
  }
  if (m_loss->logStepAxis() == logarithmic) return;
  m_loss->setLogStepAxis(logarithmic);
  m_learningRate->setLogStepAxis(logarithmic);
  emit logStepAxisChanged(logarithmic);
}

}  // namespace optiscope::ui
