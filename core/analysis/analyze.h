#pragma once

#include "analysis/spec.h"
#include "binary/contingency.h"
#include "binary/groupcompare.h"
#include "binary/roc.h"
#include "data/cohort.h"
#include "data/grouping.h"
#include "survival/cox.h"
#include "survival/km.h"
#include "survival/logrank.h"
#include "survival/survdata.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab {

/// A cohort made ready for many analyses: its survival data sorted by time once, so
/// that moving the cut-off costs passes over arrays, not sorts. Immutable after
/// construction, so one instance can be shared by worker threads.
class PreparedCohort {
public:
    explicit PreparedCohort(Cohort cohort);

    const Cohort& cohort() const noexcept { return cohort_; }
    /// Every cohort row sorted by time (empty without survival columns).
    const SortedSurvival& survival() const noexcept { return survival_; }

    /// The ROC analysis stored under key, computing and storing it first when absent.
    /// An ROC curve depends on the marker and the outcome but not on the cut-off, so a
    /// slider step reuses it instead of sorting the marker again. Thread-safe.
    std::shared_ptr<const RocResult> cachedRoc(const std::string& key,
                                               const std::function<RocResult()>& compute) const;

private:
    Cohort cohort_;
    SortedSurvival survival_;
    mutable std::mutex cacheMutex_;
    mutable std::map<std::string, std::shared_ptr<const RocResult>> rocCache_;
};

/// A message for the user about one part of the result: a degenerate statistic, a
/// warning R would give, a choice the core made. `code` is stable for programs;
/// `text` is an English sentence.
struct AnalysisMessage {
    std::string part;   ///< "km", "logrank", "cox_univariate", "roc", "response" ...
    std::string code;   ///< e.g. "no_events_in_group", "hr_not_estimable"
    std::string text;
};

struct GroupSummary {
    std::string name;
    int n = 0;
    int events = 0;
};

/// A Cox model as fitted for the user: which rows it used and what its terms mean.
struct CoxModel {
    CoxFit fit;
    std::vector<std::string> termDefinitions;   ///< one per term: how the covariate was coded
    std::vector<ExcludedRow> excluded;          ///< rows left out for a missing covariate
};

/// The binary outcome of the ROC curve or the response table, per cohort row.
struct BinaryOutcome {
    std::string description;       ///< "objective_response = yes", "death by 13.8 (KM median)"
    std::string kind;              ///< "column", "death_by_time", "death_by_km_median"
    std::optional<double> landmarkTime;
    std::string positiveLabel;     ///< the value counted as positive (column outcomes)
    std::string negativeLabel;
    std::vector<int> value;        ///< per cohort row: 1 positive/case, 0 negative/control, -1 left out
    std::size_t casesCount = 0;
    std::size_t controlsCount = 0;
    std::size_t leftOut = 0;       ///< among rows in a group
};

struct RocAnalysis {
    BinaryOutcome outcome;
    std::string marker;
    RocResult roc;
    std::optional<ConfusionAtCutoff> atCutoff;   ///< cut-off groupings only
    std::optional<RocCoords> rocCoordsAtCutoff;  ///< pROC's own rule at the cut-off
};

struct ResponseAnalysis {
    BinaryOutcome outcome;
    std::vector<std::string> rowGroups;   ///< table rows: high then low, or 0, 1, 2 ...
    ResponseTableAnalysis table;
};

/// Everything one analysis computes.
struct AnalysisResult {
    Grouping grouping;                    ///< per cohort row
    std::vector<GroupSummary> groups;
    std::size_t analysedRows = 0;

    // Survival (empty without survival columns)
    std::optional<KaplanMeier> overall;
    std::vector<KaplanMeier> km;          ///< per group, in group order
    std::optional<LogRankResult> logRank;
    std::optional<TrendTestResult> trend; ///< three or more ordered groups
    std::optional<CoxModel> coxUnivariate;        ///< the group as covariate(s)
    std::optional<CoxModel> coxScoreNumeric;      ///< score groupings: 0/1/2 as one numeric covariate
    std::optional<CoxModel> coxMultivariate;      ///< the group plus spec.covariates
    std::vector<CoxModel> coxCovariates;          ///< univariate model of each covariate alone (forest plot)

    std::optional<RocAnalysis> roc;
    std::optional<ResponseAnalysis> response;
    std::vector<BaselineRow> baseline;

    std::vector<AnalysisMessage> messages;
};

/// Runs the analysis the spec describes on a prepared cohort. Throws InputError for a
/// spec that does not fit the cohort (a column that was not loaded, a non-numeric
/// marker, an outcome column with more than two values); degenerate statistics are
/// reported in the result, with messages.
AnalysisResult analyze(const PreparedCohort& prepared, const AnalysisSpec& spec);

/// The groups the spec defines, per cohort row (the first step of analyze()).
Grouping makeGrouping(const Cohort& cohort, const AnalysisSpec& spec);

} // namespace cutofflab
