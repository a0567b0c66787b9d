#include "ui/common/page.h"

#include "ui/common/run_controller.h"

namespace optiscope::ui {

void Page::setOnScreen(bool onScreen) {
  if (onScreen == m_onScreen) return;
  m_onScreen = onScreen;
  RunController* runs = controller();
  if (!onScreen) {
    m_resumeWhenShown = runs->isPlaying();
    runs->pause();
  } else if (m_resumeWhenShown) {
    m_resumeWhenShown = false;
    runs->play();
  }
}

}  // namespace optiscope::ui
