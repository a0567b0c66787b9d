#pragma once

#include <QWidget>
#include <map>

#include "core/engine/engine_types.h"

class QToolButton;
class QVBoxLayout;

namespace optiscope::ui {

class NetworkController;
class NetworkRunRow;

// Every run of the Network page, one editable row each, and Add run (any optimizer of the
// library). All runs train the same initial network on the same data.
class NetworkRunsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit NetworkRunsPanel(NetworkController* controller, QWidget* parent = nullptr);

  NetworkRunRow* row(RunId id) const;
  int rowCount() const { return static_cast<int>(m_rows.size()); }
  QToolButton* addButton() const { return m_add; }

 public slots:
  void addRun(const QString& optimizer = {});

 private:
  void syncRows();
  void showSelection();

  NetworkController* m_controller;
  QVBoxLayout* m_list;
  QToolButton* m_add;
  std::map<RunId, NetworkRunRow*> m_rows;
};

}  // namespace optiscope::ui
