# Shared by scripts/run and scripts/test: install what is missing, configure, build.
# Sourced, not executed. Idempotent: a second call only rebuilds what changed.
set -euo pipefail

OPTISCOPE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPTISCOPE_BUILD=${OPTISCOPE_BUILD:-$OPTISCOPE_ROOT/build}

# Debian 12 packages; nothing else is ever downloaded.
OPTISCOPE_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev libqcustomplot-dev
  libeigen3-dev catch2 nlohmann-json3-dev libgif-dev xvfb xauth)
# Only scripts/test and scripts/fuzz need these: clang and its libFuzzer runtime for the fuzz
# harnesses (g++ brings the ASan, UBSan and TSan runtimes itself).
OPTISCOPE_TEST_PACKAGES=(clang libclang-rt-14-dev)

optiscope_install_missing() {
  local missing=()
  for pkg in "${OPTISCOPE_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Optiscope needs these Debian packages. Please run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# optiscope_build [BUILD_DIR [CMAKE_ARGS...]]: configure once, then build everything there.
optiscope_build() {
  local dir=${1:-$OPTISCOPE_BUILD}
  [ $# -gt 0 ] && shift
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$OPTISCOPE_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  fi
  cmake --build "$dir" --parallel "$jobs"
}
