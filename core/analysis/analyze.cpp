#include "analysis/analyze.h"

#include "common/error.h"
#include "survival/subset.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace cutofflab {

PreparedCohort::PreparedCohort(Cohort cohort)
    : cohort_(std::move(cohort))
{
    if (cohort_.hasSurvival)
        survival_ = SortedSurvival::fromUnsorted(cohort_.time, cohort_.event);
}

std::shared_ptr<const RocResult> PreparedCohort::cachedRoc(const std::string& key,
                                                           const std::function<RocResult()>& compute) const
{
    {
        const std::lock_guard lock(cacheMutex_);
        if (const auto found = rocCache_.find(key); found != rocCache_.end())
            return found->second;
    }
    // Computed outside the lock: two threads may both compute the same curve, which is
    // harmless, and no thread waits for another's sort.
    auto computed = std::make_shared<const RocResult>(compute());
    const std::lock_guard lock(cacheMutex_);
    // A few markers and outcomes per session; the bound only guards against growth.
    constexpr std::size_t kMaxCachedCurves = 64;
    if (rocCache_.size() >= kMaxCachedCurves)
        rocCache_.clear();
    return rocCache_.emplace(key, std::move(computed)).first->second;
}

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

const CohortColumn& numericColumn(const Cohort& cohort, const std::string& name, const char* purpose)
{
    const CohortColumn& column = cohort.column(name);
    if (!column.numeric) {
        throw InputError("The " + std::string(purpose) + " \"" + name
                             + "\" holds text, not numbers. Choose a numeric column.",
                         {std::nullopt, name, {}});
    }
    return column;
}

/// Per sorted row, the group of the cohort row it came from.
std::vector<int> groupsInSortedOrder(const SortedSurvival& survival, const std::vector<int>& group)
{
    std::vector<int> sorted(survival.size());
    for (std::size_t k = 0; k < survival.size(); ++k)
        sorted[k] = group[survival.index[k]];
    return sorted;
}

// ---------------------------------------------------------------------------------
// Cox design matrices

struct DesignColumn {
    std::string name;
    std::string definition;
    std::vector<std::optional<double>> values;   // per cohort row
};

std::vector<DesignColumn> groupDesign(const Grouping& grouping, const GroupingSpec& spec)
{
    std::vector<DesignColumn> design;
    for (int g = 1; g < grouping.groupCount; ++g) {
        DesignColumn column;
        if (grouping.groupCount == 2 && spec.kind == GroupingSpec::Kind::Cutoff) {
            column.name = "high";
            column.definition = "1 if the row is in the high group, 0 if in the low group";
        } else {
            column.name = spec.kind == GroupingSpec::Kind::Score ? "score_" + grouping.names[static_cast<std::size_t>(g)]
                                                                 : "group=" + grouping.names[static_cast<std::size_t>(g)];
            column.definition = "1 if the row is in group " + grouping.names[static_cast<std::size_t>(g)] + ", 0 otherwise (reference group "
                              + grouping.names[0] + ")";
        }
        column.values.resize(grouping.group.size());
        for (std::size_t i = 0; i < grouping.group.size(); ++i) {
            if (grouping.group[i] != kNoGroup)
                column.values[i] = grouping.group[i] == g ? 1.0 : 0.0;
        }
        design.push_back(std::move(column));
    }
    return design;
}

bool compares(double value, const CovariateSpec& spec)
{
    switch (spec.comparison) {
    case CovariateSpec::Comparison::Less:
        return value < spec.threshold;
    case CovariateSpec::Comparison::LessOrEqual:
        return value <= spec.threshold;
    case CovariateSpec::Comparison::Greater:
        return value > spec.threshold;
    case CovariateSpec::Comparison::GreaterOrEqual:
        return value >= spec.threshold;
    case CovariateSpec::Comparison::Equal:
        return value == spec.threshold;
    case CovariateSpec::Comparison::None:
        break;
    }
    return false;
}

std::vector<DesignColumn> covariateDesign(const Cohort& cohort, const CovariateSpec& spec)
{
    const CohortColumn& column = cohort.column(spec.column);
    std::vector<DesignColumn> design;

    if (spec.comparison != CovariateSpec::Comparison::None) {
        DesignColumn indicator;
        indicator.name = spec.label();
        indicator.definition = "1 if " + spec.label() + ", 0 otherwise";
        indicator.values.resize(cohort.size());
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            if (column.numeric) {
                if (spec.comparison == CovariateSpec::Comparison::Equal && spec.equalsLabel.empty())
                    continue;
                if (column.values[i])
                    indicator.values[i] = compares(*column.values[i], spec) ? 1.0 : 0.0;
            } else {
                if (spec.comparison != CovariateSpec::Comparison::Equal) {
                    throw InputError("The covariate \"" + spec.label() + "\" compares the text column \"" + spec.column
                                         + "\" with a number. Use =LEVEL for a text column, for example " + spec.column
                                         + "=" + (column.levels.empty() ? std::string("B") : column.levels.back()) + ".",
                                     {std::nullopt, spec.column, {}});
                }
                if (column.labels[i])
                    indicator.values[i] = io::toLowerAscii(*column.labels[i]) == io::toLowerAscii(spec.equalsLabel) ? 1.0 : 0.0;
            }
        }
        design.push_back(std::move(indicator));
        return design;
    }

    if (column.numeric) {
        DesignColumn numeric;
        numeric.name = spec.column;
        numeric.definition = spec.column + " as a number (hazard ratio per unit)";
        numeric.values = column.values;
        design.push_back(std::move(numeric));
        return design;
    }

    // Treatment contrasts as R codes a factor: one indicator per level but the reference.
    std::string reference = column.levels.empty() ? std::string() : column.levels.front();
    if (spec.referenceLevel) {
        const auto found = std::find_if(column.levels.begin(), column.levels.end(), [&](const std::string& level) {
            return io::toLowerAscii(level) == io::toLowerAscii(*spec.referenceLevel);
        });
        if (found == column.levels.end()) {
            std::string levels;
            for (const auto& level : column.levels)
                levels += (levels.empty() ? "" : ", ") + level;
            throw InputError("The reference level \"" + *spec.referenceLevel + "\" does not occur in \"" + spec.column
                                 + "\", whose levels are " + levels + ".",
                             {std::nullopt, spec.column, *spec.referenceLevel});
        }
        reference = *found;
    }
    for (const std::string& level : column.levels) {
        if (level == reference)
            continue;
        DesignColumn dummy;
        dummy.name = spec.column + "=" + level;
        dummy.definition = "1 if " + spec.column + " is " + level + ", 0 otherwise (reference " + reference + ")";
        dummy.values.resize(cohort.size());
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            if (column.labels[i])
                dummy.values[i] = *column.labels[i] == level ? 1.0 : 0.0;
        }
        design.push_back(std::move(dummy));
    }
    if (design.empty()) {
        throw InputError("The covariate \"" + spec.column + "\" has a single level, so it cannot enter a Cox model.",
                         {std::nullopt, spec.column, {}});
    }
    return design;
}

/// Fits a Cox model on the rows that have every design value.
CoxModel fitDesign(const PreparedCohort& prepared, const std::vector<DesignColumn>& design, const CoxOptions& options)
{
    const SortedSurvival& survival = prepared.survival();
    CoxModel model;

    std::vector<std::uint8_t> keep(survival.size(), 1);
    for (std::size_t k = 0; k < survival.size(); ++k) {
        const std::size_t row = survival.index[k];
        for (const DesignColumn& column : design) {
            if (!column.values[row]) {
                keep[k] = 0;
                break;
            }
        }
    }
    std::size_t kept = 0;
    for (auto flag : keep)
        kept += flag;

    Eigen::MatrixXd x(static_cast<Eigen::Index>(kept), static_cast<Eigen::Index>(design.size()));
    Eigen::Index r = 0;
    for (std::size_t k = 0; k < survival.size(); ++k) {
        if (!keep[k])
            continue;
        for (std::size_t c = 0; c < design.size(); ++c)
            x(r, static_cast<Eigen::Index>(c)) = *design[c].values[survival.index[k]];
        ++r;
    }
    std::vector<std::string> names;
    for (const DesignColumn& column : design) {
        names.push_back(column.name);
        model.termDefinitions.push_back(column.definition);
    }
    model.fit = coxFit(subsetRows(survival, keep), x, names, options);
    return model;
}

void listMissingCovariates(const Cohort& cohort, const Grouping& grouping, const std::vector<DesignColumn>& design,
                           const std::vector<std::string>& columnNames, CoxModel& model)
{
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        if (grouping.group[i] == kNoGroup)
            continue;
        for (std::size_t c = 0; c < design.size(); ++c) {
            if (design[c].values[i])
                continue;
            ExcludedRow row;
            row.row = cohort.sourceRow[i];
            row.id = cohort.ids[i];
            row.column = columnNames[c];
            row.reason = "missing covariate " + columnNames[c];
            // The cell as written and why it is unusable, from the cohort column.
            if (const CohortColumn* column = cohort.findColumn(columnNames[c])) {
                for (const ExcludedRow& unusable : column->unusable) {
                    if (unusable.row == row.row) {
                        row.value = unusable.value;
                        row.reason = columnNames[c] + ": " + unusable.reason;
                        break;
                    }
                }
            }
            model.excluded.push_back(row);
            break;
        }
    }
}

/// Marks as infinite the group terms whose coefficient diverges because a group has no
/// events while the reference group has some, or the reverse. The likelihood is then
/// monotone in that coefficient (Bryson and Johnson, Biometrika 1981), so no finite
/// estimate exists, however the Newton iteration happened to stop: R's coxph may report
/// a huge finite value after running out of iterations. The Wald numbers of such a term
/// mean nothing and are removed; the likelihood-ratio and score tests stay.
void markDivergentGroupTerms(CoxFit& fit, std::size_t firstTerm, const std::vector<GroupSummary>& groups)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    if (fit.status == CoxStatus::NoEvents || fit.status == CoxStatus::TooFewRows)
        return;
    const GroupSummary& reference = groups.front();
    for (std::size_t g = 1; g < groups.size(); ++g) {
        const std::size_t t = firstTerm + g - 1;
        if (t >= fit.terms.size())
            break;
        CoxTerm& term = fit.terms[t];
        const GroupSummary& group = groups[g];
        const bool lowerInfinite = group.n > 0 && group.events == 0 && reference.events > 0;
        const bool upperInfinite = reference.n > 0 && reference.events == 0 && group.events > 0;
        if (term.aliased || !(lowerInfinite || upperInfinite))
            continue;
        term.infinite = true;
        term.coef = lowerInfinite ? -kInfinity : kInfinity;
        term.hr = lowerInfinite ? 0.0 : kInfinity;
        term.se = kInfinity;
        term.z = term.p = kNaN;
        term.coefLower = term.coefUpper = term.hrLower = term.hrUpper = kNaN;
        fit.waldTest.valid = false;
        fit.waldTest.chisq = fit.waldTest.p = kNaN;
        if (fit.status == CoxStatus::Converged || fit.status == CoxStatus::NotConverged)
            fit.status = CoxStatus::Diverged;
    }
}

std::string zeroEventGroups(const Grouping& grouping, const std::vector<GroupSummary>& groups);

// ---------------------------------------------------------------------------------
// Binary outcomes

BinaryOutcome outcomeFromColumn(const Cohort& cohort, const Grouping& grouping, const std::string& name,
                                const std::optional<std::string>& positiveValue)
{
    const CohortColumn& column = cohort.column(name);

    // Each row's index among the column's distinct values, so that the coding is decided
    // once per distinct value rather than once per row. More than a handful of distinct
    // values is an error anyway (detectBinaryCoding() lists them), so a short list is kept.
    constexpr std::size_t kMaxListed = 12;
    std::vector<std::string> distinctTexts;
    std::vector<double> distinctNumbers;
    std::vector<int> level(cohort.size(), -1);
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        if (column.numeric) {
            if (!column.values[i])
                continue;
            const auto found = std::find(distinctNumbers.begin(), distinctNumbers.end(), *column.values[i]);
            if (found != distinctNumbers.end()) {
                level[i] = static_cast<int>(found - distinctNumbers.begin());
            } else if (distinctNumbers.size() < kMaxListed) {
                level[i] = static_cast<int>(distinctNumbers.size());
                distinctNumbers.push_back(*column.values[i]);
                std::ostringstream out;
                out.precision(15);
                out << *column.values[i];
                distinctTexts.push_back(out.str());
            }
        } else {
            if (!column.labels[i])
                continue;
            const auto found = std::find(distinctTexts.begin(), distinctTexts.end(), *column.labels[i]);
            if (found != distinctTexts.end()) {
                level[i] = static_cast<int>(found - distinctTexts.begin());
            } else if (distinctTexts.size() < kMaxListed) {
                level[i] = static_cast<int>(distinctTexts.size());
                distinctTexts.push_back(*column.labels[i]);
            }
        }
    }
    const EventCoding coding = detectBinaryCoding(distinctTexts, positiveValue, name, BinaryRole::Outcome);
    const std::string positiveKey = binaryKey(coding.eventValue);
    std::vector<char> levelIsPositive;
    for (const std::string& text : distinctTexts)
        levelIsPositive.push_back(binaryKey(text) == positiveKey ? 1 : 0);

    BinaryOutcome outcome;
    outcome.kind = "column";
    outcome.positiveLabel = coding.eventValue;
    outcome.negativeLabel = coding.censoredValues.size() == 1 ? coding.censoredValues.front() : std::string("other");
    outcome.description = name + " = " + coding.eventValue + " (" + coding.rule + ")";
    outcome.value.assign(cohort.size(), -1);
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        if (grouping.group[i] == kNoGroup)
            continue;
        if (level[i] < 0) {
            ++outcome.leftOut;
            continue;
        }
        outcome.value[i] = levelIsPositive[static_cast<std::size_t>(level[i])];
        ++(outcome.value[i] ? outcome.casesCount : outcome.controlsCount);
    }
    return outcome;
}

BinaryOutcome outcomeDeathBy(const Cohort& cohort, const Grouping& grouping, double landmark, bool fromMedian)
{
    BinaryOutcome outcome;
    outcome.kind = fromMedian ? "death_by_km_median" : "death_by_time";
    outcome.landmarkTime = landmark;
    outcome.positiveLabel = "event by " + formatNumber(landmark);
    outcome.negativeLabel = "event-free beyond " + formatNumber(landmark);
    outcome.description = "event by time " + formatNumber(landmark)
                        + (fromMedian ? " (the cohort's Kaplan-Meier median survival)" : "")
                        + "; censored at or before it: left out";
    outcome.value.assign(cohort.size(), -1);
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        if (grouping.group[i] == kNoGroup)
            continue;
        if (cohort.time[i] > landmark) {
            outcome.value[i] = 0;
            ++outcome.controlsCount;
        } else if (cohort.event[i]) {
            outcome.value[i] = 1;
            ++outcome.casesCount;
        } else {
            ++outcome.leftOut;
        }
    }
    return outcome;
}

std::string groupPhrase(const Grouping& grouping, int g)
{
    const std::string& name = grouping.names[static_cast<std::size_t>(g)];
    if (name == "low" || name == "high")
        return "the " + name + " group";
    return "group " + name;
}

/// " (0 events in the high group)", or "" when every non-empty group has events.
std::string zeroEventGroups(const Grouping& grouping, const std::vector<GroupSummary>& groups)
{
    std::string text;
    for (int g = 0; g < grouping.groupCount; ++g) {
        const GroupSummary& group = groups[static_cast<std::size_t>(g)];
        if (group.n > 0 && group.events == 0)
            text += (text.empty() ? " (0 events in " : ", ") + groupPhrase(grouping, g);
    }
    return text.empty() ? text : text + ")";
}

} // namespace

Grouping makeGrouping(const Cohort& cohort, const AnalysisSpec& spec)
{
    const GroupingSpec& g = spec.grouping;
    switch (g.kind) {
    case GroupingSpec::Kind::Cutoff:
        return groupByCutoff(numericColumn(cohort, g.marker, "marker"), g.cutoff, g.rule);
    case GroupingSpec::Kind::Score:
        return groupByScore(numericColumn(cohort, g.marker, "marker"), g.cutoff, g.rule,
                            numericColumn(cohort, g.marker2, "second marker"), g.cutoff2, g.rule2);
    case GroupingSpec::Kind::Quantiles:
        return groupByQuantiles(numericColumn(cohort, g.marker, "marker"), g.quantileGroups, g.rule);
    case GroupingSpec::Kind::Column:
        return groupByColumn(cohort.column(g.column));
    }
    throw InputError("Unknown grouping.");
}

AnalysisResult analyze(const PreparedCohort& prepared, const AnalysisSpec& spec)
{
    const Cohort& cohort = prepared.cohort();
    AnalysisResult result;
    result.grouping = makeGrouping(cohort, spec);
    const Grouping& grouping = result.grouping;
    const auto message = [&](std::string part, std::string code, std::string text) {
        result.messages.push_back({std::move(part), std::move(code), std::move(text)});
    };

    result.groups.resize(static_cast<std::size_t>(grouping.groupCount));
    for (int g = 0; g < grouping.groupCount; ++g)
        result.groups[static_cast<std::size_t>(g)].name = grouping.names[static_cast<std::size_t>(g)];
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        const int g = grouping.group[i];
        if (g == kNoGroup)
            continue;
        ++result.analysedRows;
        ++result.groups[static_cast<std::size_t>(g)].n;
        if (cohort.hasSurvival && cohort.event[i])
            ++result.groups[static_cast<std::size_t>(g)].events;
    }
    if (!cohort.excluded.empty()) {
        message("cohort", "rows_excluded",
                std::to_string(cohort.excluded.size()) + " of " + std::to_string(cohort.rowsInFile)
                    + " rows of the file are left out because their time or event is missing or not a number; "
                      "the cohort's excluded list names each row.");
    }
    if (spec.grouping.kind == GroupingSpec::Kind::Quantiles) {
        const std::vector<int> sizes = grouping.sizes();
        const auto [smallest, largest] = std::minmax_element(sizes.begin(), sizes.end());
        if (*smallest > 0 && *largest > *smallest + *smallest / 4 + 1) {
            std::string text;
            for (int size : sizes)
                text += (text.empty() ? "" : ", ") + std::to_string(size);
            message("groups", "unequal_quantile_groups",
                    "The quantile groups are unequal (" + text + " patients) because many patients share the values at the cut points.");
        }
    }
    for (int g = 0; g < grouping.groupCount; ++g) {
        if (result.groups[static_cast<std::size_t>(g)].n == 0)
            message("groups", "empty_group", "No patient is in " + groupPhrase(grouping, g)
                                                 + ": move the cut-off so that both groups have patients.");
    }

    // Survival: Kaplan-Meier, log-rank, Cox.
    if (cohort.hasSurvival) {
        const SortedSurvival& survival = prepared.survival();
        const std::vector<int> sortedGroup = groupsInSortedOrder(survival, grouping.group);

        KmOptions kmOptions;
        kmOptions.confType = spec.confType;
        kmOptions.confLevel = spec.confLevel;
        kmOptions.times = spec.times;
        kmOptions.rmstHorizon = spec.rmstHorizon;
        result.km = kaplanMeierByGroup(survival, sortedGroup, grouping.groupCount, kmOptions);

        std::vector<int> inAnyGroup(sortedGroup.size());
        for (std::size_t k = 0; k < sortedGroup.size(); ++k)
            inAnyGroup[k] = sortedGroup[k] == kNoGroup ? kNoGroup : 0;
        result.overall = kaplanMeierByGroup(survival, inAnyGroup, 1, kmOptions).front();

        for (int g = 0; g < grouping.groupCount; ++g) {
            const GroupSummary& group = result.groups[static_cast<std::size_t>(g)];
            if (group.n > 0 && group.events == 0)
                message("km", "no_events_in_group", "No events in " + groupPhrase(grouping, g) + " (" + std::to_string(group.n)
                                                      + " patients): its survival stays at 1 and its median is not reached.");
        }

        if (spec.rmstHorizon) {
            for (int g = 0; g < grouping.groupCount; ++g) {
                const KaplanMeier& km = result.km[static_cast<std::size_t>(g)];
                if (km.rmst && km.rmst->beyondLastFollowUp) {
                    message("km", "rmst_beyond_follow_up",
                            "The restricted mean horizon lies after the last follow-up of " + groupPhrase(grouping, g)
                                + ": its restricted mean assumes the last survival value holds until the horizon.");
                }
            }
        }

        result.logRank = logRank(survival, sortedGroup, grouping.groupCount, spec.logRankRho);
        if (result.logRank->status == TestStatus::FewerThanTwoGroups)
            message("logrank", "fewer_than_two_groups", "The log-rank test needs at least two groups with patients; only one has any.");
        else if (result.logRank->status == TestStatus::NoEvents)
            message("logrank", "no_events", "No events in the analysed patients, so the log-rank test has nothing to compare.");

        if (grouping.groupCount >= 3) {
            result.trend = logRankTrend(survival, sortedGroup, grouping.groupCount, grouping.scores);
        }

        CoxOptions coxOptions;
        coxOptions.ties = spec.ties;
        coxOptions.confLevel = spec.confLevel;

        const std::vector<DesignColumn> groupColumns = groupDesign(grouping, spec.grouping);
        if (!groupColumns.empty()) {
            result.coxUnivariate = fitDesign(prepared, groupColumns, coxOptions);
            markDivergentGroupTerms(result.coxUnivariate->fit, 0, result.groups);
            const CoxFit& fit = result.coxUnivariate->fit;
            if (fit.status == CoxStatus::Diverged) {
                for (const CoxTerm& term : fit.terms) {
                    if (!term.infinite)
                        continue;
                    message("cox_univariate", "hr_not_estimable",
                            "Hazard ratio of " + term.name + " not estimable" + zeroEventGroups(grouping, result.groups)
                                + ": the coefficient diverges, so its Wald test means nothing. "
                                  "Use the log-rank or likelihood-ratio p-value.");
                }
            } else if (fit.status == CoxStatus::Singular) {
                message("cox_univariate", "singular", "The hazard ratio cannot be estimated: a group is empty or the groups do not differ.");
            } else if (fit.status == CoxStatus::NoEvents) {
                message("cox_univariate", "no_events", "No events in the analysed patients: no hazard ratio can be estimated.");
            } else if (fit.status == CoxStatus::NotConverged) {
                message("cox_univariate", "not_converged", "The Cox model did not converge in 20 iterations; its estimates are unreliable.");
            }
        }

        if (spec.grouping.kind == GroupingSpec::Kind::Score) {
            DesignColumn score;
            score.name = "score";
            score.definition = "number of markers at or above their cut-off (0, 1, 2) as one numeric covariate";
            score.values.resize(cohort.size());
            for (std::size_t i = 0; i < cohort.size(); ++i) {
                if (grouping.group[i] != kNoGroup)
                    score.values[i] = static_cast<double>(grouping.group[i]);
            }
            result.coxScoreNumeric = fitDesign(prepared, {score}, coxOptions);
        }

        if (!spec.covariates.empty()) {
            std::vector<DesignColumn> design = groupColumns;
            std::vector<std::string> sources(groupColumns.size(), std::string("group"));
            for (const CovariateSpec& covariate : spec.covariates) {
                std::vector<DesignColumn> columns = covariateDesign(cohort, covariate);
                // Restrict to the grouped rows so that every model uses the same patients.
                for (DesignColumn& column : columns) {
                    for (std::size_t i = 0; i < cohort.size(); ++i) {
                        if (grouping.group[i] == kNoGroup)
                            column.values[i].reset();
                    }
                }
                CoxModel alone = fitDesign(prepared, columns, coxOptions);
                listMissingCovariates(cohort, grouping, columns, std::vector<std::string>(columns.size(), covariate.column), alone);
                result.coxCovariates.push_back(std::move(alone));
                for (DesignColumn& column : columns) {
                    design.push_back(std::move(column));
                    sources.push_back(covariate.column);
                }
            }
            CoxModel model = fitDesign(prepared, design, coxOptions);
            markDivergentGroupTerms(model.fit, 0, result.groups);
            listMissingCovariates(cohort, grouping, design, sources, model);
            if (!model.excluded.empty()) {
                message("cox_multivariate", "rows_left_out",
                        std::to_string(model.excluded.size())
                            + " patient(s) with a missing covariate are left out of the multivariable model.");
            }
            if (model.fit.status == CoxStatus::Diverged) {
                std::string terms;
                for (const CoxTerm& term : model.fit.terms) {
                    if (term.infinite)
                        terms += (terms.empty() ? "" : ", ") + term.name;
                }
                message("cox_multivariate", "hr_not_estimable",
                        "Hazard ratio of " + terms + " in the multivariable model not estimable" + zeroEventGroups(grouping, result.groups)
                            + ": the coefficient diverges, so its Wald test means nothing. Use the likelihood-ratio test.");
            } else if (model.fit.status == CoxStatus::NotConverged) {
                message("cox_multivariate", "not_converged", "The multivariable Cox model did not converge in 20 iterations; its estimates are unreliable.");
            }
            if (model.fit.status == CoxStatus::Singular)
                message("cox_multivariate", "singular", "Some covariates of the multivariable model are collinear; their hazard ratios are not estimable.");
            result.coxMultivariate = std::move(model);
        }
    }

    // Binary outcomes: ROC of the marker, response table of the groups.
    std::optional<BinaryOutcome> columnOutcome;
    if (!spec.outcomeColumn.empty())
        columnOutcome = outcomeFromColumn(cohort, grouping, spec.outcomeColumn, spec.outcomeValue);

    std::optional<BinaryOutcome> deathOutcome;
    if (spec.deathByTime || spec.deathByMedian) {
        if (!cohort.hasSurvival)
            throw InputError("\"Death by time\" needs the survival time and event columns; the cohort has none.");
        std::optional<double> landmark = spec.deathByTime;
        if (spec.deathByMedian) {
            landmark = result.overall ? result.overall->median.estimate : std::nullopt;
            if (!landmark)
                message("roc", "median_not_reached", "The cohort's median survival is not reached, so \"death by the median\" is undefined; choose a time.");
        }
        if (landmark)
            deathOutcome = outcomeDeathBy(cohort, grouping, *landmark, spec.deathByMedian);
    }

    const std::optional<BinaryOutcome>& rocOutcome = deathOutcome ? deathOutcome : columnOutcome;
    const bool hasMarker = spec.grouping.kind != GroupingSpec::Kind::Column;
    if (rocOutcome && hasMarker) {
        RocAnalysis analysis;
        analysis.outcome = *rocOutcome;
        analysis.marker = spec.grouping.marker;
        const CohortColumn& marker = cohort.column(spec.grouping.marker);
        std::vector<double> values;
        std::vector<std::uint8_t> isCase;
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            if (rocOutcome->value[i] < 0 || !marker.values[i])
                continue;
            values.push_back(*marker.values[i]);
            isCase.push_back(static_cast<std::uint8_t>(rocOutcome->value[i]));
        }
        RocOptions rocOptions;
        rocOptions.direction = spec.direction;
        rocOptions.confLevel = spec.confLevel;
        // Everything the curve depends on: the rows (the markers that define membership
        // in a group), the outcome and the options, never the cut-off.
        std::ostringstream key;
        key.precision(17);
        key << spec.grouping.marker << '\x1f' << (spec.grouping.kind == GroupingSpec::Kind::Score ? spec.grouping.marker2 : "")
            << '\x1f' << rocOutcome->kind << '\x1f' << rocOutcome->description << '\x1f'
            << (rocOutcome->landmarkTime ? *rocOutcome->landmarkTime : -1.0) << '\x1f' << static_cast<int>(spec.direction)
            << '\x1f' << spec.confLevel;
        analysis.roc = *prepared.cachedRoc(key.str(), [&] { return roc(values, isCase, rocOptions); });
        if (analysis.roc.status == RocStatus::NoCases || analysis.roc.status == RocStatus::NoControls) {
            message("roc", analysis.roc.status == RocStatus::NoCases ? "no_cases" : "no_controls",
                    std::string("The ROC curve needs both cases and controls; there are no ")
                        + (analysis.roc.status == RocStatus::NoCases ? "cases." : "controls."));
        } else if (spec.grouping.kind == GroupingSpec::Kind::Cutoff) {
            analysis.atCutoff = confusionAtCutoff(values, isCase, spec.grouping.cutoff,
                                                  spec.grouping.rule,
                                                  spec.confLevel);
            analysis.rocCoordsAtCutoff = rocCoordsAtThreshold(values, isCase, spec.grouping.cutoff, analysis.roc.direction);
        }
        const bool hasCurve = analysis.roc.status == RocStatus::Ok;
        if (hasCurve && !analysis.roc.directionDetected && analysis.roc.auc < 0.5) {
            message("roc", "auc_below_half",
                    std::string("The AUC is below 0.5: cases tend to have ")
                        + (analysis.roc.direction == RocDirection::Higher ? "lower" : "higher")
                        + " marker values than controls. Choose the direction "
                        + (analysis.roc.direction == RocDirection::Higher ? "\"lower\"" : "\"higher\"") + " or \"auto\".");
        }
        if (hasCurve && analysis.roc.direction == RocDirection::Lower && analysis.atCutoff) {
            message("roc", "low_group_is_positive",
                    "Cases tend to have low marker values (direction \"lower\"), but the counts at the cut-off take the "
                    "high group as test-positive; pROC's coordinates at the cut-off give sensitivity and specificity with "
                    "the low side as positive.");
        }
        if (analysis.roc.status == RocStatus::AllMarkersTied)
            message("roc", "all_markers_tied", "Every patient has the same marker value: the ROC curve is the diagonal (AUC 0.5).");
        if (analysis.roc.youdenOptima.size() > 1)
            message("roc", "youden_tie", std::to_string(analysis.roc.youdenOptima.size()) + " cut-offs tie for the largest Youden index; all are listed.");
        result.roc = std::move(analysis);
    }

    const std::optional<BinaryOutcome>& responseOutcome = columnOutcome ? columnOutcome : deathOutcome;
    if (responseOutcome && grouping.groupCount >= 2) {
        ResponseAnalysis response;
        response.outcome = *responseOutcome;
        // Two groups are shown high first, as published 2x2 tables are; more in their order.
        std::vector<int> rowOf(static_cast<std::size_t>(grouping.groupCount));
        for (int g = 0; g < grouping.groupCount; ++g)
            rowOf[static_cast<std::size_t>(g)] = grouping.groupCount == 2 ? 1 - g : g;
        response.rowGroups.resize(static_cast<std::size_t>(grouping.groupCount));
        for (int g = 0; g < grouping.groupCount; ++g)
            response.rowGroups[static_cast<std::size_t>(rowOf[static_cast<std::size_t>(g)])] = grouping.names[static_cast<std::size_t>(g)];

        CountTable table(static_cast<std::size_t>(grouping.groupCount), 2);
        for (std::size_t i = 0; i < cohort.size(); ++i) {
            const int g = grouping.group[i];
            const int v = responseOutcome->value[i];
            if (g == kNoGroup || v < 0)
                continue;
            ++table.at(static_cast<std::size_t>(rowOf[static_cast<std::size_t>(g)]), v == 1 ? 0 : 1);
        }
        if (table.total() == 0) {
            message("response", "empty_table", "No patient has both a group and an outcome value: the response table is empty.");
        } else {
            response.table = analyzeResponseTable(table, spec.confLevel);
            if (response.table.chiSquare.lowExpectedCount)
                message("response", "low_expected_count",
                        "An expected count is below 5, so the chi-square approximation may be incorrect; use Fisher's exact test.");
            result.response = std::move(response);
        }
    }

    for (const std::string& name : spec.baseline) {
        const CohortColumn& column = cohort.column(name);
        if (grouping.groupCount < 2)
            break;
        if (column.numeric)
            result.baseline.push_back(baselineNumericRow(name, grouping.group, grouping.groupCount, column.values, spec.confLevel));
        else
            result.baseline.push_back(baselineCategoricalRow(name, grouping.group, grouping.groupCount, column.labels,
                                                             column.levels, spec.confLevel));
    }
    return result;
}

} // namespace cutofflab
