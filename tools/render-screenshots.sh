#!/usr/bin/env bash
# Renders the window with the bundled simulated example cohort under a virtual X server
# (Xvfb) into docs/images/, at 1280x800 and 1920x1080, in light and dark palettes.
# Usage: tools/render-screenshots.sh [build-dir]   (default build/release; the script
# builds the cutofflab target there first). Needs xvfb and xauth
# (tools/install-deps.sh --with-screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:-build/release}"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCUTOFFLAB_BUILD_BENCHMARKS=OFF >/dev/null
fi
cmake --build "$build" --target cutofflab -j "$(nproc)" >/dev/null
app="$build/app/cutofflab"
out=docs/images
mkdir -p "$out"

# One picture: name, size, palette, then extra options for the window.
shot() {
    local name=$1 size=$2 palette=$3
    shift 3
    # A fixed font and no desktop settings, so the pictures do not depend on the machine.
    xvfb-run --auto-servernum --server-args="-screen 0 1920x1080x24 -dpi 96" \
        env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 QT_FONT_DPI=96 \
        "$app" --screenshot "$out/$name.png" --size "$size" --palette "$palette" "$@"
}

for palette in light dark; do
    for size in 1280x800 1920x1080; do
        shot "kaplan-meier-$size-$palette" "$size" "$palette" --tab 0
    done
done
shot "roc-1280x800-light" 1280x800 light --tab 1
shot "hazard-ratios-1280x800-light" 1280x800 light --tab 2
shot "response-1280x800-light" 1280x800 light --tab 3
shot "cohort-1280x800-light" 1280x800 light --tab 4
shot "honest-inference-1280x800-light" 1280x800 light --tab 5 --run-inference
shot "honest-inference-1920x1080-dark" 1920x1080 dark --tab 5 --run-inference
shot "column-dialog-lung-1280x800-light" 1280x800 light tests/data/reference/datasets/lung.csv
shot "score-1920x1080-dark" 1920x1080 dark --tab 0 --score
shot "score-1280x800-light" 1280x800 light --tab 0 --score
echo "Pictures written to $out/"
