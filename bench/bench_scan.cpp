// Times the cut-off scan of Cutoff Lab on the generated benchmark cohorts, for comparison
// with R's maxstat.test and a survdiff loop on the same files.
//
// Usage: bench_scan [DATA_DIR] [N ...]
//   DATA_DIR contains cohort_<N>.csv (columns id, os_months, death, il6, il8, response,
//   age, albumin), written by the R script that generates the benchmark cohorts;
//   default /tmp/bench-data. N defaults to 1000 10000 100000 1000000.
// Prints one JSON line per (operation, N) on stdout and a Markdown table on stderr.
//
// Every operation runs on the marker il6 against (os_months, death), on data sorted once
// at load (MarkerSurvival), with maxstat's default proportions 0.1 and 0.9:
//   scan_prepare_marker    MarkerSurvival::fromSorted: the sort by marker done at load
//   scan_maxstat_lau94     maxstatTest without HL: statistic of every cut-off, Lau92, Lau94
//   scan_landscape         scanCutoffs: statistic, log-rank test and hazard ratio of every cut-off
//                          (Cox at every cut-off up to about 5,000 rows, else Peto's estimate)
//   scan_landscape_peto    the same with Peto's hazard ratios everywhere but at the optima: the
//                          work of R's survdiff loop over every cut-off
//   maxstat_condmc_1000    conditionalMonteCarlo, 1,000 permutations, 2 threads
//   bootstrap_200          bootstrapCutoff, 200 samples with the optimism fits, 2 threads
//   two_cutoffs_grid       scanTwoCutoffs, grid of 100 cut-offs (4,950 pairs), 2 threads
//
// Timing: each operation runs in batches of k calls (k = 1, 4, 16, ... until a batch
// lasts at least 0.2 s) and the time per call of the median of 5 batches is reported (one
// batch when a call lasts more than 15 s), the policy of the R side.

#include "analysis/analyze.h"
#include "cutpoint/bootstrap.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/permutation.h"
#include "cutpoint/scan.h"
#include "cutpoint/twocutoffs.h"
#include "data/cohort.h"
#include "io/table.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace cutofflab;

namespace {

using Clock = std::chrono::steady_clock;

constexpr unsigned kThreads = 2;

double secondsOf(const std::function<void()>& work, int calls)
{
    const auto start = Clock::now();
    for (int i = 0; i < calls; ++i)
        work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Median seconds per call over 5 batches; a batch grows until it lasts >= 0.2 s.
double timePerCall(const std::function<void()>& work)
{
    int calls = 1;
    double seconds = secondsOf(work, calls);
    while (seconds < 0.2 && calls < (1 << 20)) {
        calls *= 4;
        seconds = secondsOf(work, calls);
    }
    std::vector<double> perCall{seconds / calls};
    const int reps = seconds > 15 ? 1 : 5;
    for (int r = 1; r < reps; ++r)
        perCall.push_back(secondsOf(work, calls) / calls);
    std::sort(perCall.begin(), perCall.end());
    return perCall[perCall.size() / 2];
}

struct Row {
    std::string operation;
    long n;
    double seconds;
};

std::vector<Row> rows;

/// Prints one JSON line; detail is extra JSON members (with a leading comma) or empty.
void record(const std::string& operation, long n, double seconds, unsigned threads, const std::string& detail = {})
{
    rows.push_back({operation, n, seconds});
    std::printf("{\"tool\":\"cutofflab\",\"op\":\"%s\",\"n\":%ld,\"seconds\":%.9g,\"threads\":%u%s}\n", operation.c_str(), n,
                seconds, threads, detail.c_str());
    std::fflush(stdout);
}

std::string valueMember(const std::vector<std::pair<std::string, double>>& values)
{
    std::string text = ",\"value\":{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        char member[128];
        if (std::isfinite(values[i].second))
            std::snprintf(member, sizeof member, "%s\"%s\":%.17g", i ? "," : "", values[i].first.c_str(), values[i].second);
        else
            std::snprintf(member, sizeof member, "%s\"%s\":null", i ? "," : "", values[i].first.c_str());
        text.append(member);
    }
    text.append("}");
    return text;
}

volatile double sink = 0.0;   // keeps results observable so the work is not optimised away

} // namespace

int main(int argc, char* argv[])
{
    const std::filesystem::path directory = argc > 1 ? argv[1] : "/tmp/bench-data";
    std::vector<long> sizes;
    for (int i = 2; i < argc; ++i)
        sizes.push_back(std::stol(argv[i]));
    if (sizes.empty())
        sizes = {1000, 10000, 100000, 1000000};

    for (long n : sizes) {
        const std::filesystem::path file = directory / ("cohort_" + std::to_string(n) + ".csv");
        if (!std::filesystem::exists(file)) {
            std::fprintf(stderr, "bench_scan: %s not found; generate the cohorts first.\n", file.c_str());
            return 1;
        }
        ColumnRoles roles;
        roles.time = "os_months";
        roles.event = "death";
        roles.markers = {"il6"};
        const PreparedCohort prepared(buildCohort(io::readTable(file), roles));
        const SortedSurvival& survival = prepared.survival();
        const CohortColumn& il6 = prepared.cohort().column("il6");
        std::vector<double> marker(survival.size());
        for (std::size_t k = 0; k < survival.size(); ++k)
            marker[k] = il6.values[survival.index[k]].value_or(std::nan(""));

        record("scan_prepare_marker", n,
               timePerCall([&] { sink = static_cast<double>(MarkerSurvival::fromSorted(survival, marker).size()); }), 1);
        const MarkerSurvival data = MarkerSurvival::fromSorted(survival, marker);

        MaxstatOptions maxstatOptions;
        maxstatOptions.hothornLausen = false;
        const MaxstatResult maxstat = maxstatTest(data, maxstatOptions);
        record("scan_maxstat_lau94", n, timePerCall([&] { sink = maxstatTest(data, maxstatOptions).logRank.statistic; }), 1,
               valueMember({{"stat", maxstat.logRank.statistic},
                            {"cut", maxstat.logRank.cutoff},
                            {"p_lau94", maxstat.lausen94.value.value_or(std::nan(""))},
                            {"ncut", static_cast<double>(maxstat.candidates.cutoffs.size())}}));

        ScanOptions scanOptions;
        scanOptions.threads = kThreads;
        const CutoffScan scan = scanCutoffs(data, scanOptions);
        const bool coxEverywhere = scan.size() > 0 && scan.hazardRatioMethod.front() != HazardRatioMethod::PetoOneStep;
        record("scan_landscape", n, timePerCall([&] { sink = scanCutoffs(data, scanOptions).logRankChiSquare.front(); }),
               kThreads,
               valueMember({{"max_chisq", scan.logRankChiSquare[scan.byLogRankP.index]},
                            {"max_chisq_cut", scan.byLogRankP.cutoff},
                            {"cox_at_every_cutoff", coxEverywhere ? 1.0 : 0.0}}));

        ScanOptions petoOptions = scanOptions;
        petoOptions.hazardRatios = HazardRatioMode::PetoOneStep;
        record("scan_landscape_peto", n, timePerCall([&] { sink = scanCutoffs(data, petoOptions).logRankChiSquare.front(); }),
               kThreads);

        ResamplingControl control;
        control.seed = 1;
        control.threads = kThreads;
        PermutationOptions permutationOptions;
        permutationOptions.permutations = 1000;
        const PermutationResult permutation = conditionalMonteCarlo(data, permutationOptions, control);
        record("maxstat_condmc_1000", n,
               timePerCall([&] { sink = static_cast<double>(conditionalMonteCarlo(data, permutationOptions, control).exceedances); }),
               kThreads, valueMember({{"p", permutation.pValue.value.value_or(std::nan(""))}}));

        BootstrapOptions bootstrapOptions;
        bootstrapOptions.replicates = 200;
        record("bootstrap_200", n, timePerCall([&] { sink = bootstrapCutoff(data, bootstrapOptions, control).lower; }), kThreads);

        TwoCutoffOptions twoOptions;
        twoOptions.maxGridSize = 100;
        record("two_cutoffs_grid", n,
               timePerCall([&] { sink = static_cast<double>(scanTwoCutoffs(data, twoOptions, control).cells.size()); }), kThreads);
    }

    std::fprintf(stderr, "\n| operation | n | seconds |\n|---|---|---|\n");
    for (const Row& row : rows)
        std::fprintf(stderr, "| %s | %ld | %.3g |\n", row.operation.c_str(), row.n, row.seconds);
    return 0;
}
