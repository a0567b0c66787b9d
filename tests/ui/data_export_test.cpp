// File → Export data… (issue 13, item 2): every run of the page as CSV, one file per run.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

#include "core/engine/snapshot.h"
#include "core/optim/registry.h"
#include "ui/app_window.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/main_window.h"
#include "ui/network/network_controller.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

constexpr int kTimeoutMs = 30000;

QStringList lines(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

}  // namespace

TEST_CASE("the landscape's runs export as CSV, every step with the optimizer's state",
          "[ui][export]") {
  AppWindow app;
  app.window.show();
  LandscapeController& controller = app.landscapeController;
  controller.step(120);
  REQUIRE(controller.waitUntilIdle(kTimeoutMs));
  QTemporaryDir dir;
  REQUIRE(app.window.exportData(dir.path()).isEmpty());

  const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
  REQUIRE(files.size() == static_cast<int>(controller.runIds().size()));
  CHECK(files.front() == QStringLiteral("1-sgd.csv"));
  for (int k = 0; k < files.size(); ++k) {
    INFO(files[k].toStdString());
    const QStringList rows = lines(dir.filePath(files[k]));
    REQUIRE(rows.size() >= 2);
    CHECK(rows.front().startsWith(QStringLiteral("step,x,y,loss,grad_x,grad_y,lr_x,lr_y,")));
    const RunSnapshot* now =
        controller.runSnapshot(controller.runIds()[static_cast<std::size_t>(k)]);
    REQUIRE(now);
    // Every step from 0 to where the run is (or to where it diverged).
    const long long last = now->diverged ? now->divergedAt : now->step;
    CHECK(rows.back().section(',', 0, 0).toLongLong() == last);
    CHECK(rows.size() == last + 2);
  }
}

TEST_CASE("a run changed while it ran cannot be exported, and nothing is written", "[ui][export]") {
  AppWindow app;
  app.window.show();
  LandscapeController& controller = app.landscapeController;
  controller.step(50);
  REQUIRE(controller.waitUntilIdle(kTimeoutMs));
  const RunId adam = controller.runIds().back();
  controller.setOptimizer(adam, parseOptimizerSpec("adam:lr=0.02"));
  controller.step(50);
  REQUIRE(controller.waitUntilIdle(kTimeoutMs));
  QTemporaryDir dir;
  const QString problem = app.window.exportData(dir.path());
  CHECK(problem.contains(QStringLiteral("cannot be replayed")));
  CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST_CASE("the network's runs export one row per epoch", "[ui][export][network]") {
  AppWindow app;
  app.window.show();
  app.window.showPage(1);
  NetworkController& controller = app.networkController;
  for (int e = 0; e < 3; ++e) {
    controller.stepOnce();
    REQUIRE(controller.waitUntilIdle(kTimeoutMs));
  }
  QTemporaryDir dir;
  REQUIRE(app.window.exportData(dir.path()).isEmpty());
  const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
  REQUIRE(files.size() == static_cast<int>(controller.runIds().size()));
  for (const QString& file : files) {
    INFO(file.toStdString());
    const QStringList rows = lines(dir.filePath(file));
    CHECK(rows.front() ==
          QStringLiteral("epoch,step,train_loss,test_loss,train_accuracy,test_accuracy"));
    CHECK(rows.size() == 5);  // epochs 0..3
    CHECK(rows.back().startsWith(QStringLiteral("3,")));
  }
}
