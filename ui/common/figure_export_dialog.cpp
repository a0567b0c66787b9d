#include "ui/common/figure_export_dialog.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <cmath>

#include "ui/common/export_dialog_parts.h"

namespace optiscope::ui {

namespace figure_dialog_impl {

constexpr int kWholePage = -1;
// A plot that was never on screen has no size of its own worth keeping.
const QSize kFallbackSize(800, 500);

const FigureFormat kFormats[] = {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf};

QString filterOf(FigureFormat format) {
  switch (format) {
    case FigureFormat::Png:
      return QObject::tr("PNG image (*.png)");
    case FigureFormat::Svg:
      return QObject::tr("SVG drawing (*.svg)");
    case FigureFormat::Pdf:
      return QObject::tr("PDF document (*.pdf)");
  }
  return {};
}

// The whole page's figure: the visible parts' bounding box, as exportFigureParts lays it out.
QSize pageSize(const QList<FigurePart>& parts) {
  QRect bounds;
  for (const FigurePart& part : parts)
    if (part.widget && part.widget->isVisible())
      bounds = bounds.united(
          QRect(part.widget->mapTo(part.widget->window(), QPoint()), part.widget->size()));
  return bounds.size();
}

}  // namespace figure_dialog_impl

using namespace figure_dialog_impl;

FigureExportDialog::FigureExportDialog(QList<FigurePart> parts, int part, QWidget* parent)
    : QDialog(parent),
      m_part(new QComboBox),
      m_format(new QComboBox),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_scale(new QDoubleSpinBox),
      m_transparent(new QCheckBox(tr("Transparent background"))),
      m_summary(new QLabel),
      m_problem(new QLabel) {
  setWindowTitle(tr("Export figure"));
  for (const FigurePart& candidate : parts)
    if (candidate.widget) m_parts.append(candidate);
  m_part->addItem(tr("The whole page (as arranged on screen)"), kWholePage);
  int selected = 0;
  for (int i = 0; i < m_parts.size(); ++i) {
    m_part->addItem(m_parts[i].name, i);
    if (i == part) selected = i + 1;
  }
  m_part->setCurrentIndex(selected);
  m_part->setAccessibleName(tr("What to export"));
  for (FigureFormat format : kFormats)
    m_format->addItem(figureFormatName(format), static_cast<int>(format));
  m_format->setAccessibleName(tr("Format"));
  m_format->setToolTip(
      tr("PNG: pixels. SVG and PDF: vectors (lines as paths, text as text; "
         "a heatmap stays one image)"));
  for (QSpinBox* side : {m_width, m_height}) {
    side->setRange(kMinFigureSide, kMaxFigureSide);
    side->setSuffix(tr(" px"));
    side->setAccelerated(true);
  }
  m_width->setAccessibleName(tr("Width"));
  m_height->setAccessibleName(tr("Height"));
  m_scale->setRange(kMinFigureScale, kMaxFigureScale);
  m_scale->setSingleStep(0.25);
  m_scale->setDecimals(2);
  m_scale->setValue(1.0);
  m_scale->setPrefix(QStringLiteral("× "));
  m_scale->setAccessibleName(tr("Scale"));
  m_scale->setToolTip(tr("pixels per unit of size: 2 for print or a high-density screen"));
  makeProblemLabel(m_problem);

  QWidget* size = sizeRow(m_width, m_height);
  auto* form = new QFormLayout;
  form->addRow(tr("&Export"), m_part);
  form->addRow(tr("&Format"), m_format);
  form->addRow(tr("&Size"), size);
  form->addRow(tr("S&cale"), m_scale);
  form->addRow(QString(), m_transparent);
  form->addRow(QString(), m_summary);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  QPushButton* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
  // Once the button is in the dialog: only then does the dialog take it as its default (Enter).
  exportButton->setDefault(true);

  connect(m_part, &QComboBox::currentIndexChanged, this, &FigureExportDialog::partChanged);
  connect(m_format, &QComboBox::currentIndexChanged, this, &FigureExportDialog::updateSummary);
  for (QSpinBox* side : {m_width, m_height})
    connect(side, &QSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
  connect(m_scale, &QDoubleSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
  connect(buttons, &QDialogButtonBox::accepted, this, &FigureExportDialog::exportChosen);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  m_chooseFile = [this](const QString& suggested, const QString& filter) {
    return QFileDialog::getSaveFileName(this, tr("Export figure"), suggested, filter);
  };
  partChanged();
  // The keyboard starts on the first choice, so that Enter exports (Cancel is a Tab away).
  m_part->setFocus();
}

void FigureExportDialog::partChanged() {
  const int index = m_part->currentData().toInt();
  const bool page = index == kWholePage;
  QSize size = page ? pageSize(m_parts) : m_parts[index].widget->size();
  if (!page && !m_parts[index].widget->isVisible()) size = kFallbackSize;
  // Only a plot is laid out anew for another size; the page and drawn views keep theirs.
  const bool resizable = !page && qobject_cast<QCustomPlot*>(m_parts[index].widget);
  for (QSpinBox* side : {m_width, m_height}) {
    const QSignalBlocker quiet(side);
    side->setEnabled(resizable);
  }
  {
    const QSignalBlocker quietWidth(m_width), quietHeight(m_height);
    m_width->setValue(size.width());
    m_height->setValue(size.height());
  }
  updateSummary();
}

FigureOptions FigureExportDialog::options() const {
  FigureOptions options;
  options.format = static_cast<FigureFormat>(m_format->currentData().toInt());
  options.scale = options.format == FigureFormat::Png ? m_scale->value() : 1.0;
  options.transparent = m_transparent->isChecked();
  return options;
}

void FigureExportDialog::updateSummary() {
  const FigureOptions chosen = options();
  m_scale->setEnabled(chosen.format == FigureFormat::Png);
  const QSize size(m_width->value(), m_height->value());
  if (chosen.format == FigureFormat::Png)
    m_summary->setText(tr("%1 × %2 pixels")
                           .arg(std::lround(size.width() * chosen.scale))
                           .arg(std::lround(size.height() * chosen.scale)));
  else
    m_summary->setText(tr("%1 × %2 points, vectors").arg(size.width()).arg(size.height()));
  const QString problem = checkFigureSize(size, chosen);
  m_problem->setText(problem);
  m_problem->setVisible(!problem.isEmpty());
}

QString FigureExportDialog::exportTo(const QString& path) {
  const int index = m_part->currentData().toInt();
  const FigureOptions chosen = options();
  const QString error =
      index == kWholePage
          ? exportFigureParts(m_parts, chosen, path)
          : exportFigurePart(*m_parts[index].widget, QSize(m_width->value(), m_height->value()),
                             chosen, path);
  m_problem->setText(error);
  m_problem->setVisible(!error.isEmpty());
  return error;
}

void FigureExportDialog::exportChosen() {
  const FigureFormat format = options().format;
  const QString folder = exportFolder();
  const int index = m_part->currentData().toInt();
  QString stem = index == kWholePage ? QStringLiteral("page") : m_parts[index].name.toLower();
  stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  QString path =
      m_chooseFile(folder + QStringLiteral("/optiscope-%1.%2").arg(stem, figureSuffix(format)),
                   filterOf(format));
  if (path.isEmpty()) return;
  // The format chosen in the dialog decides; a name without its suffix gets it.
  if (figureFormatOf(path) != format) path += QLatin1Char('.') + figureSuffix(format);
  if (exportTo(path).isEmpty()) accept();
}

}  // namespace optiscope::ui
