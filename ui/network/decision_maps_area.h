#pragma once

#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>

#include "core/engine/engine_types.h"
#include "core/nn/decision_grid.h"

class QGridLayout;
class QLabel;

namespace optiscope::ui {

class DecisionMapJob;
class DecisionMapView;
class NetworkController;
struct DecisionMaps;

// The decision boundary of the selected run, large, and with several runs the small multiples
// (one framed map per run, in its color, a click selects it). The maps are computed off the
// GUI thread a few times a second while training; results of a replaced task are dropped.
class DecisionMapsArea : public QWidget {
  Q_OBJECT
 public:
  explicit DecisionMapsArea(NetworkController* controller, QWidget* parent = nullptr);
  ~DecisionMapsArea() override;

  DecisionMapView* mainMap() const { return m_main; }
  int multipleCount() const { return static_cast<int>(m_multiples.size()); }
  DecisionMapView* multiple(RunId id) const;
  bool multiplesVisible() const;
  void setShowTestPoints(bool show);
  std::shared_ptr<const DecisionMaps> shownMaps() const { return m_shown; }
  // Asks for fresh maps now (normally throttled to a few per second).
  void requestNow();

 signals:
  void mapsShown(std::shared_ptr<const DecisionMaps> maps);

 private:
  void syncRuns();
  void onTaskChanged();
  void show(std::shared_ptr<const DecisionMaps> maps);
  void refreshCaptions();

  NetworkController* m_controller;
  DecisionMapJob* m_job;
  DecisionMapView* m_main;
  QLabel* m_mainTitle;
  QWidget* m_multiplesBox;
  QGridLayout* m_grid;
  std::map<RunId, DecisionMapView*> m_multiples;
  std::shared_ptr<const DecisionMaps> m_shown;
  GridBox m_box;
  QTimer m_throttle;
  bool m_showTest = false;
};

}  // namespace optiscope::ui
