#include "ui/network/builder_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/nn/activation.h"
#include "core/nn/loss.h"
#include "core/nn/mlp_layout.h"
#include "core/nn/regularization.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {
namespace {

// Playground's regularization rates.
const double kRates[] = {0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0};
constexpr int kNewLayerNeurons = 4;

QString text(std::string_view name) {
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QToolButton* stepButton(const QString& text, const QString& tip, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setText(text);
  button->setToolTip(tip);
  button->setAccessibleName(tip);  // "+" and "−" alone do not say what grows
  button->setFixedWidth(26);
  return button;
}

QComboBox* namesBox(const std::vector<std::string>& names, QWidget* parent) {
  auto* box = new QComboBox(parent);
  for (const std::string& name : names) box->addItem(QString::fromStdString(name));
  return box;
}

}  // namespace

BuilderPanel::BuilderPanel(NetworkController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(4, 4, 4, 4);
  column->setSpacing(4);

  auto* layers = new QHBoxLayout;
  m_removeLayer =
      stepButton(QStringLiteral("−"), QStringLiteral("remove the last hidden layer"), this);
  m_addLayer =
      stepButton(QStringLiteral("+"), QStringLiteral("add a hidden layer (up to 6)"), this);
  m_layerCount = new QLabel(this);
  layers->addWidget(m_removeLayer);
  layers->addWidget(m_addLayer);
  layers->addWidget(m_layerCount, 1);
  column->addLayout(layers);
  connect(m_addLayer, &QToolButton::clicked, this, [this] { changeLayers(+1); });
  connect(m_removeLayer, &QToolButton::clicked, this, [this] { changeLayers(-1); });

  m_layerRows = new QVBoxLayout;
  m_layerRows->setSpacing(1);
  column->addLayout(m_layerRows);

  auto* form = new QFormLayout;
  form->setContentsMargins(0, 4, 0, 0);
  m_activation = namesBox(activationNames(), this);
  m_activation->setToolTip(QStringLiteral("activation of every hidden neuron"));
  std::vector<std::string> losses{"auto"};
  for (const std::string& name : lossNames()) losses.push_back(name);
  m_loss = namesBox(losses, this);
  m_loss->setToolTip(
      QStringLiteral("auto: mse for regression, bce for two classes, cross_entropy for more"));
  m_regularization = namesBox(regularizationNames(), this);
  m_regularization->setToolTip(QStringLiteral("penalty on the weights (never the biases)"));
  m_rate = new QComboBox(this);
  for (double rate : kRates) m_rate->addItem(QString::fromStdString(formatDouble(rate)), rate);
  m_rate->setToolTip(QStringLiteral("regularization rate"));
  auto* penalty = new QHBoxLayout;
  penalty->addWidget(m_regularization, 1);
  penalty->addWidget(m_rate, 1);
  m_batch = new QSpinBox(this);
  m_batch->setRange(1, 1000);
  m_batch->setToolTip(QStringLiteral("examples per minibatch step (at most the training set)"));
  m_seed = new QSpinBox(this);
  m_seed->setRange(0, 1'000'000);
  m_seed->setToolTip(QStringLiteral("seed of the initial weights and of the batch order"));
  form->addRow(QStringLiteral("Activation"), m_activation);
  form->addRow(QStringLiteral("Loss"), m_loss);
  form->addRow(QStringLiteral("Regularization"), penalty);
  form->addRow(QStringLiteral("Batch size"), m_batch);
  form->addRow(QStringLiteral("Weights seed"), m_seed);
  column->addLayout(form);

  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
  m_error->hide();
  column->addWidget(m_error);
  column->addStretch(1);

  for (QComboBox* box : {m_activation, m_loss, m_regularization, m_rate})
    connect(box, &QComboBox::activated, this, &BuilderPanel::applyChoices);
  for (QSpinBox* box : {m_batch, m_seed})
    connect(box, &QSpinBox::editingFinished, this, &BuilderPanel::applyChoices);
  connect(controller, &NetworkController::problemChanged, this, &BuilderPanel::refresh);
  refresh();
}

QToolButton* BuilderPanel::fewerNeuronsButton(int layer) const {
  return layer >= 0 && layer < static_cast<int>(m_rows.size()) ? m_rows[layer].fewer : nullptr;
}

QToolButton* BuilderPanel::moreNeuronsButton(int layer) const {
  return layer >= 0 && layer < static_cast<int>(m_rows.size()) ? m_rows[layer].more : nullptr;
}

template <class Change>
void BuilderPanel::apply(Change change) {
  NetworkSettings settings = m_controller->settings();
  try {
    change(settings);
    m_controller->setSettings(settings);
    m_error->hide();
  } catch (const SpecError& error) {
    m_error->setText(QString::fromUtf8(error.what()));
    m_error->show();
    refresh();  // the controls go back to the settings in force
    m_error->show();
  }
}

void BuilderPanel::changeLayers(int delta) {
  apply([delta](NetworkSettings& settings) {
    if (delta > 0)
      settings.hidden.push_back(settings.hidden.empty() ? kNewLayerNeurons
                                                        : settings.hidden.back());
    else if (!settings.hidden.empty())
      settings.hidden.pop_back();
  });
}

void BuilderPanel::changeNeurons(int layer, int delta) {
  apply([layer, delta](NetworkSettings& settings) { settings.hidden.at(layer) += delta; });
}

void BuilderPanel::applyChoices() {
  apply([this](NetworkSettings& settings) {
    settings.activation = parseActivation(m_activation->currentText().toStdString());
    settings.loss = parseLossChoice(m_loss->currentText().toStdString());
    settings.regularization = makeRegularization(m_regularization->currentText().toStdString(),
                                                 m_rate->currentData().toDouble());
    settings.batchSize = m_batch->value();
    settings.seed = static_cast<std::uint64_t>(m_seed->value());
  });
}

void BuilderPanel::rebuildLayerRows() {
  const std::vector<int>& hidden = m_controller->settings().hidden;
  while (m_rows.size() > hidden.size()) {
    delete m_rows.back().row;
    m_rows.pop_back();
  }
  while (m_rows.size() < hidden.size()) {
    const int layer = static_cast<int>(m_rows.size());
    auto* row = new QWidget(this);
    auto* line = new QHBoxLayout(row);
    line->setContentsMargins(12, 0, 0, 0);
    auto* fewer = stepButton(QStringLiteral("−"), QStringLiteral("one neuron fewer"), row);
    auto* more = stepButton(QStringLiteral("+"), QStringLiteral("one neuron more (up to 16)"), row);
    auto* count = new QLabel(row);
    line->addWidget(fewer);
    line->addWidget(more);
    line->addWidget(count, 1);
    connect(fewer, &QToolButton::clicked, this, [this, layer] { changeNeurons(layer, -1); });
    connect(more, &QToolButton::clicked, this, [this, layer] { changeNeurons(layer, +1); });
    m_layerRows->addWidget(row);
    m_rows.push_back({row, count, fewer, more});
  }
  for (size_t l = 0; l < hidden.size(); ++l) {
    const int n = hidden[l];
    m_rows[l].count->setText(
        QStringLiteral("layer %1: %2 neuron%3").arg(l + 1).arg(n).arg(n == 1 ? "" : "s"));
    m_rows[l].fewer->setEnabled(n > 1);
    m_rows[l].more->setEnabled(n < kMaxNeuronsPerLayer);
  }
}

void BuilderPanel::refresh() {
  const NetworkSettings& settings = m_controller->settings();
  const int layers = static_cast<int>(settings.hidden.size());
  m_layerCount->setText(
      QStringLiteral("%1 hidden layer%2").arg(layers).arg(layers == 1 ? "" : "s"));
  m_removeLayer->setEnabled(layers > 0);
  m_addLayer->setEnabled(layers < kMaxHiddenLayers);
  rebuildLayerRows();
  m_activation->setCurrentText(text(activationName(settings.activation)));
  m_loss->setCurrentText(settings.loss ? text(lossName(*settings.loss)) : QStringLiteral("auto"));
  m_regularization->setCurrentText(text(regularizationName(settings.regularization.kind)));
  const int rateIndex = m_rate->findData(settings.regularization.rate);
  if (rateIndex >= 0) m_rate->setCurrentIndex(rateIndex);
  m_batch->setValue(settings.batchSize);
  m_seed->setValue(static_cast<int>(settings.seed));
  m_error->hide();
}

}  // namespace optiscope::ui
