#include "controller/analysisjob.h"

#include "common/error.h"
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

std::string CandidateModelCache::keyOf(const AnalysisSpec& spec)
{
    std::string key = std::to_string(static_cast<int>(spec.grouping.kind)) + '\n' + spec.grouping.marker + '\n';
    if (spec.grouping.kind == GroupingSpec::Kind::Score)
        key += spec.grouping.marker2;
    if (spec.grouping.kind == GroupingSpec::Kind::Column)
        key += spec.grouping.column;
    key += '\n' + std::to_string(static_cast<int>(spec.ties)) + '\n' + std::to_string(spec.confLevel);
    for (const CovariateSpec& covariate : spec.covariates)
        key += '\n' + covariate.label() + ':' + covariate.referenceLevel.value_or(std::string());
    return key;
}

const std::vector<CoxModel>* CandidateModelCache::find(const AnalysisSpec& spec) const
{
    return !key_.empty() && key_ == keyOf(spec) ? &models_ : nullptr;
}

void CandidateModelCache::store(const AnalysisSpec& spec, std::vector<CoxModel> models)
{
    key_ = keyOf(spec);
    models_ = std::move(models);
}

AnalysisOutcome runAnalysis(const PreparedCohort& prepared, const AnalysisRequest& request, CandidateModelCache* cache)
{
    QElapsedTimer clock;
    clock.start();
    AnalysisOutcome outcome;
    outcome.startedAt = std::chrono::steady_clock::now();
    outcome.request = request;
    for (const CovariateSpec& covariate : request.spec.covariates)
        outcome.candidateLabels.push_back(covariate.label());

    try {
        if (!request.selectionThreshold || request.spec.covariates.empty()) {
            outcome.result = analyze(prepared, request.spec);
            outcome.candidateModels = outcome.result->coxCovariates;
            outcome.selectedCovariates = outcome.candidateLabels;
        } else {
            std::optional<AnalysisResult> first;
            if (const std::vector<CoxModel>* cached = cache ? cache->find(request.spec) : nullptr) {
                outcome.candidateModels = *cached;
            } else {
                first = analyze(prepared, request.spec);
                outcome.candidateModels = first->coxCovariates;
                if (cache)
                    cache->store(request.spec, outcome.candidateModels);
            }

            AnalysisSpec selected = request.spec;
            selected.covariates.clear();
            for (std::size_t c = 0; c < request.spec.covariates.size() && c < outcome.candidateModels.size(); ++c) {
                const CoxFit& fit = outcome.candidateModels[c].fit;
                const bool usable = fit.status == CoxStatus::Converged || fit.status == CoxStatus::Diverged;
                if (usable && fit.lrTest.valid && fit.lrTest.p < *request.selectionThreshold) {
                    selected.covariates.push_back(request.spec.covariates[c]);
                    outcome.selectedCovariates.push_back(outcome.candidateLabels[c]);
                }
            }
            if (first && selected.covariates.size() == request.spec.covariates.size()) {
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
    outcome.finishedAt = std::chrono::steady_clock::now();
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
        auto landscape = std::make_shared<MarkerLandscape>(scanMarker(prepared, marker));
        if (landscape->maxstat.status == CutoffStatus::Ok)
            scan.cutoff = landscape->maxstat.logRank.cutoff;
        else
            scan.status = JobText::tr("No maximal log-rank cut-off: too few distinct values or no events.");
        scan.landscape = std::move(landscape);
    } catch (const InputError& error) {
        scan.status = QString::fromStdString(error.what());
    }
    return scan;
}

} // namespace cutofflab::ui
