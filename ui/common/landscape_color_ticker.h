#pragma once

#include <qcustomplot.h>

namespace optiscope::ui {

// Ticks for a color scale that shows logColorValue(f) = log10(f − floor + offset): ticks sit
// where the height f − floor is a power of ten (also 2 and 5 times one when the range is
// short), and their labels give f itself, which is what a reader wants to know.
class LandscapeLogTicker : public QCPAxisTicker {
 public:
  LandscapeLogTicker(double floor, double offset) : m_floor(floor), m_offset(offset) {}

 protected:
  QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
  QVector<double> createSubTickVector(int subTickCount, const QVector<double>& ticks) override;
  QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                       int precision) override;

 private:
  QVector<double> ticksWithin(const QCPRange& range, bool withMantissas) const;

  double m_floor;
  double m_offset;
};

}  // namespace optiscope::ui
