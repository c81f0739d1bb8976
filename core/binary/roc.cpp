#include "binary/roc.h"

#include "common/distributions.h"
#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

namespace cutofflab {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Inf" : "-Inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

void checkInputs(std::span<const double> marker, std::span<const std::uint8_t> isCase)
{
    if (marker.size() != isCase.size())
        throw InputError("The marker has " + std::to_string(marker.size()) + " values but the outcome has "
                         + std::to_string(isCase.size()) + "; give one outcome per marker value.");
    for (std::size_t i = 0; i < marker.size(); ++i) {
        if (!std::isfinite(marker[i]))
            throw InputError("Marker value " + formatValue(marker[i]) + " in row " + std::to_string(i + 1)
                                 + " is not a finite number; leave rows with a missing marker out of the ROC analysis.",
                             {i + 1, {}, formatValue(marker[i])});
        if (isCase[i] > 1)
            throw InputError("Outcome value " + std::to_string(isCase[i]) + " in row " + std::to_string(i + 1)
                                 + " is not 0 (control) or 1 (case).",
                             {i + 1, {}, std::to_string(isCase[i])});
    }
}

void checkConfLevel(double confLevel)
{
    if (!(confLevel > 0.0 && confLevel < 1.0))
        throw InputError("Invalid confidence level " + formatValue(confLevel)
                         + ": use a number between 0 and 1, such as 0.95.");
}

// R's median(): the middle value, or the mean of the two middle values.
double median(std::vector<double> values)
{
    const std::size_t half = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half), values.end());
    const double upper = values[half];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half));
    return static_cast<double>((static_cast<long double>(lower) + upper) / 2.0L);
}

// pROC's threshold between two consecutive distinct values (roc.utils.thresholds): the
// mid-point, computed as below / 2 + above / 2 when it exceeds 1e100 in magnitude.
double midpoint(double below, double above)
{
    const double sum = (below + above) / 2.0;
    if (std::fabs(sum) > 1e100)
        return below / 2.0 + above / 2.0;
    return sum;
}

// Cases and controls at one distinct marker value.
struct DistinctValue {
    double value = 0.0;
    std::int64_t cases = 0;
    std::int64_t controls = 0;
};

std::vector<DistinctValue> tabulateDistinct(std::span<const double> marker, std::span<const std::uint8_t> isCase)
{
    std::vector<std::pair<double, std::uint8_t>> sorted(marker.size());
    for (std::size_t i = 0; i < marker.size(); ++i)
        sorted[i] = {marker[i], isCase[i]};
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });

    std::vector<DistinctValue> distinct;
    for (const auto& [value, caseFlag] : sorted) {
        if (distinct.empty() || distinct.back().value != value)
            distinct.push_back({value, 0, 0});
        if (caseFlag)
            ++distinct.back().cases;
        else
            ++distinct.back().controls;
    }
    return distinct;
}

} // namespace

RocResult roc(std::span<const double> marker, std::span<const std::uint8_t> isCase, const RocOptions& options)
{
    checkInputs(marker, isCase);
    checkConfLevel(options.confLevel);

    RocResult result;
    result.confLevel = options.confLevel;
    std::vector<double> caseValues;
    std::vector<double> controlValues;
    for (std::size_t i = 0; i < marker.size(); ++i)
        (isCase[i] ? caseValues : controlValues).push_back(marker[i]);
    result.nCases = caseValues.size();
    result.nControls = controlValues.size();
    if (caseValues.empty()) {
        result.status = RocStatus::NoCases;
        return result;
    }
    if (controlValues.empty()) {
        result.status = RocStatus::NoControls;
        return result;
    }

    // pROC's direction = "auto" compares the medians of controls and cases.
    result.direction = options.direction;
    if (options.direction == RocDirection::Auto) {
        result.directionDetected = true;
        result.direction = median(std::move(controlValues)) <= median(std::move(caseValues))
                         ? RocDirection::Higher : RocDirection::Lower;
    }
    const bool higher = result.direction == RocDirection::Higher;

    const std::vector<DistinctValue> distinct = tabulateDistinct(marker, isCase);
    const std::size_t m = distinct.size();
    if (m == 1)
        result.status = RocStatus::AllMarkersTied;
    const auto nCases = static_cast<std::int64_t>(result.nCases);
    const auto nControls = static_cast<std::int64_t>(result.nControls);

    // Split k (0..m) puts distinct values 0..k-1 in the low group and k..m-1 in the high
    // group. casesBelow[k] and controlsBelow[k] count the low group.
    std::vector<std::int64_t> casesBelow(m + 1, 0);
    std::vector<std::int64_t> controlsBelow(m + 1, 0);
    for (std::size_t k = 0; k < m; ++k) {
        casesBelow[k + 1] = casesBelow[k] + distinct[k].cases;
        controlsBelow[k + 1] = controlsBelow[k] + distinct[k].controls;
    }

    // The curve, one point per split, in pROC's order (sensitivity from 1 down to 0).
    result.curve.resize(m + 1);
    std::int64_t bestScore = -1;
    std::vector<std::size_t> bestPoints;
    for (std::size_t step = 0; step <= m; ++step) {
        const std::size_t k = higher ? step : m - step;
        const double below = k == 0 ? -kInfinity : distinct[k - 1].value;
        const double above = k == m ? kInfinity : distinct[k].value;

        RocPoint& point = result.curve[step];
        point.threshold = midpoint(below, above);
        // A mid-point that rounds onto a neighbour would classify that neighbour on the
        // wrong side; pROC moves it onto the neighbour that keeps the split.
        if (higher && k > 0 && point.threshold == below)
            point.threshold = above;
        if (!higher && k < m && point.threshold == above)
            point.threshold = below;
        if (k < m)
            point.highGroupFrom = distinct[k].value;

        const std::int64_t truePositives = higher ? nCases - casesBelow[k] : casesBelow[k];
        const std::int64_t trueNegatives = higher ? controlsBelow[k] : nControls - controlsBelow[k];
        point.sensitivity = static_cast<double>(truePositives) / static_cast<double>(nCases);
        point.specificity = static_cast<double>(trueNegatives) / static_cast<double>(nControls);

        // Youden's J compared exactly: J + 1 = TP / nCases + TN / nControls, scaled by
        // nCases nControls.
        const std::int64_t score = truePositives * nControls + trueNegatives * nCases;
        if (score > bestScore) {
            bestScore = score;
            bestPoints.clear();
        }
        if (score == bestScore)
            bestPoints.push_back(step);
    }
    for (std::size_t step : bestPoints) {
        const RocPoint& point = result.curve[step];
        result.youdenOptima.push_back({point, point.sensitivity + point.specificity - 1.0});
    }
    result.perfectSeparation = bestScore == 2 * nCases * nControls;

    // DeLong placements. All patients at one distinct value share their placement, so
    // the sums run over distinct values. Twice the placement counts in integers:
    // a case at value k outranks the controls on its far side and ties with those at k.
    const auto casePlacement2 = [&](std::size_t k) {
        const std::int64_t outranked = higher ? controlsBelow[k] : nControls - controlsBelow[k + 1];
        return 2 * outranked + distinct[k].controls;
    };
    const auto controlPlacement2 = [&](std::size_t k) {
        const std::int64_t outranking = higher ? nCases - casesBelow[k + 1] : casesBelow[k];
        return 2 * outranking + distinct[k].cases;
    };
    long double twiceU = 0.0L;
    for (std::size_t k = 0; k < m; ++k)
        twiceU += static_cast<long double>(distinct[k].cases) * static_cast<long double>(casePlacement2(k));
    const double auc = static_cast<double>(twiceU / (2.0L * static_cast<long double>(nCases)
                                                     * static_cast<long double>(nControls)));
    result.auc = auc;

    if (nCases >= 2 && nControls >= 2) {
        long double caseSquares = 0.0L;
        long double controlSquares = 0.0L;
        for (std::size_t k = 0; k < m; ++k) {
            const long double caseDeviation =
                static_cast<long double>(casePlacement2(k)) / (2.0L * static_cast<long double>(nControls)) - auc;
            const long double controlDeviation =
                static_cast<long double>(controlPlacement2(k)) / (2.0L * static_cast<long double>(nCases)) - auc;
            caseSquares += static_cast<long double>(distinct[k].cases) * caseDeviation * caseDeviation;
            controlSquares += static_cast<long double>(distinct[k].controls) * controlDeviation * controlDeviation;
        }
        const double variance = static_cast<double>(caseSquares / static_cast<long double>(nCases - 1)
                                                        / static_cast<long double>(nCases)
                                                    + controlSquares / static_cast<long double>(nControls - 1)
                                                        / static_cast<long double>(nControls));
        const double halfWidth = normalCriticalValue(options.confLevel) * std::sqrt(variance);
        result.aucVariance = variance;
        result.aucLower = std::max(0.0, auc - halfWidth);
        result.aucUpper = std::min(1.0, auc + halfWidth);
    }
    return result;
}

std::optional<RocCoords> rocCoordsAtThreshold(std::span<const double> marker, std::span<const std::uint8_t> isCase,
                                              double threshold, RocDirection direction)
{
    checkInputs(marker, isCase);
    if (direction == RocDirection::Auto)
        throw InputError("ROC coordinates need the direction the curve used (higher or lower), not auto.");
    if (std::isnan(threshold))
        throw InputError("The ROC threshold is not a number.");

    std::int64_t cases = 0;
    std::int64_t controls = 0;
    std::int64_t truePositives = 0;
    std::int64_t trueNegatives = 0;
    for (std::size_t i = 0; i < marker.size(); ++i) {
        const bool positive = direction == RocDirection::Higher ? marker[i] >= threshold : marker[i] <= threshold;
        if (isCase[i]) {
            ++cases;
            truePositives += positive ? 1 : 0;
        } else {
            ++controls;
            trueNegatives += positive ? 0 : 1;
        }
    }
    if (cases == 0 || controls == 0)
        return std::nullopt;
    return RocCoords{threshold, static_cast<double>(truePositives) / static_cast<double>(cases),
                     static_cast<double>(trueNegatives) / static_cast<double>(controls)};
}

ConfusionAtCutoff confusionAtCutoff(std::span<const double> marker, std::span<const std::uint8_t> isCase,
                                    double cutoff, CutoffRule rule, double confLevel)
{
    checkInputs(marker, isCase);
    checkConfLevel(confLevel);
    if (!std::isfinite(cutoff))
        throw InputError("The cut-off " + formatValue(cutoff) + " is not a finite number.");

    ConfusionAtCutoff result;
    result.cutoff = cutoff;
    result.rule = rule;
    for (std::size_t i = 0; i < marker.size(); ++i) {
        const bool high = isHigh(marker[i], cutoff, rule);
        if (isCase[i])
            ++(high ? result.truePositives : result.falseNegatives);
        else
            ++(high ? result.falsePositives : result.trueNegatives);
    }
    result.sensitivity = clopperPearson(result.truePositives, result.truePositives + result.falseNegatives, confLevel);
    result.specificity = clopperPearson(result.trueNegatives, result.trueNegatives + result.falsePositives, confLevel);
    result.ppv = clopperPearson(result.truePositives, result.truePositives + result.falsePositives, confLevel);
    result.npv = clopperPearson(result.trueNegatives, result.trueNegatives + result.falseNegatives, confLevel);
    return result;
}

} // namespace cutofflab
