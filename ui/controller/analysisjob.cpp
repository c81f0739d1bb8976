#include "controller/analysisjob.h"

#include "common/error.h"
#include "cutpoint/maxstat.h"
#include "io/cohortsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>

namespace cutofflab::ui {

namespace {
struct JobText {
    Q_DECLARE_TR_FUNCTIONS(AnalysisJob)
};
} // namespace

PreparedCohortCache::PreparedCohortCache(std::shared_ptr<const LoadedCohort> cohort)
    : cohort_(std::move(cohort))
{
}

const PreparedCohort& PreparedCohortCache::get()
{
    std::call_once(once_, [this] { prepared_ = std::make_unique<const PreparedCohort>(cohort_->cohort); });
    return *prepared_;
}

AnalysisOutcome runAnalysis(const PreparedCohort& prepared, const AnalysisRequest& request)
{
    QElapsedTimer clock;
    clock.start();
    AnalysisOutcome outcome;
    outcome.request = request;
    for (const CovariateSpec& covariate : request.spec.covariates)
        outcome.candidateLabels.push_back(covariate.label());

    try {
        AnalysisResult first = analyze(prepared, request.spec);
        outcome.candidateModels = first.coxCovariates;
        if (!request.selectionThreshold) {
            outcome.selectedCovariates = outcome.candidateLabels;
            outcome.result = std::move(first);
        } else {
            AnalysisSpec selected = request.spec;
            selected.covariates.clear();
            for (std::size_t c = 0; c < request.spec.covariates.size() && c < first.coxCovariates.size(); ++c) {
                const CoxFit& fit = first.coxCovariates[c].fit;
                const bool usable = fit.status == CoxStatus::Converged || fit.status == CoxStatus::Diverged;
                if (usable && fit.lrTest.valid && fit.lrTest.p < *request.selectionThreshold) {
                    selected.covariates.push_back(request.spec.covariates[c]);
                    outcome.selectedCovariates.push_back(outcome.candidateLabels[c]);
                }
            }
            if (selected.covariates.size() == request.spec.covariates.size()) {
                outcome.result = std::move(first);
            } else {
                outcome.result = analyze(prepared, selected);
                outcome.result->coxCovariates = outcome.candidateModels;
            }
        }
    } catch (const InputError& error) {
        outcome.error = QString::fromStdString(error.what());
        outcome.result.reset();
    }
    outcome.computeMilliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    return outcome;
}

MarkerScan runMarkerScan(const PreparedCohort& prepared, const std::string& marker)
{
    MarkerScan scan;
    scan.marker = marker;
    const Cohort& cohort = prepared.cohort();
    const CohortColumn* column = cohort.findColumn(marker);
    if (!cohort.hasSurvival || !column || !column->numeric) {
        scan.status = JobText::tr("No survival data or no numeric marker.");
        return scan;
    }
    try {
        const SortedSurvival& survival = prepared.survival();
        std::vector<double> values(survival.size());
        for (std::size_t k = 0; k < survival.size(); ++k) {
            const auto& value = column->values[survival.index[k]];
            values[k] = value ? *value : std::nan("");
        }
        const MarkerSurvival data = MarkerSurvival::fromSorted(survival, values);
        MaxstatOptions options;
        options.hothornLausen = false;
        const MaxstatResult result = maxstatTest(data, options);
        if (result.status == CutoffStatus::Ok)
            scan.cutoff = result.logRank.cutoff;
        else
            scan.status = JobText::tr("No maximal log-rank cut-off: too few distinct values or no events.");
    } catch (const InputError& error) {
        scan.status = QString::fromStdString(error.what());
    }
    return scan;
}

} // namespace cutofflab::ui
