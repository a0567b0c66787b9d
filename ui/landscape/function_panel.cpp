#include "ui/landscape/function_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <limits>

#include "core/objectives/objective.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<ParamInfo> startTable() {
  return {realParam("x", 0.0, "start x: every run restarts here (or click the map)", -kInf, kInf),
          realParam("y", 0.0, "start y: every run restarts here (or click the map)", -kInf, kInf)};
}

}  // namespace

FunctionPanel::FunctionPanel(LandscapeController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  m_function = new SpecEditor(
      SpecFamily::functions(),
      [this](const std::string& spec) {
        const ObjectiveConfig config = parseObjectiveSpec(spec);
        if (makeObjective(config)->dim() != 2)
          throw SpecError("function: the landscape shows 2D functions only");
        m_controller->setObjective(config);  // resets the start to the function's default
        return config.spec();
      },
      this);
  m_function->picker()->setToolTip(QStringLiteral("the surface every run descends"));
  column->addWidget(m_function);

  auto* startRow = new QHBoxLayout;
  startRow->addWidget(new QLabel(QStringLiteral("Start"), this));
  m_defaultStart = new QPushButton(QStringLiteral("Default"), this);
  m_defaultStart->setToolTip(QStringLiteral("restart every run at the function's default start"));
  connect(m_defaultStart, &QPushButton::clicked, this, [this] {
    m_controller->setStart(makeObjective(m_controller->objective())->defaultStart());
  });
  startRow->addStretch(1);
  startRow->addWidget(m_defaultStart);
  column->addLayout(startRow);
  m_start = new ParamForm(startTable(), {}, this);
  // A start picked on the map has 17 digits; five read well and the exact one stays in force.
  for (const char* key : {"x", "y"}) m_start->field(key)->setShownDigits(5);
  connect(m_start, &ParamForm::committed, this, &FunctionPanel::applyStart);
  column->addWidget(m_start);
  column->addStretch(1);

  connect(m_controller, &LandscapeController::problemChanged, this, &FunctionPanel::refresh);
  refresh();
}

void FunctionPanel::refresh() {
  m_function->setSpec(m_controller->objective().spec());
  const Eigen::VectorXd& start = m_controller->start();
  if (start.size() == 2)
    m_start->setValues({{"x", formatDouble(start[0])}, {"y", formatDouble(start[1])}});
}

void FunctionPanel::applyStart(const QString& key, const QString& text) {
  const std::string name = key.toStdString();
  try {
    Eigen::VectorXd start = m_controller->start();
    start[name == "x" ? 0 : 1] = parseFiniteDouble(text.toStdString(), "start " + name);
    m_controller->setStart(start);
    m_start->field(name)->setAcceptedText(text.trimmed());
  } catch (const SpecError& error) {
    m_start->showError(name, QString::fromUtf8(error.what()));
  }
}

}  // namespace optiscope::ui
