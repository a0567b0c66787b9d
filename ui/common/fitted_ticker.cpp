#include "ui/common/fitted_ticker.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/common/plot_access.h"

namespace optiscope::ui {
namespace {

constexpr double kMantissas[] = {1.0, 2.0, 5.0};
// Finer steps than span/kMaxTicks are never legible; stop looking there.
constexpr double kMaxTicks = 60.0;
// More decades than this on one axis: something overflowed; no ticks rather than a flood.
constexpr double kTickMaxDecades = 2000.0;
const QString kSuperscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
const QChar kSuperscriptMinus(0x207B);

bool horizontal(const QCPAxis* axis) { return axis->orientation() == Qt::Horizontal; }

double lengthOf(const QCPAxis* axis) {
  const QCPAxisRect* rect = axis->axisRect();
  return horizontal(axis) ? rect->width() : rect->height();
}

QString superscript(int exponent) {
  QString text;
  if (exponent < 0) text += kSuperscriptMinus;
  for (QChar digit : QString::number(std::abs(exponent))) text += kSuperscripts[digit.digitValue()];
  return text;
}

// Multiples of `step` in `range`, computed as k·step so that 0 comes out exactly.
QVector<double> multiplesOf(double step, const QCPRange& range) {
  QVector<double> ticks;
  const double first = std::ceil(range.lower / step - 1e-9);
  const double last = std::floor(range.upper / step + 1e-9);
  // A range narrower than its position's precision has no steps to count.
  if (!(first + 1.0 > first) || last - first > 10.0 * kMaxTicks) return ticks;
  for (double k = first; k <= last; k += 1.0) ticks.push_back(k == 0.0 ? 0.0 : k * step);
  return ticks;
}

}  // namespace

// ---------------------------------------------------------------- labels

QString roundLabel(double value, double step, const QLocale& locale) {
  if (!(step > 0.0) || std::abs(value) < step * 1e-9) return QStringLiteral("0");
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  if (std::abs(value) >= 1e6 || decimals > 4) {
    const int digits = static_cast<int>(std::floor(std::log10(std::abs(value)) + 1e-9) -
                                        std::floor(std::log10(step) + 1e-9)) +
                       1;
    return locale.toString(value, 'g', std::max(1, digits));
  }
  return locale.toString(value, 'f', decimals);
}

QString countLabel(double value, const QLocale& locale) {
  const double magnitude = std::abs(value);
  if (magnitude < 1e4) return locale.toString(std::round(value), 'f', 0);
  const auto scaled = [&](double unit, const char* suffix) {
    return locale.toString(value / unit, 'g', 4) + QLatin1String(suffix);
  };
  if (magnitude < 1e6) return scaled(1e3, "k");
  if (magnitude < 1e9) return scaled(1e6, "M");
  return scaled(1e9, "G");
}

QString powerOfTenLabel(int exponent, bool plain, const QLocale& locale) {
  if (plain && exponent >= -3 && exponent <= 4) {
    const double value = std::pow(10.0, exponent);
    return roundLabel(value, value, locale);
  }
  return QStringLiteral("10") + superscript(exponent);
}

double valueOfLabel(const QString& label) {
  QString text = label.trimmed();
  text.replace(QChar(0x2212), QLatin1Char('-'));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (text.startsWith(QStringLiteral("10")) && text.size() > 2 &&
      (kSuperscripts.contains(text[2]) || text[2] == kSuperscriptMinus)) {
    int exponent = 0;
    const bool negative = text[2] == kSuperscriptMinus;
    for (int i = negative ? 3 : 2; i < text.size(); ++i) {
      const auto digit = kSuperscripts.indexOf(text[i]);
      if (digit < 0) return nan;
      exponent = exponent * 10 + static_cast<int>(digit);
    }
    return std::pow(10.0, negative ? -exponent : exponent);
  }
  double unit = 1.0;
  if (text.endsWith(QLatin1Char('k'))) unit = 1e3;
  if (text.endsWith(QLatin1Char('M'))) unit = 1e6;
  if (text.endsWith(QLatin1Char('G'))) unit = 1e9;
  if (unit != 1.0) text.chop(1);
  bool ok = false;
  const double value = QLocale::c().toDouble(text, &ok);
  return ok ? value * unit : nan;
}

// ---------------------------------------------------------------- fitting

void FittedTicker::generate(const QCPRange& range, const QLocale& locale, QChar, int,
                            QVector<double>& ticks, QVector<double>* subTicks,
                            QVector<QString>* tickLabels) {
  ticks.clear();
  if (subTicks) subTicks->clear();
  if (tickLabels) tickLabels->clear();
  m_lengthUsed = m_axis ? lengthOf(m_axis) : 0.0;
  if (!m_axis || !std::isfinite(range.lower) || !std::isfinite(range.upper) ||
      !(range.upper > range.lower))
    return;
  QVector<QString> labels;
  if (placesByPriority()) {
    placeByPriority(candidates(range), locale, ticks, labels);
    if (tickLabels) *tickLabels = labels;
    return;
  }
  for (const QVector<double>& set : candidates(range)) {
    ticks = set;
    labels.clear();
    for (double tick : set) labels.push_back(label(tick, set, locale));
    if (fits(ticks, labels)) break;
  }
  // Even the sparsest set may crowd a tiny axis: drop what still collides.
  QVector<double> keptTicks;
  QVector<QString> keptLabels;
  for (int i = 0; i < ticks.size(); ++i) {
    if (!keptTicks.isEmpty() && !fits({keptTicks.back(), ticks[i]}, {keptLabels.back(), labels[i]}))
      continue;
    keptTicks.push_back(ticks[i]);
    keptLabels.push_back(labels[i]);
  }
  ticks = keptTicks;
  if (tickLabels) *tickLabels = keptLabels;
}

void FittedTicker::placeByPriority(const std::vector<QVector<double>>& tiers, const QLocale& locale,
                                   QVector<double>& ticks, QVector<QString>& labels) const {
  struct Placed {
    double pixel;
    double tick;
    QString label;
  };
  std::vector<Placed> placed;  // ordered by pixel
  for (const QVector<double>& tier : tiers) {
    for (double tick : tier) {
      const Placed candidate{m_axis->coordToPixel(tick), tick, label(tick, tier, locale)};
      auto next = std::lower_bound(placed.begin(), placed.end(), candidate.pixel,
                                   [](const Placed& p, double pixel) { return p.pixel < pixel; });
      if (next != placed.end() &&
          !fits({candidate.tick, next->tick}, {candidate.label, next->label}))
        continue;
      if (next != placed.begin() &&
          !fits({std::prev(next)->tick, candidate.tick}, {std::prev(next)->label, candidate.label}))
        continue;
      placed.insert(next, candidate);
    }
  }
  // Ticks go out in increasing coordinate order, as QCustomPlot expects.
  std::sort(placed.begin(), placed.end(),
            [](const Placed& a, const Placed& b) { return a.tick < b.tick; });
  for (const Placed& p : placed) {
    ticks.push_back(p.tick);
    labels.push_back(p.label);
  }
}

double FittedTicker::minimumGap() const {
  const QFontMetricsF metrics(m_axis->tickLabelFont());
  return horizontal(m_axis) ? metrics.height() * 0.6 : metrics.height() * 0.25;
}

double FittedTicker::minimumSpacing() const {
  const QFontMetricsF metrics(m_axis->tickLabelFont());
  return horizontal(m_axis) ? metrics.height() * 4.0 : metrics.height() * 2.0;
}

bool FittedTicker::fits(const QVector<double>& ticks, const QVector<QString>& labels) const {
  const QFontMetricsF metrics(m_axis->tickLabelFont());
  const bool across = horizontal(m_axis);
  const double gap = minimumGap(), spacing = minimumSpacing();
  const auto extent = [&](const QString& label) {
    return across ? metrics.horizontalAdvance(label) : metrics.height();
  };
  for (int i = 1; i < ticks.size(); ++i) {
    if (labels[i] == labels[i - 1]) return false;
    const double apart =
        std::abs(m_axis->coordToPixel(ticks[i]) - m_axis->coordToPixel(ticks[i - 1]));
    if (apart < spacing || apart < (extent(labels[i]) + extent(labels[i - 1])) / 2.0 + gap)
      return false;
  }
  return true;
}

bool FittedTicker::isStale() const { return m_axis && lengthOf(m_axis) != m_lengthUsed; }

// ---------------------------------------------------------------- round ticks

std::vector<QVector<double>> linearCandidates(const QCPRange& range, bool wholeNumbers) {
  std::vector<QVector<double>> sets;
  const double span = range.size();
  if (!(span > 0.0) || !std::isfinite(span)) return sets;
  double magnitude = std::pow(10.0, std::floor(std::log10(span / kMaxTicks)));
  for (int decade = 0; decade < 20; ++decade, magnitude *= 10.0) {
    for (double mantissa : kMantissas) {
      const double step = mantissa * magnitude;
      if (wholeNumbers && step < 1.0) continue;
      // Too many to be legible (a span far larger than its position's precision): coarser.
      if ((range.upper - range.lower) / step > 10.0 * kMaxTicks) continue;
      QVector<double> ticks = multiplesOf(step, range);
      if (ticks.isEmpty()) return sets;
      sets.push_back(std::move(ticks));
      if (sets.back().size() <= 1) return sets;
    }
  }
  return sets;
}

double tickStepOf(const QVector<double>& ticks) {
  return ticks.size() < 2 ? 0.0 : ticks[1] - ticks[0];
}

bool RoundTicker::logarithmic() const {
  return axis() && axis()->scaleType() == QCPAxis::stLogarithmic;
}

std::vector<QVector<double>> RoundTicker::candidates(const QCPRange& range) const {
  if (!logarithmic() || !(range.lower > 0.0)) return linearCandidates(range, m_counts);
  const double low = std::log10(range.lower), high = std::log10(range.upper);
  if (!std::isfinite(low) || !std::isfinite(high) || high - low > kTickMaxDecades) return {};
  if (high - low < 2.0) return linearCandidates(range, m_counts);
  std::vector<QVector<double>> sets;
  for (int stride : {1, 2, 3, 4, 5, 10, 20, 50, 100}) {
    QVector<double> ticks;
    for (double k = std::ceil(low - 1e-9); k <= std::floor(high + 1e-9); k += 1.0)
      if (static_cast<long long>(k) % stride == 0) ticks.push_back(std::pow(10.0, k));
    if (ticks.isEmpty()) break;
    sets.push_back(std::move(ticks));
    if (sets.back().size() <= 1) break;
  }
  return sets;
}

QString RoundTicker::label(double tick, const QVector<double>& ticks, const QLocale& locale) const {
  const bool powersOfTen = logarithmic() && !ticks.isEmpty() && ticks.front() > 0.0 &&
                           std::log10(ticks.back() / ticks.front()) >= 1.0 &&
                           std::all_of(ticks.begin(), ticks.end(), [](double t) {
                             const double k = std::log10(t);
                             return std::abs(k - std::round(k)) < 1e-9;
                           });
  if (m_counts) return countLabel(tick, locale);
  if (powersOfTen) {
    const bool plain = ticks.front() >= 1e-3 && ticks.back() <= 1e4;
    return powerOfTenLabel(static_cast<int>(std::lround(std::log10(tick))), plain, locale);
  }
  double step = tickStepOf(ticks);
  if (!(step > 0.0))
    step = std::abs(tick) > 0.0 ? std::pow(10.0, std::floor(std::log10(std::abs(tick)))) : 1.0;
  return roundLabel(tick, step, locale);
}

// ---------------------------------------------------------------- plots

void useRoundTicks(QCPAxis* axis, bool counts) {
  axis->setTicker(QSharedPointer<RoundTicker>::create(axis, counts));
}

void fitTicks(QCustomPlot& plot) {
  QList<QCPAxis*> axes;
  for (QCPAxisRect* rect : plot.axisRects()) axes += rect->axes();
  for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) axes += scale->axis();
  for (QCPAxis* axis : axes) {
    QCPAxisTicker* ticker = axis->ticker().data();
    if (!dynamic_cast<FittedTicker*>(ticker) && !dynamic_cast<QCPAxisTickerText*>(ticker))
      useRoundTicks(axis);
  }
  if (plot.property("optiscopeFittedTicks").toBool()) return;
  plot.setProperty("optiscopeFittedTicks", true);
  // Ticks are chosen before the layout of the replot that draws them: when that layout gave an
  // axis another length (a resize, wider labels on the other axis), choose them again for it.
  QObject::connect(&plot, &QCustomPlot::afterLayout, &plot, [plot = &plot] {
    if (plot->property("optiscopeRelayout").toBool()) return;
    bool stale = false;
    for (QCPAxisRect* rect : plot->axisRects())
      for (QCPAxis* axis : rect->axes())
        if (auto* fitted = dynamic_cast<FittedTicker*>(axis->ticker().data()))
          stale = stale || fitted->isStale();
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
      if (auto* scale = qobject_cast<QCPColorScale*>(element))
        if (auto* fitted = dynamic_cast<FittedTicker*>(scale->axis()->ticker().data()))
          stale = stale || fitted->isStale();
    if (!stale) return;
    plot->setProperty("optiscopeRelayout", true);
    relayout(*plot);
    plot->setProperty("optiscopeRelayout", false);
  });
}

}  // namespace optiscope::ui
