#include "ui/network/dataset_panel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "core/nn/dataset.h"
#include "core/util/spec_error.h"
#include "ui/common/presentation_look.h"
#include "ui/network/network_colors.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kPreviewSide = 44;
constexpr int kPreviewPoints = 240;
constexpr int kMaxPanelPoints = 5000;
constexpr int kThumbnailColumns = 3;  // named thumbnails: three fit the left column
const QString kThumbnailStyle = QStringLiteral(
    "QToolButton { border: 2px solid transparent; border-radius: 4px; padding: 1px;"
    " color: palette(window-text); }"
    "QToolButton:hover { border-color: palette(mid); }"
    "QToolButton:checked { border: 3px solid palette(highlight); font-weight: bold;"
    " background: palette(alternate-base); }");

// A dataset's look at a glance: its points on a white square, in the class colors.
QIcon previewIcon(const DatasetInfo& info) {
  const Dataset data = generateDataset(info.name, DatasetOptions{kPreviewPoints, 0.0, 1});
  const double extent = std::max(1e-9, data.points.cwiseAbs().maxCoeff());
  QPixmap pixmap(kPreviewSide, kPreviewSide);
  pixmap.fill(Qt::white);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  for (Eigen::Index j = 0; j < data.size(); ++j) {
    const double x = (data.points(0, j) / extent * 0.45 + 0.5) * kPreviewSide;
    const double y = (0.5 - data.points(1, j) / extent * 0.45) * kPreviewSide;
    painter.setBrush(data.kind == TaskKind::Regression
                         ? QColor(divergingColor(data.targets[j]))
                         : classColor(static_cast<int>(data.targets[j])));
    painter.drawEllipse(QPointF(x, y), 1.6, 1.6);
  }
  return QIcon(pixmap);
}

QSlider* percentSlider(int low, int high, const QString& tip, QWidget* parent) {
  auto* slider = new QSlider(Qt::Horizontal, parent);
  slider->setRange(low, high);
  slider->setTracking(false);  // regenerate when released, not on every pixel of a drag
  slider->setToolTip(tip);
  slider->setAccessibleName(tip);
  return slider;
}

}  // namespace

DatasetPanel::DatasetPanel(NetworkController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_datasets(new QButtonGroup(this)) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(4, 4, 4, 4);
  column->setSpacing(4);

  auto* pictures = new QGridLayout;
  pictures->setSpacing(3);
  int index = 0;
  for (const DatasetInfo& info : datasetCatalog()) {
    auto* button = new QToolButton(this);
    const QString name = QString::fromStdString(info.name);
    button->setObjectName(name);
    button->setCheckable(true);
    button->setIcon(previewIcon(info));
    button->setIconSize(QSize(kPreviewSide, kPreviewSide));
    // Named under the picture; the chosen one framed in the highlight color.
    button->setText(name);
    button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    button->setStyleSheet(kThumbnailStyle);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(name, QString::fromStdString(info.summary)));
    m_datasets->addButton(button);
    connect(button, &QToolButton::clicked, this, [this, name] { pickDataset(name); });
    QFont small = button->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    button->setFont(small);
    pictures->addWidget(button, index / kThumbnailColumns, index % kThumbnailColumns);
    m_buttons.push_back(button);
    ++index;
  }
  column->addLayout(pictures);

  auto* form = new QGridLayout;
  form->setColumnStretch(1, 1);
  m_noise = percentSlider(
      0, 50, QStringLiteral("noise, 0 to 50 % (what it perturbs depends on the dataset)"), this);
  m_noiseValue = new QLabel(this);
  m_ratio = percentSlider(
      10, 90, QStringLiteral("share of the points used for training; the rest test"), this);
  m_ratioValue = new QLabel(this);
  m_points = new QSpinBox(this);
  m_points->setRange(kMinDatasetPoints, kMaxPanelPoints);
  m_points->setSingleStep(50);
  m_points->setToolTip(QStringLiteral("number of points, train and test together"));
  m_points->setAccessibleName(QStringLiteral("number of points"));
  form->addWidget(new QLabel(QStringLiteral("Noise"), this), 0, 0);
  form->addWidget(m_noise, 0, 1);
  form->addWidget(m_noiseValue, 0, 2);
  form->addWidget(new QLabel(QStringLiteral("Train"), this), 1, 0);
  form->addWidget(m_ratio, 1, 1);
  form->addWidget(m_ratioValue, 1, 2);
  form->addWidget(new QLabel(QStringLiteral("Points"), this), 2, 0);
  form->addWidget(m_points, 2, 1, 1, 2);
  column->addLayout(form);

  auto* buttons = new QHBoxLayout;
  m_regenerate = new QPushButton(QStringLiteral("Regenerate"), this);
  m_regenerate->setToolTip(QStringLiteral("new points and a new split (next seed)"));
  m_import = new QPushButton(QStringLiteral("Import CSV…"), this);
  m_import->setToolTip(QStringLiteral("x1,x2,label per line; integer labels are classes"));
  buttons->addWidget(m_regenerate);
  buttons->addWidget(m_import);
  column->addLayout(buttons);
  m_showTest = new QCheckBox(QStringLiteral("Show test points"), this);
  m_showTest->setToolTip(QStringLiteral("draw the test points (dark rims) on the maps"));
  column->addWidget(m_showTest);
  m_source = new QLabel(this);
  m_source->setWordWrap(true);
  column->addWidget(m_source);
  m_error = new QLabel(this);
  m_error->setObjectName(QStringLiteral("datasetError"));
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
  m_error->hide();
  column->addWidget(m_error);
  column->addStretch(1);

  connect(m_noise, &QSlider::valueChanged, this, &DatasetPanel::applyControls);
  connect(m_ratio, &QSlider::valueChanged, this, &DatasetPanel::applyControls);
  connect(m_points, &QSpinBox::editingFinished, this, &DatasetPanel::applyControls);
  connect(m_regenerate, &QPushButton::clicked, this, [this] {
    try {
      m_controller->regenerate();
      m_error->hide();
    } catch (const SpecError& error) {
      showError(QString::fromUtf8(error.what()));
    }
  });
  connect(m_import, &QPushButton::clicked, this, [this] {
    const QString path =
        QFileDialog::getOpenFileName(this, QStringLiteral("Import a dataset"), QString(),
                                     QStringLiteral("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty()) importFile(path);
  });
  connect(m_showTest, &QCheckBox::toggled, this, &DatasetPanel::showTestPointsChanged);
  connect(controller, &NetworkController::problemChanged, this, &DatasetPanel::refresh);
  refresh();
}

QToolButton* DatasetPanel::datasetButton(const QString& name) const {
  for (QToolButton* button : m_buttons)
    if (button->objectName() == name) return button;
  return nullptr;
}

void DatasetPanel::showError(const QString& message) {
  refresh();  // the controls show the data still in force
  m_error->setText(message);
  m_error->show();
}

void DatasetPanel::pickDataset(const QString& name) {
  DatasetChoice choice = m_controller->datasetChoice();
  choice.name = name;
  choice.csvText.clear();
  choice.csvName.clear();
  try {
    m_controller->setDataset(choice);
    m_error->hide();
  } catch (const SpecError& error) {
    showError(QString::fromUtf8(error.what()));
  }
}

void DatasetPanel::importFile(const QString& path) {
  try {
    m_controller->importCsv(path);
    m_error->hide();
  } catch (const SpecError& error) {
    showError(QString::fromUtf8(error.what()));
  }
}

void DatasetPanel::applyControls() {
  DatasetChoice choice = m_controller->datasetChoice();
  choice.noise = m_noise->value() / 100.0;
  choice.trainRatio = m_ratio->value() / 100.0;
  choice.points = m_points->value();
  if (choice == m_controller->datasetChoice()) return;
  try {
    m_controller->setDataset(choice);
    m_error->hide();
  } catch (const SpecError& error) {
    showError(QString::fromUtf8(error.what()));
  }
}

void DatasetPanel::refresh() {
  const DatasetChoice& choice = m_controller->datasetChoice();
  for (QToolButton* button : m_buttons) {
    const QSignalBlocker block(button);
    button->setChecked(!choice.isImported() && button->objectName() == choice.name);
  }
  if (choice.isImported()) {
    // No catalog dataset is the current one: let every button show unchecked.
    m_datasets->setExclusive(false);
    for (QToolButton* button : m_buttons) button->setChecked(false);
    m_datasets->setExclusive(true);
  }
  {
    const QSignalBlocker a(m_noise), b(m_ratio), c(m_points);
    m_noise->setValue(static_cast<int>(std::lround(choice.noise * 100)));
    m_ratio->setValue(static_cast<int>(std::lround(choice.trainRatio * 100)));
    m_points->setValue(choice.points);
  }
  m_noiseValue->setText(QStringLiteral("%1 %").arg(m_noise->value()));
  m_ratioValue->setText(QStringLiteral("%1 %").arg(m_ratio->value()));
  // An imported file has its own points: noise and count do not apply.
  m_noise->setEnabled(!choice.isImported());
  m_points->setEnabled(!choice.isImported());
  const auto data = m_controller->data();
  const QString kind = data->train.kind == TaskKind::Regression
                           ? QStringLiteral("regression")
                           : QStringLiteral("%1 classes").arg(data->train.classes);
  const QString origin = choice.isImported() ? choice.csvName : choice.name;
  m_source->setText(QStringLiteral("%1: %2 train, %3 test points, %4")
                        .arg(origin)
                        .arg(data->train.size())
                        .arg(data->test.size())
                        .arg(kind));
}

void DatasetPanel::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  // A style sheet resolves palette(...) when it is applied: after a theme change the names
  // would keep the old theme's ink (dark on dark). Apply it again.
  if (isLookChange(*event))
    for (QToolButton* button : m_buttons) {
      button->setStyleSheet(QString());
      button->setStyleSheet(kThumbnailStyle);
    }
}

}  // namespace optiscope::ui
