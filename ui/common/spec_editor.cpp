#include "ui/common/spec_editor.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>
#include <map>

#include "core/objectives/objective.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"

namespace optiscope::ui {
namespace {

template <class Catalog>
std::vector<SpecFamily::Member> membersOf(const Catalog& catalog) {
  std::vector<SpecFamily::Member> members;
  for (const auto& info : catalog) members.push_back({info.name, info.summary, info.params});
  return members;
}

std::map<std::string, std::string> argsOf(const std::string& spec, const std::string& what) {
  std::map<std::string, std::string> args;
  for (auto& [key, value] : parseSpec(spec, what).args) args[key] = value;
  return args;
}

}  // namespace

SpecFamily SpecFamily::optimizers() { return {"optimizer", membersOf(optimizerCatalog()), {}}; }
SpecFamily SpecFamily::schedules() { return {"schedule", membersOf(scheduleCatalog()), {}}; }
SpecFamily SpecFamily::functions() { return {"function", membersOf(objectiveCatalog()), {"dim"}}; }

SpecEditor::SpecEditor(SpecFamily family, Apply apply, QWidget* parent)
    : QWidget(parent),
      m_family(std::move(family)),
      m_apply(std::move(apply)),
      m_picker(new QComboBox(this)),
      m_pickError(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_changes(new QLabel(this)),
      m_layout(new QVBoxLayout(this)) {
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setSpacing(3);
  for (const auto& member : m_family.members) {
    m_picker->addItem(QString::fromStdString(member.name));
    m_picker->setItemData(m_picker->count() - 1, QString::fromStdString(member.summary),
                          Qt::ToolTipRole);
  }
  m_picker->setMaxVisibleItems(20);
  m_summary->setWordWrap(true);
  m_summary->setForegroundRole(QPalette::PlaceholderText);
  m_pickError->setStyleSheet(QStringLiteral("color: #d62728;"));
  m_pickError->setWordWrap(true);
  m_pickError->hide();
  m_changes->setWordWrap(true);
  m_changes->setForegroundRole(QPalette::PlaceholderText);
  m_changes->setToolTip(tr("settings that differ from the defaults (expand the run to edit them)"));
  m_changes->hide();
  m_layout->addWidget(m_picker);
  m_layout->addWidget(m_pickError);
  m_layout->addWidget(m_summary);
  m_layout->addWidget(m_changes);
  connect(m_picker, &QComboBox::activated, this, &SpecEditor::onPicked);
}

const SpecFamily::Member* SpecEditor::member(const std::string& name) const {
  for (const auto& m : m_family.members)
    if (m.name == name) return &m;
  return nullptr;
}

void SpecEditor::setSpec(const std::string& canonicalSpec) {
  const Spec parsed = parseSpec(canonicalSpec, m_family.what);
  const SpecFamily::Member* chosen = member(parsed.name);
  if (!chosen) return;
  m_spec = canonicalSpec;
  if (parsed.name != m_name || !m_form) rebuildForm(*chosen);
  {
    const QSignalBlocker block(m_picker);
    m_picker->setCurrentText(QString::fromStdString(parsed.name));
  }
  m_pickError->hide();
  const auto args = argsOf(canonicalSpec, m_family.what);
  m_form->setValues(args);
  showChanges(*chosen, args);
}

void SpecEditor::showChanges(const SpecFamily::Member& member,
                             const std::map<std::string, std::string>& args) {
  QStringList changed;
  bool first = true;
  for (const ParamInfo& info : member.params) {
    if (m_family.hiddenKeys.count(info.name)) continue;
    const bool shownAnyway = first;  // the compact form shows the first row itself
    first = false;
    const auto value = args.find(info.name);
    if (shownAnyway || value == args.end()) continue;
    if (value->second == info.defaultAsText()) continue;
    const ParamField* field = m_form ? m_form->field(info.name) : nullptr;
    changed << QStringLiteral("%1 %2").arg(
        QString::fromStdString(info.name),
        field ? field->shownText(QString::fromStdString(value->second))
              : QString::fromStdString(value->second));
  }
  m_changes->setText(changed.join(QStringLiteral(" · ")));
  m_changes->setVisible(m_compact && !changed.isEmpty());
}

void SpecEditor::rebuildForm(const SpecFamily::Member& member) {
  if (m_form) {
    m_form->hide();
    m_form->deleteLater();
  }
  m_name = member.name;
  m_summary->setText(QString::fromStdString(member.summary));
  m_summary->setVisible(!m_compact);
  m_form = new ParamForm(member.params, m_family.hiddenKeys, this);
  m_form->setCompact(m_compact);
  m_layout->addWidget(m_form);
  connect(m_form, &ParamForm::committed, this, &SpecEditor::onCommitted);
}

void SpecEditor::onPicked(int index) {
  const std::string name = m_picker->itemText(index).toStdString();
  if (name == m_name) return;
  try {
    setSpec(m_apply(m_pickedSpec ? m_pickedSpec(name) : name));
  } catch (const SpecError& error) {
    const QSignalBlocker block(m_picker);
    m_picker->setCurrentText(QString::fromStdString(m_name));
    m_pickError->setText(QString::fromUtf8(error.what()));
    m_pickError->show();
  }
}

void SpecEditor::onCommitted(const QString& key, const QString& text) {
  const std::string name = key.toStdString();
  try {
    const std::string entry = text.trimmed().toStdString();
    Spec candidate = parseSpec(m_spec, m_family.what);
    bool replaced = false;
    for (auto& [k, value] : candidate.args) {
      if (k != name) continue;
      value = entry;
      replaced = true;
    }
    if (!replaced) candidate.args.emplace_back(name, entry);
    const std::string canonical = m_apply(candidate.toString());
    const auto args = argsOf(canonical, m_family.what);
    if (ParamField* field = m_form->field(name))
      field->setAcceptedText(
          QString::fromStdString(args.count(name) ? args.at(name) : text.toStdString()));
    setSpec(canonical);
  } catch (const SpecError& error) {
    m_form->showError(name, QString::fromUtf8(error.what()));
  }
}

void SpecEditor::setCompact(bool compact) {
  m_compact = compact;
  m_summary->setVisible(!compact);
  m_changes->setVisible(compact && !m_changes->text().isEmpty());
  if (m_form) m_form->setCompact(compact);
}

}  // namespace optiscope::ui
