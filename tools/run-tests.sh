#!/usr/bin/env bash
# Builds Cutoff Lab and runs every test suite (core, command line, window on Qt's
# offscreen platform). Usage: tools/run-tests.sh [preset], preset = release (default),
# debug or asan (AddressSanitizer + UndefinedBehaviorSanitizer).
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-release}"
tools/install-deps.sh
cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" -j "$(nproc)"
