#include "jsonio/scanjson.h"

#include "jsonio/jsonvalue.h"
#include "jsonio/resultjson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace cutofflab::jsonio {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// A number for a sentence: 6 significant digits, as the notes quote values.
std::string shortNumber(double value)
{
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

QJsonValue count(std::size_t value)
{
    return static_cast<qint64>(value);
}

QJsonValue numberIf(bool present, double value)
{
    return present ? number(value) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const std::string& text)
{
    return text.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(qs(text));
}

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray array;
    for (const double value : values)
        array.append(number(value));
    return array;
}

QJsonArray counts(const std::vector<std::size_t>& values)
{
    QJsonArray array;
    for (const std::size_t value : values)
        array.append(count(value));
    return array;
}

QString tiesText(CoxTies ties)
{
    return ties == CoxTies::Breslow ? QStringLiteral("breslow") : QStringLiteral("efron");
}

QString hazardRatioModeName(HazardRatioMode mode)
{
    switch (mode) {
    case HazardRatioMode::Automatic:
        return QStringLiteral("auto");
    case HazardRatioMode::CoxEfron:
        return QStringLiteral("cox");
    case HazardRatioMode::PetoOneStep:
        return QStringLiteral("peto");
    }
    return QStringLiteral("auto");
}

QString integerScoreRuleName(IntegerScoreRule rule)
{
    switch (rule) {
    case IntegerScoreRule::AlreadyIntegers:
        return QStringLiteral("already_integers");
    case IntegerScoreRule::Doubled:
        return QStringLiteral("doubled");
    case IntegerScoreRule::ShiftedAndRounded:
        return QStringLiteral("shifted_and_rounded");
    }
    return QStringLiteral("shifted_and_rounded");
}

QString integerScoreRuleText(IntegerScoreRule rule)
{
    switch (rule) {
    case IntegerScoreRule::AlreadyIntegers:
        return QStringLiteral("every log-rank score was an integer and was kept");
    case IntegerScoreRule::Doubled:
        return QStringLiteral("every non-integer log-rank score ended in .5, so the scores were doubled");
    case IntegerScoreRule::ShiftedAndRounded:
        return QStringLiteral("s = score - min(score), then round(s * n / max(s)) with ties to even");
    }
    return {};
}

QString validationStatusName(ValidationStatus status)
{
    switch (status) {
    case ValidationStatus::Ok:
        return QStringLiteral("ok");
    case ValidationStatus::NoCutoffFound:
        return QStringLiteral("no_cutoff_found");
    case ValidationStatus::OneGroupOnly:
        return QStringLiteral("one_group_only");
    case ValidationStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString optimismStatusName(OptimismStatus status)
{
    switch (status) {
    case OptimismStatus::Ok:
        return QStringLiteral("ok");
    case OptimismStatus::NotRequested:
        return QStringLiteral("not_requested");
    case OptimismStatus::ApparentNotFinite:
        return QStringLiteral("apparent_not_finite");
    case OptimismStatus::NoUsableReplicate:
        return QStringLiteral("no_usable_replicate");
    }
    return QStringLiteral("unknown");
}

QString rocStatusText(RocStatus status)
{
    switch (status) {
    case RocStatus::Ok:
        return QStringLiteral("ok");
    case RocStatus::NoCases:
        return QStringLiteral("no_cases");
    case RocStatus::NoControls:
        return QStringLiteral("no_controls");
    case RocStatus::AllMarkersTied:
        return QStringLiteral("all_markers_tied");
    }
    return QStringLiteral("unknown");
}

// ---------------------------------------------------------------------------------
// The landscape

QJsonObject hazardRatioToJson(const HazardRatio& ratio)
{
    const bool ok = ratio.status == HazardRatioStatus::Ok;
    QJsonObject object;
    object[QStringLiteral("method")] = hazardRatioMethodName(ratio.method);
    object[QStringLiteral("status")] = hazardRatioStatusName(ratio.status);
    object[QStringLiteral("hr")] = numberIf(ok, ratio.hazardRatio);
    object[QStringLiteral("lower")] = numberIf(ok, ratio.lower);
    object[QStringLiteral("upper")] = numberIf(ok, ratio.upper);
    object[QStringLiteral("log_hr")] = numberIf(ok, ratio.logHazardRatio);
    object[QStringLiteral("se")] = numberIf(ok, ratio.standardError);
    return object;
}

QJsonObject landscapeEntry(const CutoffScan& scan, std::size_t index)
{
    const CutoffPoint point = scan.point(index);
    QJsonObject entry;
    entry[QStringLiteral("index")] = count(index);
    entry[QStringLiteral("cutoff")] = number(point.cutoff);
    entry[QStringLiteral("high_rule")] = QStringLiteral(">");
    entry[QStringLiteral("n_low")] = count(point.nLow);
    entry[QStringLiteral("n_high")] = count(point.nHigh);
    entry[QStringLiteral("events_low")] = count(point.eventsLow);
    entry[QStringLiteral("events_high")] = count(point.eventsHigh);
    entry[QStringLiteral("expected_low")] = number(point.expectedLow);
    entry[QStringLiteral("expected_high")] = number(point.expectedHigh);
    entry[QStringLiteral("statistic")] = number(point.standardizedStatistic);
    entry[QStringLiteral("logrank_status")] = point.logRankDefined ? QStringLiteral("ok") : QStringLiteral("zero_variance");
    entry[QStringLiteral("logrank_chisq")] = numberIf(point.logRankDefined, point.logRankChiSquare);
    entry[QStringLiteral("logrank_p")] = numberIf(point.logRankDefined, point.logRankP);
    entry[QStringLiteral("hazard_ratio")] = hazardRatioToJson(point.hazardRatio);
    return entry;
}

QJsonObject optimumToJson(const CutoffScan& scan, const OptimalCutoff& optimum, const QString& criterion,
                          const QString& valueName)
{
    QJsonObject object;
    object[QStringLiteral("criterion")] = criterion;
    object[QStringLiteral("found")] = optimum.found;
    if (!optimum.found)
        return object;
    object[QStringLiteral("index")] = count(optimum.index);
    object[QStringLiteral("cutoff")] = number(optimum.cutoff);
    object[valueName] = number(optimum.value);
    QJsonArray ties;
    for (const std::size_t index : optimum.ties)
        ties.append(QJsonObject{{QStringLiteral("index"), count(index)},
                                {QStringLiteral("cutoff"), number(scan.candidates.cutoffs[index])}});
    object[QStringLiteral("ties")] = ties;
    object[QStringLiteral("entry")] = landscapeEntry(scan, optimum.index);
    return object;
}

// ---------------------------------------------------------------------------------
// Youden's optimum, resolved into the landscape's cut-offs

QJsonObject outcomeToJson(const BinaryOutcome& outcome)
{
    QJsonObject object;
    object[QStringLiteral("type")] = qs(outcome.kind);
    object[QStringLiteral("description")] = qs(outcome.description);
    object[QStringLiteral("landmark_time")] = outcome.landmarkTime ? number(*outcome.landmarkTime) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("positive_value")] = qs(outcome.positiveLabel);
    object[QStringLiteral("negative_value")] = qs(outcome.negativeLabel);
    object[QStringLiteral("n_positive")] = count(outcome.casesCount);
    object[QStringLiteral("n_negative")] = count(outcome.controlsCount);
    object[QStringLiteral("rows_left_out")] = count(outcome.leftOut);
    return object;
}

/// One Youden optimum as a split of the landscape: pROC's threshold lies between two
/// marker values, so "marker < threshold" is the landscape's "marker <= c" with c the
/// largest analysed marker value below the threshold.
QJsonObject youdenOptimumToJson(const YoudenOptimum& optimum, const MarkerSurvival& data, const CutoffScan& scan,
                                const ScanSettings& settings)
{
    QJsonObject object;
    object[QStringLiteral("threshold")] = number(optimum.point.threshold);
    object[QStringLiteral("high_group_from")] = number(optimum.point.highGroupFrom);
    object[QStringLiteral("youden_index")] = number(optimum.youdenIndex);
    object[QStringLiteral("sensitivity")] = number(optimum.point.sensitivity);
    object[QStringLiteral("specificity")] = number(optimum.point.specificity);

    const std::vector<double>& sorted = data.sortedMarker;
    const auto firstAtOrAbove = std::lower_bound(sorted.begin(), sorted.end(), optimum.point.threshold);
    const auto atOrBelow = static_cast<std::size_t>(firstAtOrAbove - sorted.begin());
    if (atOrBelow == 0 || atOrBelow == sorted.size()) {
        object[QStringLiteral("cutoff")] = QJsonValue::Null;
        object[QStringLiteral("index")] = QJsonValue::Null;
        object[QStringLiteral("note")] = QStringLiteral("The threshold puts every analysed row on one side, so it is no split of the landscape.");
        return object;
    }
    const double cutoff = sorted[atOrBelow - 1];
    object[QStringLiteral("cutoff")] = number(cutoff);
    const std::vector<double>& cutoffs = scan.candidates.cutoffs;
    const auto found = std::lower_bound(cutoffs.begin(), cutoffs.end(), cutoff);
    if (scan.status == CutoffStatus::Ok && found != cutoffs.end() && *found == cutoff) {
        object[QStringLiteral("index")] = count(static_cast<std::size_t>(found - cutoffs.begin()));
        object[QStringLiteral("note")] = QJsonValue::Null;
    } else {
        object[QStringLiteral("index")] = QJsonValue::Null;
        object[QStringLiteral("note")] = qs(
            "This split leaves " + std::to_string(atOrBelow) + " of " + std::to_string(sorted.size())
            + " rows at or below the cut-off, outside the candidates of --min-prop " + shortNumber(settings.minProportion)
            + " and --max-prop " + shortNumber(settings.maxProportion) + ", so the landscape has no entry for it.");
    }
    return object;
}

QJsonObject youdenToJson(const RocAnalysis& analysis, const MarkerSurvival& data, const CutoffScan& scan,
                         const ScanSettings& settings)
{
    const RocResult& roc = analysis.roc;
    QJsonObject object;
    object[QStringLiteral("criterion")] =
        QStringLiteral("maximal Youden index J = sensitivity + specificity - 1 against the binary outcome (pROC coords, best.method = \"youden\")");
    object[QStringLiteral("outcome")] = outcomeToJson(analysis.outcome);
    object[QStringLiteral("status")] = rocStatusText(roc.status);
    object[QStringLiteral("n_cases")] = count(roc.nCases);
    object[QStringLiteral("n_controls")] = count(roc.nControls);
    object[QStringLiteral("direction")] = roc.direction == RocDirection::Lower ? QStringLiteral("lower") : QStringLiteral("higher");
    object[QStringLiteral("direction_detected")] = roc.directionDetected;
    const bool hasCurve = roc.status == RocStatus::Ok || roc.status == RocStatus::AllMarkersTied;
    object[QStringLiteral("auc")] = numberIf(hasCurve, roc.auc);
    QJsonArray optima;
    if (hasCurve) {
        for (const YoudenOptimum& optimum : roc.youdenOptima)
            optima.append(youdenOptimumToJson(optimum, data, scan, settings));
    }
    object[QStringLiteral("found")] = !optima.isEmpty();
    object[QStringLiteral("optima")] = optima;
    return object;
}

// ---------------------------------------------------------------------------------
// Corrected p-values

std::string statusNote(CutoffStatus status, const ScanReport& report)
{
    return cutoffStatusText(status, report.maxstat.candidates, report.maxstat.n, report.settings);
}

/// statistic is NaN when there is none.
QJsonObject pValueToJson(const CorrectedPValue& p, const QString& method, const QString& description,
                         const QString& scores, double statistic, const std::string& note)
{
    QJsonObject object;
    object[QStringLiteral("method")] = method;
    object[QStringLiteral("description")] = description;
    object[QStringLiteral("scores")] = scores;
    object[QStringLiteral("statistic")] = numberIf(!std::isnan(statistic), statistic);
    object[QStringLiteral("status")] = pValueStatusName(p.status);
    object[QStringLiteral("value")] = number(p.value);
    object[QStringLiteral("display_value")] = number(p.displayValue);
    object[QStringLiteral("note")] = textOrNull(note);
    return object;
}

/// The sentence that goes with a p-value whose status is not Ok; empty for Ok.
std::string pValueNote(const CorrectedPValue& p, const std::string& methodName, const ScanReport& report)
{
    switch (p.status) {
    case PValueStatus::Ok:
        if (p.value && *p.value == 0.0 && p.method != PValueMethod::HothornLausen) {
            return "The " + methodName + " p-value is too small for double precision (below about 1e-308), so it is written as 0; "
                   "a statistic of " + shortNumber(report.maxstat.logRank.statistic) + " is far beyond any significance level.";
        }
        return {};
    case PValueStatus::AboveOne:
        return "The " + methodName + " bound is " + shortNumber(*p.value)
             + ", above 1, so it says nothing about significance; display_value is 1.";
    case PValueStatus::BelowNumericalPrecision:
        return "The " + methodName + " formula gives " + shortNumber(*p.value)
             + ": at so large a statistic its correction term outweighs the normal tail, so the p-value is smaller "
               "than the formula resolves. display_value is 0; the Lau92 bound or condMC give a usable upper limit.";
    case PValueStatus::NoPermutationExceeded: {
        const std::size_t permutations = report.conditionalMonteCarlo ? report.conditionalMonteCarlo->permutations : 0;
        // Maxima equal to the observed one (within the 1e-9 relative rule of the count) do
        // not exceed it. When some tie, "below 1/B" would be false, so the note counts them.
        std::size_t ties = 0;
        if (report.conditionalMonteCarlo) {
            const double observed = report.conditionalMonteCarlo->statistic;
            for (double maximum : report.conditionalMonteCarlo->nullMaxima)
                ties += std::fabs(maximum - observed) <= 1e-9 * std::fabs(observed) ? 1 : 0;
        }
        if (ties > 0) {
            return std::to_string(ties) + " of " + std::to_string(permutations)
                 + " permutations reached exactly the observed maximal statistic and none exceeded it. Counted as maxstat "
                   "counts (strictly larger only) the p-value is 0; counting ties as well it is "
                 + shortNumber(static_cast<double>(ties) / static_cast<double>(permutations))
                 + ". With so few patients or distinct values the permutations cannot tell the cut-off from chance.";
        }
        return "No permutation of " + std::to_string(permutations)
             + " reached a maximal statistic above the observed one, so the p-value is below 1/"
             + std::to_string(permutations) + " = " + shortNumber(1.0 / static_cast<double>(std::max<std::size_t>(permutations, 1)))
             + "; more permutations give a finer bound.";
    }
    case PValueStatus::NotComputed:
        return "The exact distribution of the integer-score statistic needs a table that grows with the number of rows "
               "and the sum of the scores; for "
             + std::to_string(report.maxstat.n)
             + " rows it exceeds Cutoff Lab's limit of 2^24 cells (a little under 400 rows of log-rank scores). "
               "Use Lau94 or condMC. maxstat 0.7-25 returns NaN above 170 rows.";
    case PValueStatus::NotApplicable:
        if (report.maxstat.status != CutoffStatus::Ok)
            return "Not computed: " + statusNote(report.maxstat.status, report);
        if (p.method == PValueMethod::Lausen92) {
            return "Lau92 needs 0 < --min-prop < --max-prop < 1, because its formula takes the logarithm of "
                   "max-prop (1 - min-prop) / ((1 - max-prop) min-prop); choose proportions inside (0, 1).";
        }
        if (p.method == PValueMethod::HothornLausen)
            return "Every integer score is the same, so the integer-score statistic has no variance and no p-value.";
        return "Not computed for these data.";
    case PValueStatus::Cancelled:
        return "The computation was cancelled.";
    }
    return {};
}

QJsonArray correctedPValuesToJson(const ScanReport& report)
{
    const MaxstatResult& maxstat = report.maxstat;
    const PValueMethods& methods = report.settings.pMethods;
    const bool hasStatistic = maxstat.status == CutoffStatus::Ok;
    constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    const double statistic = hasStatistic ? maxstat.logRank.statistic : kNone;
    const QString logRankScores = QStringLiteral("log-rank");
    QJsonArray array;

    if (methods.lausen92) {
        array.append(pValueToJson(maxstat.lausen92, QStringLiteral("Lau92"),
                                  QStringLiteral("asymptotic bound of Lausen & Schumacher (1992), maxstat pmethod \"Lau92\""),
                                  logRankScores, statistic, pValueNote(maxstat.lausen92, "Lau92", report)));
    }
    if (methods.lausen94) {
        array.append(pValueToJson(maxstat.lausen94, QStringLiteral("Lau94"),
                                  QStringLiteral("improved Bonferroni bound of Lausen, Sauerbrei & Schumacher (1994), maxstat pmethod \"Lau94\""),
                                  logRankScores, statistic, pValueNote(maxstat.lausen94, "Lau94", report)));
    }
    if (methods.hothornLausen) {
        const bool hasIntegerStatistic = hasStatistic && !maxstat.integerScores.statistics.empty();
        std::string note = pValueNote(maxstat.hothornLausen, "HL", report);
        if (maxstat.hothornLausen.status == PValueStatus::Ok && maxstat.n > 170) {
            note = "maxstat 0.7-25 returns NaN here: it counts permutations and divides by n!, which overflows above 170 rows. "
                   "Cutoff Lab computes the same exact bound with probabilities in place of counts.";
        }
        if (maxstat.hothornLausen.status == PValueStatus::Ok && *maxstat.hothornLausen.value == 0.0) {
            note += std::string(note.empty() ? "" : " ")
                  + "The value is 0 because no permutation of the integer scores gives a statistic above the observed one "
                    "(HL is the probability of exceeding it); the probability of reaching it is small but not 0.";
        }
        QJsonObject entry = pValueToJson(
            maxstat.hothornLausen, QStringLiteral("HL"),
            QStringLiteral("exact bound of Hothorn & Lausen (2003) for integer scores, maxstat pmethod \"HL\""),
            QStringLiteral("integer"), hasIntegerStatistic ? maxstat.integerScores.statistic : kNone, note);
        if (hasIntegerStatistic)
            entry[QStringLiteral("integer_score_rule")] = integerScoreRuleName(maxstat.integerScoreRule);
        array.append(entry);
    }
    if (methods.conditionalMonteCarlo && report.conditionalMonteCarlo) {
        const PermutationResult& permutation = *report.conditionalMonteCarlo;
        QJsonObject entry = pValueToJson(
            permutation.pValue, QStringLiteral("condMC"),
            QStringLiteral("conditional Monte Carlo: share of random permutations of the scores against the marker whose maximal "
                           "statistic exceeds the observed one, maxstat pmethod \"condMC\""),
            logRankScores, permutation.status == CutoffStatus::Ok ? permutation.statistic : kNone,
            pValueNote(permutation.pValue, "condMC", report));
        entry[QStringLiteral("permutations")] = count(permutation.permutations);
        entry[QStringLiteral("exceedances")] = count(permutation.exceedances);
        entry[QStringLiteral("seed")] = static_cast<qint64>(report.settings.seed);
        entry[QStringLiteral("monte_carlo_standard_error")] =
            numberIf(permutation.status == CutoffStatus::Ok, permutation.monteCarloStandardError);
        array.append(entry);
    }
    return array;
}

QJsonObject maxstatToJson(const ScanReport& report)
{
    const MaxstatResult& maxstat = report.maxstat;
    const bool ok = maxstat.status == CutoffStatus::Ok;
    QJsonObject object;
    object[QStringLiteral("smethod")] = QStringLiteral("LogRank");
    object[QStringLiteral("scores")] =
        QStringLiteral("log-rank scores of exactRankTests::cscores, as maxstat.test uses them (tied times take the largest rank of their group)");
    object[QStringLiteral("status")] = cutoffStatusName(maxstat.status);
    object[QStringLiteral("n")] = count(maxstat.n);
    object[QStringLiteral("statistic")] = numberIf(ok, maxstat.logRank.statistic);
    object[QStringLiteral("cutoff")] = numberIf(ok, maxstat.logRank.cutoff);
    object[QStringLiteral("index")] = ok ? count(maxstat.logRank.bestIndex) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("n_at_or_below")] = ok ? count(maxstat.logRank.nAtOrBelow) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("n_above")] = ok ? count(maxstat.logRank.nAbove) : QJsonValue(QJsonValue::Null);

    if (report.settings.pMethods.hothornLausen && ok && !maxstat.integerScores.statistics.empty()) {
        const MaxstatProfile& profile = maxstat.integerScores;
        QJsonObject integer;
        integer[QStringLiteral("rule")] = integerScoreRuleName(maxstat.integerScoreRule);
        integer[QStringLiteral("rule_text")] = integerScoreRuleText(maxstat.integerScoreRule);
        integer[QStringLiteral("statistic")] = number(profile.statistic);
        integer[QStringLiteral("cutoff")] = number(profile.cutoff);
        integer[QStringLiteral("index")] = count(profile.bestIndex);
        integer[QStringLiteral("n_at_or_below")] = count(profile.nAtOrBelow);
        integer[QStringLiteral("n_above")] = count(profile.nAbove);
        integer[QStringLiteral("statistics")] = numbers(profile.statistics);
        object[QStringLiteral("integer_scores")] = integer;
    }
    return object;
}

// ---------------------------------------------------------------------------------
// Bootstrap, validation, two cut-offs

QJsonObject bootstrapToJson(const BootstrapResult& bootstrap, const ScanReport& report)
{
    const ScanSettings& settings = report.settings;
    const bool ok = bootstrap.status == CutoffStatus::Ok;
    QJsonObject object;
    object[QStringLiteral("replicates")] = count(settings.bootstrapReplicates);
    object[QStringLiteral("seed")] = static_cast<qint64>(settings.seed);
    object[QStringLiteral("status")] = cutoffStatusName(bootstrap.status);
    object[QStringLiteral("status_text")] = textOrNull(cutoffStatusText(bootstrap.status, report.landscape.candidates,
                                                                        report.landscape.n, settings));
    object[QStringLiteral("cutoff")] = numberIf(ok, bootstrap.cutoff);
    object[QStringLiteral("samples_with_cutoff")] = count(bootstrap.replicateCutoffs.size());
    object[QStringLiteral("failed_replicates")] = count(bootstrap.failedReplicates);

    QJsonObject interval;
    interval[QStringLiteral("method")] = QStringLiteral("percentile (R's quantile type 7 of the replicate cut-offs)");
    interval[QStringLiteral("conf_level")] = settings.confidenceLevel;
    interval[QStringLiteral("available")] = bootstrap.intervalAvailable;
    interval[QStringLiteral("median")] = numberIf(bootstrap.intervalAvailable, bootstrap.median);
    interval[QStringLiteral("lower")] = numberIf(bootstrap.intervalAvailable, bootstrap.lower);
    interval[QStringLiteral("upper")] = numberIf(bootstrap.intervalAvailable, bootstrap.upper);
    object[QStringLiteral("interval")] = interval;

    QJsonObject optimism;
    const bool optimismOk = bootstrap.optimismStatus == OptimismStatus::Ok;
    optimism[QStringLiteral("status")] = optimismStatusName(bootstrap.optimismStatus);
    std::string note;
    if (bootstrap.optimismStatus == OptimismStatus::ApparentNotFinite)
        note = "The hazard ratio at the selected cut-off is 0 or infinite on the data (a group without events), so its optimism is undefined.";
    else if (bootstrap.optimismStatus == OptimismStatus::NoUsableReplicate)
        note = "No bootstrap sample gave finite hazard ratios both in the sample and on the data.";
    else if (optimismOk && bootstrap.correctedLogHazardRatio == 0.0 && bootstrap.apparent.logHazardRatio != 0.0)
        note = "The optimism is at least the apparent |log HR|, so the corrected hazard ratio stops at 1: the split carries no information beyond the search.";
    optimism[QStringLiteral("note")] = textOrNull(note);
    optimism[QStringLiteral("apparent")] = ok ? QJsonValue(hazardRatioToJson(bootstrap.apparent)) : QJsonValue(QJsonValue::Null);
    optimism[QStringLiteral("optimism")] = numberIf(optimismOk, bootstrap.optimism);
    optimism[QStringLiteral("replicates_used")] = count(bootstrap.optimismReplicates);
    optimism[QStringLiteral("corrected_log_hr")] = numberIf(optimismOk, bootstrap.correctedLogHazardRatio);
    optimism[QStringLiteral("corrected_hr")] = numberIf(optimismOk, bootstrap.correctedHazardRatio);
    object[QStringLiteral("optimism")] = optimism;

    object[QStringLiteral("replicate_cutoffs")] = numbers(bootstrap.replicateCutoffs);
    return object;
}

QJsonObject logRankToJson(const TwoGroupLogRank& test)
{
    QJsonObject object;
    object[QStringLiteral("n_low")] = count(test.nLow);
    object[QStringLiteral("n_high")] = count(test.nHigh);
    object[QStringLiteral("events_low")] = count(test.eventsLow);
    object[QStringLiteral("events_high")] = count(test.eventsHigh);
    object[QStringLiteral("expected_low")] = number(test.expectedLow);
    object[QStringLiteral("expected_high")] = number(test.expectedHigh);
    object[QStringLiteral("defined")] = test.defined;
    object[QStringLiteral("variance")] = numberIf(test.defined, test.variance);
    object[QStringLiteral("chisq")] = numberIf(test.defined, test.chiSquare);
    object[QStringLiteral("p")] = numberIf(test.defined, test.p);
    return object;
}

std::string validationNote(ValidationStatus status)
{
    switch (status) {
    case ValidationStatus::Ok:
        return {};
    case ValidationStatus::NoCutoffFound:
        return "No cut-off was found on the training rows (too few distinct marker values or no events there).";
    case ValidationStatus::OneGroupOnly:
        return "Every validation row fell on one side of the cut-off, so there is no comparison.";
    case ValidationStatus::Cancelled:
        return "The validation was cancelled.";
    }
    return {};
}

QJsonObject splitSampleToJson(const SplitSampleResult& split, const ScanSettings& settings)
{
    const bool hasCutoff = split.trainingStatus == CutoffStatus::Ok;
    const bool ok = split.status == ValidationStatus::Ok;
    QJsonObject object;
    object[QStringLiteral("type")] = QStringLiteral("split");
    object[QStringLiteral("seed")] = static_cast<qint64>(settings.seed);
    object[QStringLiteral("training_fraction")] = settings.trainingFraction;
    object[QStringLiteral("status")] = validationStatusName(split.status);
    object[QStringLiteral("note")] = textOrNull(validationNote(split.status));
    object[QStringLiteral("training_status")] = cutoffStatusName(split.trainingStatus);
    object[QStringLiteral("training_rows")] = count(split.trainingRows);
    object[QStringLiteral("validation_rows")] = count(split.validationRows);
    object[QStringLiteral("cutoff")] = numberIf(hasCutoff, split.cutoff);
    object[QStringLiteral("training_statistic")] = numberIf(hasCutoff, split.trainingStatistic);
    object[QStringLiteral("logrank")] = ok ? QJsonValue(logRankToJson(split.validation)) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("hazard_ratio")] = ok ? QJsonValue(hazardRatioToJson(split.validationHazardRatio)) : QJsonValue(QJsonValue::Null);
    return object;
}

QJsonObject crossValidationToJson(const CrossValidationResult& cv, const ScanSettings& settings)
{
    const bool ok = cv.status == ValidationStatus::Ok;
    QJsonObject object;
    object[QStringLiteral("type")] = QStringLiteral("cv");
    object[QStringLiteral("seed")] = static_cast<qint64>(settings.seed);
    object[QStringLiteral("folds")] = count(settings.folds);
    object[QStringLiteral("status")] = validationStatusName(cv.status);
    object[QStringLiteral("note")] = textOrNull(validationNote(cv.status));
    std::vector<std::size_t> foldRows(cv.foldCutoffs.size(), 0);
    for (const std::uint32_t fold : cv.fold) {
        if (fold < foldRows.size())
            ++foldRows[fold];
    }
    QJsonArray folds;
    for (std::size_t k = 0; k < cv.foldCutoffs.size(); ++k) {
        const bool found = k < cv.foldStatus.size() && cv.foldStatus[k] == CutoffStatus::Ok;
        folds.append(QJsonObject{{QStringLiteral("fold"), count(k)},
                                 {QStringLiteral("rows"), count(foldRows[k])},
                                 {QStringLiteral("status"), k < cv.foldStatus.size() ? cutoffStatusName(cv.foldStatus[k]) : QStringLiteral("unknown")},
                                 {QStringLiteral("cutoff"), numberIf(found, cv.foldCutoffs[k])}});
    }
    object[QStringLiteral("fold_results")] = folds;
    object[QStringLiteral("unassigned_rows")] = count(cv.unassignedRows);
    object[QStringLiteral("logrank")] = ok ? QJsonValue(logRankToJson(cv.logRank)) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("hazard_ratio")] = ok ? QJsonValue(hazardRatioToJson(cv.hazardRatio)) : QJsonValue(QJsonValue::Null);
    return object;
}

QJsonObject twoCutoffsToJson(const TwoCutoffScan& scan, const ScanReport& report)
{
    QJsonObject object;
    object[QStringLiteral("status")] = cutoffStatusName(scan.status);
    std::string statusText = cutoffStatusText(scan.status, report.landscape.candidates, report.landscape.n, report.settings);
    if (scan.status == CutoffStatus::NoCandidateCutoff && scan.candidateCount == 1)
        statusText = "There is only one candidate cut-off, and two are needed for three groups.";
    object[QStringLiteral("status_text")] = textOrNull(statusText);
    object[QStringLiteral("groups")] =
        QStringLiteral("low: marker <= low cut-off; middle: low cut-off < marker <= high cut-off; high: marker > high cut-off");
    object[QStringLiteral("candidate_count")] = count(scan.candidateCount);
    object[QStringLiteral("grid")] = numbers(scan.grid);
    object[QStringLiteral("grid_lower_group_sizes")] = counts(scan.gridLowerGroupSizes);

    QJsonArray cells;
    for (const TwoCutoffCell& cell : scan.cells) {
        QJsonObject entry;
        entry[QStringLiteral("low_index")] = count(cell.lowIndex);
        entry[QStringLiteral("high_index")] = count(cell.highIndex);
        entry[QStringLiteral("low_cutoff")] = number(scan.grid[cell.lowIndex]);
        entry[QStringLiteral("high_cutoff")] = number(scan.grid[cell.highIndex]);
        entry[QStringLiteral("n_low")] = count(cell.nLow);
        entry[QStringLiteral("n_middle")] = count(cell.nMiddle);
        entry[QStringLiteral("n_high")] = count(cell.nHigh);
        entry[QStringLiteral("events_low")] = count(cell.eventsLow);
        entry[QStringLiteral("events_middle")] = count(cell.eventsMiddle);
        entry[QStringLiteral("events_high")] = count(cell.eventsHigh);
        entry[QStringLiteral("defined")] = cell.defined;
        entry[QStringLiteral("chisq")] = numberIf(cell.defined, cell.chiSquare);
        entry[QStringLiteral("p")] = numberIf(cell.defined, cell.p);
        cells.append(entry);
    }
    object[QStringLiteral("cells")] = cells;

    QJsonObject best;
    best[QStringLiteral("criterion")] = QStringLiteral("maximal 3-group log-rank chi-square (2 df)");
    best[QStringLiteral("found")] = scan.best.found;
    if (scan.best.found) {
        const TwoCutoffCell& cell = scan.cells[scan.best.index];
        best[QStringLiteral("cell")] = count(scan.best.index);
        best[QStringLiteral("low_cutoff")] = number(scan.grid[cell.lowIndex]);
        best[QStringLiteral("high_cutoff")] = number(scan.grid[cell.highIndex]);
        best[QStringLiteral("chisq")] = number(cell.chiSquare);
        best[QStringLiteral("p")] = number(cell.p);
        best[QStringLiteral("tied_cells")] = counts(scan.best.ties);
        best[QStringLiteral("n_low")] = count(cell.nLow);
        best[QStringLiteral("n_middle")] = count(cell.nMiddle);
        best[QStringLiteral("n_high")] = count(cell.nHigh);
        // The proportions bound each cut-off, not the middle group between them, so the
        // largest statistic can come from a handful of patients in the middle.
        const double total = static_cast<double>(cell.nLow + cell.nMiddle + cell.nHigh);
        const double smallest = std::floor(report.settings.minProportion * total);
        best[QStringLiteral("note")] =
            static_cast<double>(cell.nMiddle) < smallest
                ? QJsonValue(QStringLiteral("The middle group has only %1 of %2 patients, fewer than the minimum proportion "
                                            "allows for one group; its chi-square rests on very few patients.")
                                 .arg(cell.nMiddle)
                                 .arg(static_cast<qint64>(total)))
                : QJsonValue(QJsonValue::Null);
    }
    object[QStringLiteral("best")] = best;
    return object;
}

QJsonObject settingsToJson(const ScanSettings& settings)
{
    QJsonObject object;
    object[QStringLiteral("marker")] = qs(settings.marker);
    object[QStringLiteral("min_prop")] = settings.minProportion;
    object[QStringLiteral("max_prop")] = settings.maxProportion;
    object[QStringLiteral("conf_level")] = settings.confidenceLevel;
    object[QStringLiteral("ties")] = tiesText(settings.ties);
    object[QStringLiteral("hazard_ratios")] = hazardRatioModeName(settings.hazardRatios);
    QJsonArray methods;
    if (settings.pMethods.lausen92)
        methods.append(QStringLiteral("Lau92"));
    if (settings.pMethods.lausen94)
        methods.append(QStringLiteral("Lau94"));
    if (settings.pMethods.hothornLausen)
        methods.append(QStringLiteral("HL"));
    if (settings.pMethods.conditionalMonteCarlo)
        methods.append(QStringLiteral("condMC"));
    object[QStringLiteral("pmethods")] = methods;
    object[QStringLiteral("permutations")] =
        settings.pMethods.conditionalMonteCarlo ? count(settings.permutations) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("bootstrap")] = count(settings.bootstrapReplicates);
    object[QStringLiteral("seed")] = static_cast<qint64>(settings.seed);
    object[QStringLiteral("validation")] = settings.validation == ValidationKind::SplitSample       ? QStringLiteral("split")
                                         : settings.validation == ValidationKind::CrossValidation ? QStringLiteral("cv")
                                                                                                   : QStringLiteral("none");
    object[QStringLiteral("folds")] = count(settings.folds);
    object[QStringLiteral("training_fraction")] = settings.trainingFraction;
    object[QStringLiteral("two_cutoffs")] = settings.twoCutoffs;
    object[QStringLiteral("grid_size")] = count(settings.gridSize);
    object[QStringLiteral("threads")] = static_cast<qint64>(settings.threads);
    return object;
}

QJsonArray excludedToJson(const std::vector<ExcludedRow>& rows)
{
    QJsonArray array;
    for (const ExcludedRow& row : rows) {
        QJsonObject object;
        object[QStringLiteral("row")] = count(row.row);
        if (!row.id.empty())
            object[QStringLiteral("id")] = qs(row.id);
        object[QStringLiteral("column")] = qs(row.column);
        object[QStringLiteral("value")] = qs(row.value);
        object[QStringLiteral("reason")] = qs(row.reason);
        array.append(object);
    }
    return array;
}

} // namespace

QString cutoffStatusName(CutoffStatus status)
{
    switch (status) {
    case CutoffStatus::Ok:
        return QStringLiteral("ok");
    case CutoffStatus::NoRows:
        return QStringLiteral("no_rows");
    case CutoffStatus::ConstantMarker:
        return QStringLiteral("constant_marker");
    case CutoffStatus::NoCandidateCutoff:
        return QStringLiteral("no_candidate_cutoff");
    case CutoffStatus::NoEvents:
        return QStringLiteral("no_events");
    case CutoffStatus::ConstantScores:
        return QStringLiteral("constant_scores");
    }
    return QStringLiteral("unknown");
}

QString pValueStatusName(PValueStatus status)
{
    switch (status) {
    case PValueStatus::Ok:
        return QStringLiteral("ok");
    case PValueStatus::AboveOne:
        return QStringLiteral("above_one");
    case PValueStatus::BelowNumericalPrecision:
        return QStringLiteral("below_numerical_precision");
    case PValueStatus::NoPermutationExceeded:
        return QStringLiteral("no_permutation_exceeded");
    case PValueStatus::NotComputed:
        return QStringLiteral("not_computed");
    case PValueStatus::NotApplicable:
        return QStringLiteral("not_applicable");
    case PValueStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString hazardRatioMethodName(HazardRatioMethod method)
{
    switch (method) {
    case HazardRatioMethod::CoxEfron:
        return QStringLiteral("cox_efron");
    case HazardRatioMethod::CoxBreslow:
        return QStringLiteral("cox_breslow");
    case HazardRatioMethod::PetoOneStep:
        return QStringLiteral("peto_one_step");
    }
    return QStringLiteral("unknown");
}

QString hazardRatioStatusName(HazardRatioStatus status)
{
    switch (status) {
    case HazardRatioStatus::Ok:
        return QStringLiteral("ok");
    case HazardRatioStatus::InfiniteHigh:
        return QStringLiteral("infinite_high");
    case HazardRatioStatus::InfiniteLow:
        return QStringLiteral("infinite_low");
    case HazardRatioStatus::NotEstimable:
        return QStringLiteral("not_estimable");
    }
    return QStringLiteral("unknown");
}

std::string cutoffStatusText(CutoffStatus status, const CandidateSplits& candidates, std::size_t rows,
                             const ScanSettings& settings)
{
    switch (status) {
    case CutoffStatus::Ok:
        return {};
    case CutoffStatus::NoRows:
        return "No row has a survival time, an event status and a value of the marker \"" + settings.marker
             + "\", so there is nothing to scan.";
    case CutoffStatus::ConstantMarker:
        return "Every one of the " + std::to_string(rows) + " analysed rows has the same value of \"" + settings.marker
             + "\", so no cut-off splits them.";
    case CutoffStatus::NoCandidateCutoff:
        return "No cut-off of \"" + settings.marker + "\" leaves between " + std::to_string(candidates.lowerGroupSizeMin)
             + " and " + std::to_string(candidates.lowerGroupSizeMax) + " of the " + std::to_string(rows)
             + " rows at or below it (--min-prop " + shortNumber(settings.minProportion) + ", --max-prop "
             + shortNumber(settings.maxProportion)
             + "): the marker has too few distinct values for these proportions. Lower --min-prop or raise --max-prop.";
    case CutoffStatus::NoEvents:
        return "No analysed row has an event, so every log-rank score is 0 and there is no statistic.";
    case CutoffStatus::ConstantScores:
        return "Every analysed row has the same log-rank score (for example, every row has an event at the same time), "
               "so the statistic has no variance.";
    }
    return {};
}

QJsonObject scanToJson(const Cohort& cohort, const MarkerSurvival& data, const ScanReport& report)
{
    const CutoffScan& scan = report.landscape;
    QJsonObject root;
    root[QStringLiteral("format_version")] = QStringLiteral("1.0");
    root[QStringLiteral("cutofflab_version")] = QStringLiteral(CUTOFFLAB_VERSION);
    root[QStringLiteral("command")] = QStringLiteral("scan");
    root[QStringLiteral("settings")] = settingsToJson(report.settings);
    root[QStringLiteral("cohort")] = cohortToJson(cohort);

    QJsonObject rows;
    rows[QStringLiteral("with_survival")] = count(cohort.size());
    rows[QStringLiteral("left_out_missing_marker")] = count(data.rowsLeftOutMissingMarker);
    rows[QStringLiteral("analysed")] = count(data.size());
    rows[QStringLiteral("events")] = count(static_cast<std::size_t>(std::count(data.event.begin(), data.event.end(), std::uint8_t{1})));
    if (const CohortColumn* column = cohort.findColumn(report.settings.marker))
        rows[QStringLiteral("marker_cells_left_out")] = excludedToJson(column->unusable);
    root[QStringLiteral("rows")] = rows;

    root[QStringLiteral("status")] = cutoffStatusName(scan.status);
    root[QStringLiteral("status_text")] =
        textOrNull(cutoffStatusText(scan.status, scan.candidates, scan.n, report.settings));

    QJsonObject candidates;
    candidates[QStringLiteral("split_rule")] = QStringLiteral("low: marker <= cutoff; high: marker > cutoff");
    candidates[QStringLiteral("lower_group_size_min")] = count(scan.candidates.lowerGroupSizeMin);
    candidates[QStringLiteral("lower_group_size_max")] = count(scan.candidates.lowerGroupSizeMax);
    candidates[QStringLiteral("count")] = count(scan.size());
    candidates[QStringLiteral("conf_level")] = scan.confidenceLevel;
    root[QStringLiteral("candidates")] = candidates;

    QJsonArray landscape;
    for (std::size_t index = 0; index < scan.size(); ++index)
        landscape.append(landscapeEntry(scan, index));
    root[QStringLiteral("landscape")] = landscape;

    QJsonObject optima;
    optima[QStringLiteral("by_statistic")] = optimumToJson(
        scan, scan.byStandardizedStatistic,
        QStringLiteral("maximal standardized log-rank statistic (maxstat's estimate)"), QStringLiteral("statistic"));
    optima[QStringLiteral("by_logrank_p")] = optimumToJson(
        scan, scan.byLogRankP, QStringLiteral("minimal naive log-rank p-value (maximal survdiff chi-square)"),
        QStringLiteral("p"));
    if (report.roc)
        optima[QStringLiteral("by_youden")] = youdenToJson(*report.roc, data, scan, report.settings);
    root[QStringLiteral("optimal_cutoffs")] = optima;

    root[QStringLiteral("maxstat")] = maxstatToJson(report);
    root[QStringLiteral("corrected_p_values")] = correctedPValuesToJson(report);

    if (report.bootstrap)
        root[QStringLiteral("bootstrap")] = bootstrapToJson(*report.bootstrap, report);
    if (report.splitSample)
        root[QStringLiteral("validation")] = splitSampleToJson(*report.splitSample, report.settings);
    else if (report.crossValidation)
        root[QStringLiteral("validation")] = crossValidationToJson(*report.crossValidation, report.settings);
    if (report.twoCutoffs)
        root[QStringLiteral("two_cutoffs")] = twoCutoffsToJson(*report.twoCutoffs, report);

    QJsonArray messages;
    for (const AnalysisMessage& message : report.messages) {
        messages.append(QJsonObject{{QStringLiteral("part"), qs(message.part)},
                                    {QStringLiteral("code"), qs(message.code)},
                                    {QStringLiteral("text"), qs(message.text)}});
    }
    root[QStringLiteral("messages")] = messages;
    return root;
}

} // namespace cutofflab::jsonio
