#pragma once

#include <QString>
#include <QWidget>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/util/params.h"

class QComboBox;
class QLabel;
class QVBoxLayout;

namespace optiscope::ui {

class ParamForm;

// One family of `name:key=value,...` specs as the registries describe them: optimizers,
// schedules or functions.
struct SpecFamily {
  struct Member {
    std::string name;
    std::string summary;
    std::vector<ParamInfo> params;
  };
  std::string what;  // "optimizer", "schedule", "function": prefixes messages
  std::vector<Member> members;
  std::set<std::string> hiddenKeys;

  static SpecFamily optimizers();
  static SpecFamily schedules();
  static SpecFamily functions();  // `dim` hidden: the landscape is 2D
};

// A name picker and the chosen member's parameter form. Every committed change is turned into
// a complete spec and handed to `apply`, which validates it, puts it into effect and returns it
// in canonical form, or throws SpecError and changes nothing; the message then shows next to
// the field that caused it and the last valid value stays in force.
class SpecEditor : public QWidget {
  Q_OBJECT
 public:
  using Apply = std::function<std::string(const std::string& spec)>;

  SpecEditor(SpecFamily family, Apply apply, QWidget* parent = nullptr);

  // Shows a canonical spec as the one in force (rebuilding the form for another name).
  void setSpec(const std::string& canonicalSpec);
  // What picking another name applies (its defaults unless told otherwise).
  void setPickedSpec(std::function<std::string(const std::string& name)> specOf) {
    m_pickedSpec = std::move(specOf);
  }
  const std::string& spec() const { return m_spec; }
  // Compact: the picker and the first parameter only, and one short line naming the other
  // parameters that differ from their defaults ("momentum 0.9 · nesterov true").
  void setCompact(bool compact);
  QComboBox* picker() const { return m_picker; }
  QLabel* changesLabel() const { return m_changes; }
  ParamForm* form() const { return m_form; }

 private:
  void onPicked(int index);
  void onCommitted(const QString& key, const QString& text);
  void rebuildForm(const SpecFamily::Member& member);
  void showChanges(const SpecFamily::Member& member,
                   const std::map<std::string, std::string>& args);
  const SpecFamily::Member* member(const std::string& name) const;

  SpecFamily m_family;
  Apply m_apply;
  std::function<std::string(const std::string& name)> m_pickedSpec;
  std::string m_spec;
  std::string m_name;
  bool m_compact = false;
  QComboBox* m_picker;
  QLabel* m_pickError;
  QLabel* m_summary;
  QLabel* m_changes;
  QVBoxLayout* m_layout;
  ParamForm* m_form = nullptr;
};

}  // namespace optiscope::ui
