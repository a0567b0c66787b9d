// The Network page's builder and feature controls as a user clicks them.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

#include "ui/network/builder_panel.h"
#include "ui/network/feature_picker.h"
#include "ui/network/network_controller.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

void click(QToolButton* button) {
  REQUIRE(button != nullptr);
  QTest::mouseClick(button, Qt::LeftButton);
}

}  // namespace

TEST_CASE("builder: hidden layers go from 0 to 6 with - and +, no further", "[ui][network]") {
  NetworkController controller;
  BuilderPanel panel(&controller);
  panel.show();
  REQUIRE(controller.settings().hidden == std::vector<int>{8, 8});
  click(panel.removeLayerButton());
  click(panel.removeLayerButton());
  CHECK(controller.settings().hidden.empty());
  CHECK(controller.task()->mlp().shape().hidden.empty());
  CHECK_FALSE(panel.removeLayerButton()->isEnabled());
  CHECK(panel.addLayerButton()->isEnabled());
  for (int i = 0; i < 8; ++i)
    if (panel.addLayerButton()->isEnabled()) click(panel.addLayerButton());
  CHECK(controller.settings().hidden.size() == 6);
  CHECK(controller.task()->mlp().shape().hidden.size() == 6);
  CHECK_FALSE(panel.addLayerButton()->isEnabled());
  CHECK(panel.removeLayerButton()->isEnabled());
  CHECK(panel.moreNeuronsButton(5) != nullptr);
  CHECK(panel.moreNeuronsButton(6) == nullptr);
}

TEST_CASE("builder: neurons per layer go from 1 to 16 with - and +, no further", "[ui][network]") {
  NetworkController controller;
  BuilderPanel panel(&controller);
  panel.show();
  for (int i = 0; i < 20; ++i)
    if (panel.fewerNeuronsButton(0)->isEnabled()) click(panel.fewerNeuronsButton(0));
  CHECK(controller.settings().hidden == std::vector<int>{1, 8});
  CHECK_FALSE(panel.fewerNeuronsButton(0)->isEnabled());
  for (int i = 0; i < 20; ++i)
    if (panel.moreNeuronsButton(1)->isEnabled()) click(panel.moreNeuronsButton(1));
  CHECK(controller.settings().hidden == std::vector<int>{1, 16});
  CHECK_FALSE(panel.moreNeuronsButton(1)->isEnabled());
  CHECK(panel.fewerNeuronsButton(1)->isEnabled());
  // The network the runs train has those sizes: 2·1+1 + 1·16+16 + 16·1+1 parameters.
  CHECK(controller.task()->parameterCount() == 3 + 32 + 17);
}

TEST_CASE("builder: a loss that does not fit the data is refused in the panel", "[ui][network]") {
  NetworkController controller;
  BuilderPanel panel(&controller);
  panel.show();
  const NetworkSettings before = controller.settings();
  panel.lossBox()->setCurrentText(QStringLiteral("mse"));
  emit panel.lossBox()->activated(panel.lossBox()->currentIndex());
  CHECK(panel.errorLabel()->isVisibleTo(&panel));
  CHECK(panel.errorLabel()->text().contains("mse"));
  CHECK(controller.settings() == before);
  CHECK(panel.lossBox()->currentText() == "auto");  // back to the loss in force
  panel.activationBox()->setCurrentText(QStringLiteral("relu"));
  emit panel.activationBox()->activated(panel.activationBox()->currentIndex());
  CHECK(controller.settings().activation == Activation::Relu);
  CHECK_FALSE(panel.errorLabel()->isVisibleTo(&panel));
}

TEST_CASE("feature toggles change the network's input count", "[ui][network]") {
  NetworkController controller;
  FeaturePicker picker(&controller);
  picker.show();
  REQUIRE(controller.task()->mlp().shape().inputs == 2);
  QTest::mouseClick(picker.box(static_cast<int>(Feature::X1Squared)), Qt::LeftButton);
  QTest::mouseClick(picker.box(static_cast<int>(Feature::SinX2)), Qt::LeftButton);
  CHECK(controller.task()->mlp().shape().inputs == 4);
  CHECK(controller.settings().features ==
        std::vector<Feature>{Feature::X1, Feature::X2, Feature::X1Squared, Feature::SinX2});
  QTest::mouseClick(picker.box(static_cast<int>(Feature::X1)), Qt::LeftButton);
  CHECK(controller.task()->mlp().shape().inputs == 3);
  // The last feature cannot go: the panel says why and keeps it checked.
  for (Feature f : {Feature::X2, Feature::X1Squared})
    QTest::mouseClick(picker.box(static_cast<int>(f)), Qt::LeftButton);
  REQUIRE(controller.settings().features == std::vector<Feature>{Feature::SinX2});
  QTest::mouseClick(picker.box(static_cast<int>(Feature::SinX2)), Qt::LeftButton);
  CHECK(controller.settings().features == std::vector<Feature>{Feature::SinX2});
  CHECK(picker.box(static_cast<int>(Feature::SinX2))->isChecked());
  CHECK(picker.errorLabel()->isVisibleTo(&picker));
}
