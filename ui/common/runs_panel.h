#pragma once

#include <QWidget>
#include <map>

#include "core/engine/engine_types.h"

class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace optiscope::ui {

class RunCard;
class RunCardExtras;
class RunController;

// Every run of a page as a card, in the order they were added, and a button to add a run with
// any optimizer of the library. The selected run's card stands out and is scrolled into view;
// the Run menu's Duplicate and Remove act on it.
class RunsPanel : public QWidget {
  Q_OBJECT
 public:
  // `extras` (the page's) must outlive the panel.
  RunsPanel(RunController* controller, RunCardExtras* extras, QWidget* parent = nullptr);

  RunCard* card(RunId id) const;
  RunCard* cardAt(int index) const;
  int cardCount() const { return static_cast<int>(m_cards.size()); }
  QToolButton* addButton() const { return m_add; }
  // As wide as the widest card needs and its scroll bar: the list scrolls down, never sideways,
  // so a dock or splitter must not make it narrower than its cards.
  QSize minimumSizeHint() const override;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 public slots:
  // Adds a run with the optimizer's defaults (the page's default optimizer when empty) and
  // selects it.
  void addRun(const QString& optimizer = {});
  void duplicateSelectedRun();
  void removeSelectedRun();

 private:
  void syncCards();
  void showSelection();
  void refreshStatus();

  RunController* m_controller;
  RunCardExtras* m_extras;
  QScrollArea* m_scroll;
  QVBoxLayout* m_list;
  QToolButton* m_add;
  std::map<RunId, RunCard*> m_cards;
};

}  // namespace optiscope::ui
