#pragma once

#include <QDialog>
#include <functional>

#include "ui/common/animation_export.h"

class QCheckBox;
class QLabel;
class QSpinBox;

namespace optiscope::ui {

class Page;

// File → Export animation…: the shown page's runs from step 0 as an animated GIF. Steps (or
// epochs), frames, size and frame rate; the dialog says that the runs are played again from
// the start and where they will stand. Export asks for the file, then records with a progress
// dialog that can cancel (a cancelled recording leaves no file).
class AnimationExportDialog : public QDialog {
  Q_OBJECT
 public:
  AnimationExportDialog(Page& page, QWidget* parent = nullptr);

  using FileChooser = std::function<QString(const QString& suggested)>;
  void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

  QSpinBox* stepsBox() const { return m_steps; }
  QSpinBox* framesBox() const { return m_frames; }
  QSpinBox* fpsBox() const { return m_fps; }
  QSpinBox* widthBox() const { return m_width; }
  QSpinBox* heightBox() const { return m_height; }
  QLabel* problemLabel() const { return m_problem; }
  AnimationOptions options() const;
  // Records to `path` with a progress dialog; returns the error, "cancelled", or empty.
  QString recordTo(const QString& path);
  // Export: asks for a file, records, closes on success.
  void exportChosen();

 private:
  void updateSummary();

  Page& m_page;
  QSpinBox* m_steps;
  QSpinBox* m_frames;
  QSpinBox* m_fps;
  QSpinBox* m_width;
  QSpinBox* m_height;
  QCheckBox* m_withPlots;
  QLabel* m_summary;
  QLabel* m_problem;
  FileChooser m_chooseFile;
};

}  // namespace optiscope::ui
