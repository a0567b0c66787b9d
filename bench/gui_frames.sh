#!/usr/bin/env bash
# Frame-time statistics of the main window while 8 runs race at unlimited speed, in a virtual
# X server (Xvfb), so it measures real painting without a desktop. Builds the benchmark first.
#   bench/gui_frames.sh [--seconds S] [--runs N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPTISCOPE_BUILD:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target bench_gui_frames --parallel "$(nproc 2>/dev/null || echo 2)"
exec xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
  "$build/bench/bench_gui_frames" "$@"
