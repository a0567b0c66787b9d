#include "ui/common/data_export.h"

#include <QDir>
#include <QEventLoop>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QTimer>
#include <thread>

#include "core/engine/snapshot.h"
#include "ui/common/run_controller.h"

namespace optiscope::ui {

namespace data_export_impl {

constexpr int kProgressSteps = 1000;

// "Momentum (copy)" -> "momentum-copy": a file name on every system.
QString fileStem(const QString& name) {
  QString stem = name.toLower();
  stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  stem.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
  return stem.isEmpty() ? QStringLiteral("run") : stem;
}

}  // namespace data_export_impl

using namespace data_export_impl;

std::vector<RunCsvRequest> dataExportRequests(const RunController& controller, bool epochs,
                                              const QString& folder) {
  std::vector<RunCsvRequest> requests;
  int index = 0;
  for (RunId id : controller.runIds()) {
    ++index;
    RunCsvRequest request;
    request.config = controller.runConfig(id);
    request.epochs = epochs;
    request.name = controller.style(id).label.toStdString();
    request.path =
        QDir(folder)
            .filePath(
                QStringLiteral("%1-%2.csv").arg(index).arg(fileStem(controller.style(id).label)))
            .toStdString();
    const RunSnapshot* now = controller.runSnapshot(id);
    if (epochs && now && now->epochs && now->epochs->last) {
      request.length = now->epochs->last->epoch;
      request.expectedParams = now->epochs->last->params;
    } else if (!epochs && now) {
      request.length = now->step;
      request.expectedParams = now->params;
    } else {
      // Not started yet: only its first row, wherever its configuration starts it.
      request.length = 0;
      request.expectedParams = Run(request.config).params();
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

QString runDataExport(const std::vector<RunCsvRequest>& requests, QWidget* parent) {
  CsvExportProgress progress;
  std::atomic<bool> finished{false};
  std::string result;
  std::thread worker([&] {
    result = exportRunsCsv(requests, progress);
    finished = true;
  });
  const long long total = std::max(1LL, totalRows(requests));
  QProgressDialog dialog(
      QObject::tr("Writing %n run(s) as CSV…", nullptr, static_cast<int>(requests.size())),
      QObject::tr("Cancel"), 0, kProgressSteps, parent);
  dialog.setWindowTitle(QObject::tr("Export data"));
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setMinimumDuration(300);  // a quick export does not flash a dialog
  QObject::connect(&dialog, &QProgressDialog::canceled, [&progress] { progress.cancel = true; });
  // The GUI stays alive (progress, Cancel) while the worker writes; a timer looks in on it.
  QEventLoop waiting;
  QTimer tick;
  tick.setInterval(50);
  QObject::connect(&tick, &QTimer::timeout, [&] {
    dialog.setValue(static_cast<int>(kProgressSteps * progress.done.load() / total));
    if (finished.load()) waiting.quit();
  });
  tick.start();
  if (!finished.load()) waiting.exec();
  tick.stop();
  worker.join();
  dialog.reset();
  return QString::fromStdString(result);
}

}  // namespace optiscope::ui
