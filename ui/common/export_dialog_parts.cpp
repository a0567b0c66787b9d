#include "ui/common/export_dialog_parts.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardPaths>

namespace optiscope::ui {

QWidget* sizeRow(QSpinBox* width, QSpinBox* height) {
  auto* size = new QWidget;
  auto* row = new QHBoxLayout(size);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(width);
  row->addWidget(new QLabel(QStringLiteral("×")));
  row->addWidget(height);
  size->setFocusProxy(width);
  return size;
}

void makeProblemLabel(QLabel* label) {
  label->setWordWrap(true);
  label->setStyleSheet(QStringLiteral("color: #c0392b"));
  label->hide();
}

QString exportFolder() {
  const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  return !pictures.isEmpty() && QDir(pictures).exists() ? pictures : QDir::homePath();
}

}  // namespace optiscope::ui
