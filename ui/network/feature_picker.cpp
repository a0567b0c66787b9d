#include "ui/network/feature_picker.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>

#include "core/nn/features.h"
#include "core/util/spec_error.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {

QString featureLabel(int feature) {
  static const QStringList labels{QStringLiteral("x1"),    QStringLiteral("x2"),
                                  QStringLiteral("x1²"),   QStringLiteral("x2²"),
                                  QStringLiteral("x1·x2"), QStringLiteral("sin x1"),
                                  QStringLiteral("sin x2")};
  return labels.value(feature);
}

FeaturePicker::FeaturePicker(NetworkController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->setHorizontalSpacing(10);
  grid->setVerticalSpacing(2);
  const int count = static_cast<int>(featureNames().size());
  for (int f = 0; f < count; ++f) {
    auto* box = new QCheckBox(featureLabel(f), this);
    box->setToolTip(QStringLiteral("feed %1 to the network (input name %2)")
                        .arg(featureLabel(f), QString::fromStdString(featureNames()[f])));
    connect(box, &QCheckBox::clicked, this, &FeaturePicker::apply);
    grid->addWidget(box, f / 4, f % 4);
    m_boxes.push_back(box);
  }
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
  m_error->hide();
  grid->addWidget(m_error, 2, 0, 1, 4);
  connect(controller, &NetworkController::problemChanged, this, &FeaturePicker::refresh);
  refresh();
}

void FeaturePicker::refresh() {
  for (QCheckBox* box : m_boxes) box->setChecked(false);
  for (Feature feature : m_controller->settings().features)
    m_boxes.at(static_cast<size_t>(feature))->setChecked(true);
}

void FeaturePicker::apply() {
  NetworkSettings settings = m_controller->settings();
  settings.features.clear();
  for (size_t f = 0; f < m_boxes.size(); ++f)
    if (m_boxes[f]->isChecked()) settings.features.push_back(static_cast<Feature>(f));
  try {
    if (settings.features.empty()) throw SpecError("the network needs at least one input feature");
    m_controller->setSettings(settings);
    m_error->hide();
  } catch (const SpecError& error) {
    refresh();
    m_error->setText(QString::fromUtf8(error.what()));
    m_error->show();
  }
}

}  // namespace optiscope::ui
