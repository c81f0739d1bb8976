#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Cutoff Lab builds and runs with, when any is missing.
# Debian 12 and Ubuntu 22.04 or later. Uses sudo when not run as root.
set -euo pipefail

# Real package names (not virtual ones such as libqt6charts6-dev, which dpkg never
# reports as installed): Qt Charts needs the Qt OpenGL development files as well.
packages=(
    build-essential cmake
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    libgl-dev libeigen3-dev libboost-dev
    fonts-dejavu-core
)
if [[ "${1:-}" == "--with-r" ]]; then
    # R and the packages the benchmarks and reference checks compare against.
    packages+=(r-base-core r-cran-survival r-cran-maxstat r-cran-proc)
fi
if [[ "${1:-}" == "--with-screenshots" ]]; then
    packages+=(xvfb xauth imagemagick)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# apt's progress goes to stderr so that the programs' own output stays clean on stdout.
"${sudo_cmd[@]}" apt-get update -q >&2
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
