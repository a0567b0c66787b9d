#pragma once

class QSettings;

namespace optiscope::ui {

class LandscapePage;
class MainWindow;

// What Optiscope remembers between launches: window geometry and dock layout, theme, the page
// on screen, step axis, playback speed and the Landscape page's scene (function, start, runs
// with their specs, schedules, noise and colors). Anything unreadable falls back to its
// default; nothing here can stop the start-up. The window is not const: its layout is saved
// as every page has it (MainWindow::saveLayout).
void saveSession(QSettings& settings, MainWindow& window, const LandscapePage& landscape);
// Returns whether a saved scene was restored (otherwise the default scene was loaded).
bool restoreSession(QSettings& settings, MainWindow& window, LandscapePage& landscape);

}  // namespace optiscope::ui
