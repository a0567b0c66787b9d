#include "ui/common/param_form.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "ui/common/param_field.h"

namespace optiscope::ui {

ParamForm::ParamForm(const std::vector<ParamInfo>& table, const std::set<std::string>& hidden,
                     QWidget* parent)
    : QWidget(parent), m_layout(new QFormLayout(this)) {
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setVerticalSpacing(3);
  m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (const ParamInfo& info : table) {
    if (hidden.count(info.name)) continue;
    auto* field = new ParamField(info, this);
    auto* label = new QLabel(QString::fromStdString(info.name), this);
    label->setToolTip(field->toolTip());
    label->setBuddy(field->lineEdit() ? static_cast<QWidget*>(field->lineEdit()) : field);
    m_layout->addRow(label, field);
    m_fields.push_back(field);
    const QString key = QString::fromStdString(info.name);
    connect(field, &ParamField::committed, this,
            [this, key](const QString& text) { emit committed(key, text); });
  }
}

ParamField* ParamForm::field(const std::string& key) const {
  for (ParamField* field : m_fields)
    if (field->info().name == key) return field;
  return nullptr;
}

void ParamForm::setValues(const std::map<std::string, std::string>& valueTexts) {
  for (ParamField* field : m_fields) {
    const auto it = valueTexts.find(field->info().name);
    if (it == valueTexts.end() || field->isBeingEdited()) continue;
    const QString text = QString::fromStdString(it->second);
    if (text != field->acceptedText() || field->hasError()) field->setAcceptedText(text);
  }
}

void ParamForm::showError(const std::string& key, const QString& message) {
  if (ParamField* f = field(key)) f->showError(message);
}

void ParamForm::clearError(const std::string& key) {
  if (ParamField* f = field(key)) f->clearError();
}

void ParamForm::setCompact(bool compact) {
  for (int row = 1; row < m_layout->rowCount(); ++row) m_layout->setRowVisible(row, !compact);
}

}  // namespace optiscope::ui
