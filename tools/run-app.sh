#!/usr/bin/env bash
# Sets up Cutoff Lab on a Debian/Ubuntu machine (installing missing packages), builds it
# and opens the window with the bundled example cohort (simulated data). Without a
# display it prints the command-line analysis of the same cohort instead.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset release >&2
cmake --build --preset release -j "$(nproc)" --target cutofflab cutofflab-cli >&2

example=resources/example_cohort_SIMULATED.csv
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec build/release/app/cutofflab "$@"
fi
echo "No display found: printing the command-line analysis of the example cohort." >&2
exec build/release/app/cutofflab-cli analyze "$example" --time os_months --event death \
    --marker il6_pg_ml --cutoff 8.58 --times 6,12 "$@"
