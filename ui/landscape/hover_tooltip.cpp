#include "ui/landscape/hover_tooltip.h"

#include <cmath>

namespace optiscope::ui {

namespace {

QString row(const QString& name, const QString& value) {
  return QStringLiteral("<tr><td>%1</td><td>&nbsp;%2</td></tr>").arg(name, value);
}

}  // namespace

QString formatNumber(double value) {
  if (std::isnan(value)) return QStringLiteral("—");
  return QString::number(value, 'g', 6);
}

QString formatVector(const Eigen::VectorXd& values) {
  QStringList parts;
  for (Eigen::Index i = 0; i < values.size(); ++i) parts << formatNumber(values[i]);
  return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString hoverTooltipText(const HoverSample& sample) {
  QString text = QStringLiteral("<b><span style=\"color:%1\">■</span> %2</b> · step %3<table>")
                     .arg(sample.color.name(), sample.runLabel.toHtmlEscaped())
                     .arg(sample.step);
  text += row(QStringLiteral("θ"), formatVector(sample.params));
  text += row(QStringLiteral("f"), formatNumber(sample.loss));
  text += row(QStringLiteral("∇f"), formatVector(sample.gradient));
  text += row(QStringLiteral("η"), formatVector(sample.effectiveLr));
  switch (sample.state) {
    case HoverSample::State::Known:
      for (const NamedVector& state : sample.stateVectors)
        text += row(QString::fromStdString(state.name).toHtmlEscaped(), formatVector(state.values));
      if (sample.stateVectors.empty()) text += row(QStringLiteral("state"), QStringLiteral("none"));
      break;
    case HoverSample::State::Pending:
      text += row(QStringLiteral("state"), QStringLiteral("<i>replaying…</i>"));
      break;
    case HoverSample::State::SettingsChanged:
      text += row(QStringLiteral("state"), QStringLiteral("n/a (settings changed during the run)"));
      break;
  }
  return text + QStringLiteral("</table>");
}

QString minimumTooltipText(const Minimum& minimum) {
  return QStringLiteral("global minimum f=%1 at %2")
      .arg(formatNumber(minimum.value), formatVector(minimum.point));
}

}  // namespace optiscope::ui
