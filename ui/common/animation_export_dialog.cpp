#include "ui/common/animation_export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "core/engine/snapshot.h"
#include "ui/common/export_dialog_parts.h"
#include "ui/common/page.h"
#include "ui/common/run_controller.h"

namespace optiscope::ui {

namespace animation_dialog_impl {

// Where the runs of `controller` are now, in the page's unit (steps, or epochs).
long long currentPosition(const RunController& controller) {
  long long position = 0;
  for (RunId id : controller.runIds())
    if (const RunSnapshot* run = controller.runSnapshot(id))
      position = std::max(position, run->epochs ? run->epochs->epoch : run->step);
  return position;
}

}  // namespace animation_dialog_impl

using namespace animation_dialog_impl;

AnimationExportDialog::AnimationExportDialog(Page& page, QWidget* parent)
    : QDialog(parent),
      m_page(page),
      m_steps(new QSpinBox),
      m_frames(new QSpinBox),
      m_fps(new QSpinBox),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_withPlots(new QCheckBox(tr("Show the plots below the main view"))),
      m_summary(new QLabel),
      m_problem(new QLabel) {
  setWindowTitle(tr("Export animation"));
  const bool epochs = page.controller()->stepsPerEpoch() > 0;
  const AnimationOptions defaults;
  m_steps->setRange(2, 1'000'000'000);
  const long long now = currentPosition(*page.controller());
  m_steps->setValue(static_cast<int>(
      std::clamp<long long>(now > 0 ? now : (epochs ? 30 : defaults.steps), 2, 1'000'000'000)));
  m_steps->setSuffix(epochs ? tr(" epochs") : tr(" steps"));
  m_steps->setAccessibleName(epochs ? tr("Epochs") : tr("Steps"));
  m_frames->setRange(2, 2000);
  m_frames->setValue(defaults.frames);
  m_frames->setAccessibleName(tr("Frames"));
  m_fps->setRange(1, 50);
  m_fps->setValue(defaults.fps);
  m_fps->setSuffix(tr(" per second"));
  m_fps->setAccessibleName(tr("Frame rate"));
  for (QSpinBox* side : {m_width, m_height}) {
    side->setRange(64, 4096);
    side->setSuffix(tr(" px"));
  }
  m_width->setValue(defaults.size.width());
  m_height->setValue(defaults.size.height());
  m_width->setAccessibleName(tr("Width"));
  m_height->setAccessibleName(tr("Height"));
  m_withPlots->setChecked(true);
  m_summary->setWordWrap(true);
  makeProblemLabel(m_problem);

  QWidget* size = sizeRow(m_width, m_height);
  auto* form = new QFormLayout;
  form->addRow(epochs ? tr("&Epochs") : tr("&Steps"), m_steps);
  form->addRow(tr("&Frames"), m_frames);
  form->addRow(tr("&Rate"), m_fps);
  form->addRow(tr("Si&ze"), size);
  form->addRow(QString(), m_withPlots);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  QPushButton* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_summary);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
  exportButton->setDefault(true);  // once in the dialog: Enter exports

  for (QSpinBox* box : {m_steps, m_frames, m_fps, m_width, m_height})
    connect(box, &QSpinBox::valueChanged, this, &AnimationExportDialog::updateSummary);
  connect(buttons, &QDialogButtonBox::accepted, this, &AnimationExportDialog::exportChosen);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  m_chooseFile = [this](const QString& suggested) {
    return QFileDialog::getSaveFileName(this, tr("Export animation"), suggested,
                                        tr("GIF animation (*.gif)"));
  };
  updateSummary();
  m_steps->setFocus();
}

AnimationOptions AnimationExportDialog::options() const {
  AnimationOptions options;
  options.steps = m_steps->value();
  options.frames = m_frames->value();
  options.fps = m_fps->value();
  options.size = QSize(m_width->value(), m_height->value());
  options.withPlots = m_withPlots->isChecked();
  return options;
}

void AnimationExportDialog::updateSummary() {
  const AnimationOptions chosen = options();
  const bool epochs = m_page.controller()->stepsPerEpoch() > 0;
  const long long per = chosen.steps / std::max(1, chosen.frames);
  // Recording replays the runs: say so before anything moves.
  m_summary->setText(
      tr("%1 %2 per frame, %3 s long. The runs are played again from the start and stay at "
         "%4 %5 afterwards.")
          .arg(per)
          .arg(epochs ? tr("epochs") : tr("steps"))
          .arg(static_cast<double>(chosen.frames) / chosen.fps, 0, 'f', 1)
          .arg(per * chosen.frames)
          .arg(epochs ? tr("epochs") : tr("steps")));
  const QString problem = checkAnimationOptions(chosen);
  m_problem->setText(problem);
  m_problem->setVisible(!problem.isEmpty());
}

QString AnimationExportDialog::recordTo(const QString& path) {
  const AnimationOptions chosen = options();
  QProgressDialog progress(tr("Recording %1 frames…").arg(chosen.frames), tr("Cancel"), 0,
                           chosen.frames, this);
  progress.setWindowTitle(tr("Export animation"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(0);
  progress.setValue(0);
  const QString error = recordAnimation(m_page, chosen, path, [&](int frame) {
    progress.setValue(frame);
    QApplication::processEvents();  // Cancel can be pressed between frames
    return !progress.wasCanceled();
  });
  progress.reset();
  m_problem->setText(error == QLatin1String("cancelled") ? QString() : error);
  m_problem->setVisible(!m_problem->text().isEmpty());
  return error;
}

void AnimationExportDialog::exportChosen() {
  if (!checkAnimationOptions(options()).isEmpty()) return;
  const QString folder = exportFolder();
  QString path = m_chooseFile(folder + QStringLiteral("/optiscope-animation.gif"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".gif"), Qt::CaseInsensitive)) path += QStringLiteral(".gif");
  if (recordTo(path).isEmpty()) accept();
}

}  // namespace optiscope::ui
