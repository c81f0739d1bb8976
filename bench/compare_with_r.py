#!/usr/bin/env python3
"""Print a Markdown table of Cutoff Lab's timings beside R's for the same work.

Usage: compare_with_r.py CUTOFFLAB_JSONL R_JSONL

CUTOFFLAB_JSONL is the output of bench_analysis (and bench_scan), one JSON object per
line with op, n and seconds. R_JSONL is the output of the R timing script, one object
per line with op, n and median_s. Each row pairs the operations that do the same work.
"""

import json
import sys

# (label, Cutoff Lab operations summed, R operations summed)
PAIRS = [
    ("read the CSV file", ["read_csv"], ["read_csv"]),
    ("sort once (prepare the cohort)", ["prepare_sort"], []),
    ("one pass over the sorted data", ["one_pass"], []),
    ("slider step: Kaplan-Meier + log-rank + Cox", ["cutoff_step_km_logrank_cox"], ["survfit", "survdiff", "coxph"]),
    ("Kaplan-Meier per group", ["part_km_by_group"], ["survfit"]),
    ("log-rank", ["part_logrank"], ["survdiff"]),
    ("Cox (Efron)", ["part_cox"], ["coxph"]),
    ("ROC with DeLong CI", ["roc_delong"], ["roc_delong"]),
    ("2x2 table with Fisher's test", ["part_response_table_fisher"], ["fisher"]),
    ("whole slider step (analyze(): all of the above)", ["analyze_full_step"], ["bundle"]),
    ("scan every cut-off, maxstat Lau94", ["scan_maxstat_lau94"], ["maxstat_lau94"]),
    ("log-rank at every cut-off (landscape) vs a survdiff loop", ["scan_landscape_peto"], ["scan_survdiff"]),
    ("1,000 conditional Monte Carlo permutations", ["maxstat_condmc_1000"], ["maxstat_condmc"]),
]


def load(path, key):
    table = {}
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if not line.startswith("{"):
                continue
            row = json.loads(line)
            if key in row and row[key] is not None:
                table[(row["op"], int(row["n"]))] = float(row[key])
    return table


def total(table, ops, n):
    if not ops:
        return None
    values = [table.get((op, n)) for op in ops]
    return None if any(v is None for v in values) else sum(values)


def seconds_text(value):
    if value is None:
        return "-"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.3g} ms"
    return f"{value * 1e6:.3g} µs"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ours = load(sys.argv[1], "seconds")
    theirs = load(sys.argv[2], "median_s")
    sizes = sorted({n for (_, n) in ours})
    print("| work | n | Cutoff Lab | R | R / Cutoff Lab |")
    print("|---|---|---|---|---|")
    for label, our_ops, r_ops in PAIRS:
        for n in sizes:
            mine = total(ours, our_ops, n)
            if mine is None:
                continue
            r = total(theirs, r_ops, n)
            ratio = f"{r / mine:.0f}" if r is not None and mine > 0 else "-"
            print(f"| {label} | {n:,} | {seconds_text(mine)} | {seconds_text(r)} | {ratio} |")


if __name__ == "__main__":
    main()
