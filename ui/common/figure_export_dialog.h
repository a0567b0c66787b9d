#pragma once

#include <QDialog>
#include <QList>
#include <functional>

#include "ui/common/figure_export.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace optiscope::ui {

// File → Export figure… and a plot's "Export this plot…": which part of the page (or the whole
// page), the format, the size (a single plot is laid out for it; the whole page keeps its
// arrangement on screen), the scale of a PNG and a transparent background. Export asks for the
// file name and writes it; a problem is shown in the dialog, which stays open.
class FigureExportDialog : public QDialog {
  Q_OBJECT
 public:
  // `part` is the index in `parts` to preselect, or -1 for the whole page.
  FigureExportDialog(QList<FigurePart> parts, int part, QWidget* parent = nullptr);

  // Asks for the file to write (suggested name, file filter); empty to cancel. The default
  // opens a file dialog; tests answer themselves.
  using FileChooser = std::function<QString(const QString& suggested, const QString& filter)>;
  void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

  QComboBox* partBox() const { return m_part; }
  QComboBox* formatBox() const { return m_format; }
  QSpinBox* widthBox() const { return m_width; }
  QSpinBox* heightBox() const { return m_height; }
  QDoubleSpinBox* scaleBox() const { return m_scale; }
  QCheckBox* transparentBox() const { return m_transparent; }
  QLabel* problemLabel() const { return m_problem; }
  // Exports with the dialog's settings to `path` (its format is the chosen one). Returns the
  // error message, empty on success.
  QString exportTo(const QString& path);
  // Export: asks for a file, writes it, closes on success.
  void exportChosen();

 private:
  void partChanged();
  void updateSummary();
  FigureOptions options() const;
  QList<FigurePart> visibleParts() const;

  QList<FigurePart> m_parts;  // the visible ones, in the part box's order after "whole page"
  QComboBox* m_part;
  QComboBox* m_format;
  QSpinBox* m_width;
  QSpinBox* m_height;
  QDoubleSpinBox* m_scale;
  QCheckBox* m_transparent;
  QLabel* m_summary;
  QLabel* m_problem;
  FileChooser m_chooseFile;
};

}  // namespace optiscope::ui
