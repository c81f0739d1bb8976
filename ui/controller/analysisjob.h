#pragma once

#include "analysis/analyze.h"

#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab::ui {

struct LoadedCohort;

/// What the window asks the core for at one cut-off.
struct AnalysisRequest {
    /// The core's specification. Its `times` are reportTimes followed by axisTicks.
    AnalysisSpec spec;
    std::vector<double> reportTimes;   ///< survival reported at these times (6 and 12 months)
    std::vector<double> axisTicks;     ///< ticks of the Kaplan-Meier time axis, for the risk table
    double tickInterval = 1.0;
    /// When set, the multivariable model takes the covariates of spec.covariates whose
    /// univariate likelihood-ratio p is below this threshold; otherwise all of them.
    std::optional<double> selectionThreshold;
};

/// The core's answer to one request, as the panels read it.
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
};

/// The maximal log-rank cut-off of one marker (the split marker <= cutoff vs > cutoff),
/// for the mark on the slider's track.
struct MarkerScan {
    std::uint64_t cohortGeneration = 0;
    std::string marker;
    std::optional<double> cutoff;
    QString status;   ///< why there is no cut-off, empty when there is one
};

/// The prepared form of a cohort, built once on the worker by the first job that needs
/// it and shared by every later job of that cohort.
class PreparedCohortCache {
public:
    explicit PreparedCohortCache(std::shared_ptr<const LoadedCohort> cohort);
    const PreparedCohort& get();

private:
    std::shared_ptr<const LoadedCohort> cohort_;
    std::once_flag once_;
    std::unique_ptr<const PreparedCohort> prepared_;
};

/// Runs the request with analyze(). With a selection threshold it calls analyze() twice:
/// first with every candidate (for their univariate models), then with those below the
/// threshold. Catches InputError into AnalysisOutcome::error. Runs on the worker.
AnalysisOutcome runAnalysis(const PreparedCohort& prepared, const AnalysisRequest& request);

/// Runs the maximally selected log-rank scan of a marker (maxstat's default proportions
/// 0.1 to 0.9, without the Hothorn-Lausen p-value). Runs on the worker.
MarkerScan runMarkerScan(const PreparedCohort& prepared, const std::string& marker);

} // namespace cutofflab::ui
