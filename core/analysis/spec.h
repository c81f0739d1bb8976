#pragma once

#include "data/cohort.h"
#include "binary/roc.h"
#include "data/grouping.h"
#include "survival/cox.h"
#include "survival/km.h"

#include <optional>
#include <string>
#include <vector>

namespace cutofflab {

/// How the patients are split into groups.
struct GroupingSpec {
    enum class Kind {
        Cutoff,      ///< marker against cutoff: low / high
        Score,       ///< two markers, each with its cut-off: 0 / 1 / 2 markers high
        Quantiles,   ///< quantile groups of marker (2, 3 or 4)
        Column       ///< the groups of an existing column
    };
    Kind kind = Kind::Cutoff;
    std::string marker;
    double cutoff = 0.0;
    CutoffRule rule = CutoffRule::GreaterOrEqual;
    std::string marker2;
    double cutoff2 = 0.0;
    CutoffRule rule2 = CutoffRule::GreaterOrEqual;
    int quantileGroups = 2;
    std::string column;
};

/// A covariate of the multivariable Cox model, as written on the command line:
/// "age" (numeric, or categorical when the column holds labels), "child_pugh" with a
/// reference level, or a dichotomy made in place such as "albumin<36" or "tumor_mm>=65"
/// (1 when the condition holds, as published tables do).
struct CovariateSpec {
    std::string column;
    enum class Comparison { None, Less, LessOrEqual, Greater, GreaterOrEqual, Equal };
    Comparison comparison = Comparison::None;
    double threshold = 0.0;
    std::string equalsLabel;                  ///< Comparison::Equal on a categorical column
    std::optional<std::string> referenceLevel;   ///< categorical: the level coded 0 in every dummy

    /// Parses "col", "col<36", "col>=65", "col=B"; "col:ref=A" sets the reference level.
    /// Throws InputError for an empty column name or a threshold that is not a number.
    static CovariateSpec parse(const std::string& text);

    /// The term name shown in tables: "albumin<36", "child_pugh=B".
    std::string label() const;
};

/// Everything one analysis needs besides the cohort; the window, the command line and
/// saved sessions share this form.
struct AnalysisSpec {
    GroupingSpec grouping;
    std::vector<CovariateSpec> covariates;   ///< multivariable Cox model: the group plus these

    // Survival
    CoxTies ties = CoxTies::Efron;           ///< Breslow matches SPSS and SAS PHREG
    ConfType confType = ConfType::Log;       ///< R's default
    double confLevel = 0.95;
    std::vector<double> times;               ///< survival at these times (e.g. 6 and 12 months)
    std::optional<double> rmstHorizon;       ///< restricted mean survival time up to this time
    double logRankRho = 0.0;                 ///< 0: log-rank; 1: Peto-Peto (Fleming-Harrington rho)

    // Binary outcome for the ROC curve and the response table
    std::string outcomeColumn;               ///< a yes/no column; empty for none
    std::optional<std::string> outcomeValue; ///< the value that means "positive"; empty = detect
    /// ROC against "death by time t" (an event at a time <= t is a case, follow-up beyond t
    /// a control, censoring at or before t leaves the patient out). Set with
    /// deathByMedian = true for t = the cohort's Kaplan-Meier median survival.
    std::optional<double> deathByTime;
    bool deathByMedian = false;
    RocDirection direction = RocDirection::Higher;

    // Baseline table of the groups
    std::vector<std::string> baseline;
};

} // namespace cutofflab
