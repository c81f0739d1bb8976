// Times one cut-off analysis of Cutoff Lab on the generated benchmark cohorts, the work
// behind one slider step, for comparison with R on the same files.
//
// Usage: bench_analysis [DATA_DIR] [N ...]
//   DATA_DIR holds cohort_<N>.csv (columns id, os_months, death, il6, il8, response,
//   age, albumin), written by the R script that generates the benchmark cohorts;
//   default /tmp/bench-data. N defaults to 1000 10000 100000 1000000.
// Prints one JSON line per (operation, N) on stdout and a Markdown table on stderr.
//
// Timing: each operation runs in batches of k calls (k = 1, 4, 16, ... until a batch
// lasts at least 0.2 s) and the time per call of the median of 5 batches is reported,
// the policy of the R side, on one thread.

#include "analysis/analyze.h"
#include "binary/groupcompare.h"
#include "binary/contingency.h"
#include "binary/roc.h"
#include "data/cohort.h"
#include "data/grouping.h"
#include "io/table.h"
#include "survival/cox.h"
#include "survival/km.h"
#include "survival/logrank.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace cutofflab;

namespace {

using Clock = std::chrono::steady_clock;

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

void record(const std::string& operation, long n, double seconds)
{
    rows.push_back({operation, n, seconds});
    std::printf("{\"tool\":\"cutofflab\",\"op\":\"%s\",\"n\":%ld,\"seconds\":%.9g}\n", operation.c_str(), n, seconds);
    std::fflush(stdout);
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
            std::fprintf(stderr, "bench_analysis: %s not found; generate the cohorts first.\n", file.c_str());
            return 1;
        }
        ColumnRoles roles;
        roles.time = "os_months";
        roles.event = "death";
        roles.markers = {"il6", "il8"};
        roles.covariates = {"response", "age", "albumin"};

        record("read_csv", n, timePerCall([&] { sink = static_cast<double>(io::readTable(file).rowCount()); }));
        const io::Table table = io::readTable(file);
        record("build_cohort", n, timePerCall([&] { sink = static_cast<double>(buildCohort(table, roles).size()); }));
        const Cohort cohort = buildCohort(table, roles);
        record("prepare_sort", n, timePerCall([&] { sink = static_cast<double>(PreparedCohort(cohort).survival().size()); }));
        const PreparedCohort prepared(cohort);
        const SortedSurvival& survival = prepared.survival();
        const CohortColumn& il6 = cohort.column("il6");

        std::vector<double> markerValues;
        for (const auto& value : il6.values)
            markerValues.push_back(*value);
        std::sort(markerValues.begin(), markerValues.end());
        const double median = quantileType7(markerValues, 0.5);

        // One pass over the sorted data: the floor against which a slider step is measured.
        record("one_pass", n, timePerCall([&] {
                   double total = 0.0;
                   for (std::size_t k = 0; k < survival.size(); ++k)
                       total += survival.event[k] ? survival.time[k] : 0.0;
                   sink = total;
               }));

        // The slider step of the survival panels: regroup at a new cut-off, Kaplan-Meier
        // per group, log-rank, univariate Cox (Efron). The cut-off alternates between
        // neighbouring quantiles so that every call does the whole work.
        const std::vector<double> cutoffs{quantileType7(markerValues, 0.45), median, quantileType7(markerValues, 0.55)};
        std::size_t next = 0;
        std::vector<int> sortedGroup(survival.size());
        Eigen::MatrixXd x(static_cast<Eigen::Index>(survival.size()), 1);
        const KmOptions kmOptions{ConfType::Log, 0.95, {6.0, 12.0}, std::nullopt};
        const CoxOptions coxOptions;
        record("cutoff_step_km_logrank_cox", n, timePerCall([&] {
                   const double cutoff = cutoffs[next++ % cutoffs.size()];
                   for (std::size_t k = 0; k < survival.size(); ++k) {
                       const int g = *il6.values[survival.index[k]] > cutoff ? 1 : 0;
                       sortedGroup[k] = g;
                       x(static_cast<Eigen::Index>(k), 0) = g;
                   }
                   const auto km = kaplanMeierByGroup(survival, sortedGroup, 2, kmOptions);
                   const LogRankResult test = logRank(survival, sortedGroup, 2);
                   const CoxFit fit = coxFit(survival, x, {"high"}, coxOptions);
                   sink = km[0].curve.back().surv + test.chisq + fit.loglik;
               }));

        // The parts of that step alone, at the median.
        for (std::size_t k = 0; k < survival.size(); ++k) {
            sortedGroup[k] = *il6.values[survival.index[k]] > median ? 1 : 0;
            x(static_cast<Eigen::Index>(k), 0) = sortedGroup[k];
        }
        record("part_km_by_group", n, timePerCall([&] { sink = kaplanMeierByGroup(survival, sortedGroup, 2, kmOptions)[0].n; }));
        record("part_logrank", n, timePerCall([&] { sink = logRank(survival, sortedGroup, 2).chisq; }));
        record("part_cox", n, timePerCall([&] { sink = coxFit(survival, x, {"high"}, coxOptions).loglik; }));

        // ROC with DeLong CI of il6 against response (rows with a response).
        const CohortColumn& response = cohort.column("response");
        std::vector<double> rocMarker;
        std::vector<std::uint8_t> isCase;
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            if (response.values[i]) {
                rocMarker.push_back(*il6.values[i]);
                isCase.push_back(*response.values[i] == 1.0 ? 1 : 0);
            }
        }
        record("roc_delong", n, timePerCall([&] { sink = roc(rocMarker, isCase).auc; }));

        CountTable responseTable(2, 2);
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            if (response.values[i])
                ++responseTable.at(*il6.values[i] > median ? 0 : 1, *response.values[i] == 1.0 ? 0 : 1);
        }
        record("part_response_table_fisher", n, timePerCall([&] { sink = *analyzeResponseTable(responseTable).fisher.p; }));

        // Everything one slider step shows: analyze() with KM, log-rank, Cox, ROC and the
        // response table with Fisher's test (R's "bundle").
        AnalysisSpec spec;
        spec.grouping.marker = "il6";
        spec.grouping.rule = CutoffRule::Greater;
        spec.times = {6.0, 12.0};
        spec.outcomeColumn = "response";
        record("analyze_full_step", n, timePerCall([&] {
                   spec.grouping.cutoff = cutoffs[next++ % cutoffs.size()];
                   sink = static_cast<double>(analyze(prepared, spec).analysedRows);
               }));
    }

    std::fprintf(stderr, "\n| operation | n | seconds |\n|---|---|---|\n");
    for (const Row& row : rows)
        std::fprintf(stderr, "| %s | %ld | %.3g |\n", row.operation.c_str(), row.n, row.seconds);
    return 0;
}
