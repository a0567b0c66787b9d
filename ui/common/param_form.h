#pragma once

#include <QString>
#include <QWidget>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/util/params.h"

class QFormLayout;

namespace optiscope::ui {

class ParamField;

// A form of ParamFields generated from a ParamInfo table (an optimizer's, a schedule's, a
// function's), one labelled row per parameter, in the table's order.
class ParamForm : public QWidget {
  Q_OBJECT
 public:
  // Parameters named in `hidden` get no row (a function's `dim`, fixed at 2 here).
  explicit ParamForm(const std::vector<ParamInfo>& table, const std::set<std::string>& hidden = {},
                     QWidget* parent = nullptr);

  // Shows these values as the ones in force. Fields the user is editing are left alone.
  void setValues(const std::map<std::string, std::string>& valueTexts);
  void showError(const std::string& key, const QString& message);
  void clearError(const std::string& key);
  // Compact: only the first row (an optimizer's learning rate) stays visible.
  void setCompact(bool compact);
  ParamField* field(const std::string& key) const;
  int rowCount() const { return static_cast<int>(m_fields.size()); }

 signals:
  void committed(const QString& key, const QString& text);

 private:
  QFormLayout* m_layout;
  std::vector<ParamField*> m_fields;
};

}  // namespace optiscope::ui
