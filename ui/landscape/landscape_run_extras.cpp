#include "ui/landscape/landscape_run_extras.h"

#include <QCoreApplication>

#include "core/util/params.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/start_rates.h"

namespace optiscope::ui {
namespace {

const char* const kSigmaKey = "noise σ";
const char* const kSeedKey = "seed";

std::vector<ParamInfo> noiseTable() {
  return {
      nonNegativeParam(kSigmaKey, 0.0,
                       "gradient noise: σ·N(0, 1) is added to every gradient component, "
                       "mimicking stochastic gradients (changing it restarts the run)"),
      integerParam(kSeedKey, 0, "seed of the gradient noise (changing it restarts the run)", 0)};
}

QString tr(const char* text) { return QCoreApplication::translate("LandscapeRunExtras", text); }

}  // namespace

QWidget* LandscapeRunExtras::makeDetails(RunId id, QWidget* parent) {
  auto* form = new ParamForm(noiseTable(), {}, parent);
  form->setObjectName(QStringLiteral("NoiseForm"));
  QObject::connect(form, &ParamForm::committed, form,
                   [this, form, id](const QString& key, const QString& text) {
                     const std::string name = key.toStdString();
                     try {
                       double sigma = m_controller->noiseSigma(id);
                       long long seed = static_cast<long long>(m_controller->noiseSeed(id));
                       if (name == kSigmaKey) {
                         sigma = parseFiniteDouble(text.toStdString(), kSigmaKey);
                         checkValue(noiseTable()[0], sigma, "noise");
                       } else {
                         seed = parseInteger(text.toStdString(), kSeedKey);
                         checkValue(noiseTable()[1], static_cast<double>(seed), "noise");
                       }
                       m_controller->setNoise(id, sigma, static_cast<std::uint64_t>(seed));
                       form->field(name)->setAcceptedText(text.trimmed());
                     } catch (const SpecError& error) {
                       form->showError(name, QString::fromUtf8(error.what()));
                     }
                   });
  return form;
}

void LandscapeRunExtras::refreshDetails(QWidget* details, RunId id) {
  static_cast<ParamForm*>(details)->setValues(
      {{kSigmaKey, formatDouble(m_controller->noiseSigma(id))},
       {kSeedKey, std::to_string(m_controller->noiseSeed(id))}});
}

QString LandscapeRunExtras::status(const RunSnapshot* run) const {
  if (!run || !run->diverged) return {};
  return tr("diverged at step %L1 (a value became infinite or NaN)").arg(run->divergedAt);
}

QString LandscapeRunExtras::startSpec(const QString& optimizer) const {
  return landscapeStartSpec(optimizer);
}

QString LandscapeRunExtras::addRunTip() const {
  return tr("add a run with any optimizer of the library");
}

}  // namespace optiscope::ui
