#!/usr/bin/env bash
# Times Cutoff Lab and R on the same generated cohorts in one run and prints the
# ratios as a Markdown table.
#
# Usage: bench/compare-with-r.sh R_SCRIPTS_DIR [N ...]
#   R_SCRIPTS_DIR holds the R side: gen_cohort.R (writes cohort_<N>.csv into
#   $BENCH_DATA, default /tmp/bench-data) and r_baseline.R (times survfit, survdiff,
#   coxph, pROC, fisher.test and maxstat on them). N defaults to 1000 10000 100000.
# Needs R with survival, pROC, maxstat and jsonlite (tools/install-deps.sh --with-r) and
# a release build with benchmarks (cmake --preset release && cmake --build --preset release).
set -euo pipefail
cd "$(dirname "$0")/.."

r_scripts="${1:?give the folder of gen_cohort.R and r_baseline.R}"
shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
export BENCH_DATA="${BENCH_DATA:-/tmp/bench-data}"
results="${BENCH_RESULTS:-/tmp/bench-results}"
mkdir -p "$BENCH_DATA" "$results"

for n in "${sizes[@]}"; do
    if [[ ! -f "$BENCH_DATA/cohort_$n.csv" ]]; then
        (cd "$BENCH_DATA" && Rscript "$(realpath "$r_scripts")/gen_cohort.R") >&2
        break
    fi
done

BENCH_OPS="read_csv,survfit,survdiff,coxph,roc_delong,fisher,bundle,maxstat_lau94,maxstat_condmc" \
BENCH_OUT="$results/r_baseline.jsonl" Rscript "$r_scripts/r_baseline.R" all "${sizes[@]}" >&2

build=build/release/bench
"$build/bench_analysis" "$BENCH_DATA" "${sizes[@]}" > "$results/cutofflab.jsonl"
if [[ -x "$build/bench_scan" ]]; then
    "$build/bench_scan" "$BENCH_DATA" "${sizes[@]}" >> "$results/cutofflab.jsonl"
fi
python3 bench/compare_with_r.py "$results/cutofflab.jsonl" "$results/r_baseline.jsonl"
