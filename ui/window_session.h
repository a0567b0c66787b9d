#pragma once

class QSettings;

namespace optiscope::ui {

class EngineController;
class MainWindow;

// What Optiscope remembers between launches: window geometry and dock layout, theme, step axis,
// playback speed and the whole scene (function, start, runs with their specs, schedules, noise,
// colors). Anything unreadable falls back to its default; nothing here can stop the start-up.
// The window is not const: its layout is saved as the landscape page has it
// (MainWindow::saveLayout).
void saveSession(QSettings& settings, MainWindow& window, const EngineController& controller);
// Returns whether a saved scene was restored (otherwise the default scene was loaded).
bool restoreSession(QSettings& settings, MainWindow& window, EngineController& controller);

}  // namespace optiscope::ui
