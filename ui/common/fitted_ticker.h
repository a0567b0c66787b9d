#pragma once

#include <qcustomplot.h>

#include <QPointer>
#include <vector>

namespace optiscope::ui {

// Ticks at round values whose labels never collide. QCustomPlot's tickers aim at a tick count
// whatever the axis's length, so a short axis printed "1001000100000" (the labels of 100, 1000
// and 100000 run together). A fitted ticker measures its labels in the axis's font and keeps
// the densest set of round ticks whose labels stand apart at the axis's current length in
// pixels (and no closer than a comfortable reading distance).
class FittedTicker : public QCPAxisTicker {
 public:
  explicit FittedTicker(QCPAxis* axis) : m_axis(axis) {}

  void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
                QVector<double>& ticks, QVector<double>* subTicks,
                QVector<QString>* tickLabels) override;

  // The value a tick's label names (the tick's coordinate itself, unless the axis shows a
  // transformed quantity, as a log color bar does).
  virtual double labelValue(double tick) const { return tick; }
  // False where labels name things rather than values (neuron numbers, "b" for a bias).
  virtual bool namesValues() const { return true; }
  // The axis's length changed since the ticks were chosen (they may crowd or thin out).
  bool isStale() const;

 protected:
  // Candidate tick sets for `range`, all at round values: densest first (the first set whose
  // labels fit wins), or, where placesByPriority(), tiers in order of priority (each tick of
  // each tier is kept if its label fits among those kept before it).
  virtual std::vector<QVector<double>> candidates(const QCPRange& range) const = 0;
  virtual bool placesByPriority() const { return false; }
  virtual QString label(double tick, const QVector<double>& ticks, const QLocale& locale) const = 0;
  // Pixels between label edges, and between tick positions at the least.
  virtual double minimumGap() const;
  virtual double minimumSpacing() const;

  QCPAxis* axis() const { return m_axis; }

 private:
  bool fits(const QVector<double>& ticks, const QVector<QString>& labels) const;
  void placeByPriority(const std::vector<QVector<double>>& tiers, const QLocale& locale,
                       QVector<double>& ticks, QVector<QString>& labels) const;

  QPointer<QCPAxis> m_axis;
  double m_lengthUsed = 0.0;
};

// Label formats (exposed for tests and for tickers of their own).
// A multiple of `step` in the fewest digits that show it exactly ("0.25", "1500", "2e-05").
QString roundLabel(double value, double step, const QLocale& locale);
// A count: "950", "10k", "2.5M" (steps and epochs).
QString countLabel(double value, const QLocale& locale);
// A power of ten: "0.01" … "1000" within [1e-3, 1e4] when `plain`, else "10⁻⁵".
QString powerOfTenLabel(int exponent, bool plain, const QLocale& locale);
// The value a label names ("10⁻⁵", "2.5k" and "−3" included); NaN if it names none.
double valueOfLabel(const QString& label);

// Round ticks for an axis of either scale type (it follows setScaleType):
//  - linear: every m·10^k (m = 1, 2, 5), labelled with the digits they need;
//  - logarithmic: powers of ten, every n-th decade as the length allows (a range shorter than
//    two decades gets round linear steps instead).
class RoundTicker : public FittedTicker {
 public:
  // `counts`: the axis counts steps or epochs (whole numbers, labels such as "10k").
  explicit RoundTicker(QCPAxis* axis, bool counts = false) : FittedTicker(axis), m_counts(counts) {}

 protected:
  std::vector<QVector<double>> candidates(const QCPRange& range) const override;
  QString label(double tick, const QVector<double>& ticks, const QLocale& locale) const override;

 private:
  bool logarithmic() const;
  bool m_counts;
};

// Linear steps m·10^k (m = 1, 2, 5) from fine to coarse, each as the ticks it puts in `range`.
std::vector<QVector<double>> linearCandidates(const QCPRange& range, bool wholeNumbers);
// The step between consecutive ticks of a set (0 for fewer than two).
double tickStepOf(const QVector<double>& ticks);

// Gives every axis of `plot` (color scales included) a RoundTicker, keeping tickers that are
// already fitted or that name their ticks (QCPAxisTickerText).
void fitTicks(QCustomPlot& plot);
// Gives `axis` a RoundTicker.
void useRoundTicks(QCPAxis* axis, bool counts = false);

}  // namespace optiscope::ui
