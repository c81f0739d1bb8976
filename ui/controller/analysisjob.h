#pragma once

#include "analysis/analyze.h"
#include "analysis/scan.h"

#include <QString>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab::ui {

struct LoadedCohort;

/// The window's request to the core at one cut-off.
struct AnalysisRequest {
    /// The core's specification. Its `times` are reportTimes followed by axisTicks.
    AnalysisSpec spec;
    std::vector<double> reportTimes;   ///< survival reported at these times (6 and 12 months)
    std::vector<double> axisTicks;     ///< ticks of the Kaplan-Meier time axis, for the risk table
    double tickInterval = 1.0;
    /// When the controller received the request (for latency measurements).
    std::chrono::steady_clock::time_point requestedAt;
    /// When set, the multivariable model takes the covariates of spec.covariates whose
    /// univariate likelihood-ratio p is below this threshold; otherwise all of them.
    std::optional<double> selectionThreshold;
};

/// The core's result for one request, as the panels read it.
struct AnalysisOutcome {
    std::uint64_t cohortGeneration = 0;
    std::uint64_t requestGeneration = 0;
    AnalysisRequest request;
    std::optional<AnalysisResult> result;      ///< empty when the request failed
    QString error;                             ///< the InputError message when it failed
    /// Univariate Cox model of every candidate covariate, in spec.covariates order.
    std::vector<CoxModel> candidateModels;
    std::vector<std::string> candidateLabels;
    /// The covariates in the multivariable model (all candidates, or those selected).
    std::vector<std::string> selectedCovariates;
    double computeMilliseconds = 0.0;
    std::chrono::steady_clock::time_point startedAt;    ///< when the worker began the job
    std::chrono::steady_clock::time_point finishedAt;   ///< when the worker finished it
};

/// The cut-off landscape of one marker and its maximal log-rank cut-off (the split
/// marker <= cutoff vs > cutoff), for the curve under the slider, the mark on its track
/// and the corrected p-values.
struct MarkerScan {
    std::uint64_t cohortGeneration = 0;
    std::string marker;
    std::optional<double> cutoff;
    QString status;   ///< why there is no cut-off, empty when there is one
    std::shared_ptr<const MarkerLandscape> landscape;   ///< empty when the scan failed
};

/// The univariate Cox models of the candidate covariates of the last request. analyze()
/// fits them on the rows that have a group, which are the rows with a marker value. So
/// they stay the same while only the cut-off moves, and they are reused until the
/// markers, the grouping kind, the covariates or the Cox options change.
/// NOTE: this relies on analyze() restricting covariate models to rows with a group,
/// not to one side of the cut-off; if that rule changes, the key must include the cut-off.
class CandidateModelCache {
public:
    const std::vector<CoxModel>* find(const AnalysisSpec& spec) const;
    void store(const AnalysisSpec& spec, std::vector<CoxModel> models);

private:
    static std::string keyOf(const AnalysisSpec& spec);
    std::string key_;
    std::vector<CoxModel> models_;
};

/// The prepared form of a cohort, built once on the worker by the first job that needs
/// it and shared by every later job of that cohort, with the cache of candidate models.
/// Jobs run one at a time, so the cache needs no lock.
class PreparedCohortCache {
public:
    explicit PreparedCohortCache(std::shared_ptr<const LoadedCohort> cohort);
    const PreparedCohort& get();
    CandidateModelCache& candidateModels() { return candidates_; }

private:
    std::shared_ptr<const LoadedCohort> cohort_;
    std::once_flag once_;
    std::unique_ptr<const PreparedCohort> prepared_;
    CandidateModelCache candidates_;
};

/// Runs the request with analyze() on the worker, catching InputError into
/// AnalysisOutcome::error. With a selection threshold, the univariate models of every
/// candidate come from the cache or from a first analyze() call with all of them. Then
/// analyze() runs with the covariates below the threshold.
AnalysisOutcome runAnalysis(const PreparedCohort& prepared, const AnalysisRequest& request,
                            CandidateModelCache* cache = nullptr);

/// Scans the marker with scanMarker() (maxstat's default proportions 0.1 to 0.9, with the
/// Hothorn-Lausen p-value where its table fits). Runs on the worker.
MarkerScan runMarkerScan(const PreparedCohort& prepared, const std::string& marker);

} // namespace cutofflab::ui
