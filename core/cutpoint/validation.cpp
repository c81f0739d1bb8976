#include "cutpoint/validation.h"

#include "common/error.h"
#include "cutpoint/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace cutofflab {

namespace {

void validateConfidence(double confidenceLevel)
{
    if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
        throw InputError("The confidence level must lie strictly between 0 and 1, for example 0.95; got "
                         + std::to_string(confidenceLevel) + ".");
    }
}

// A seed-determined random order of the rows: Fisher-Yates with uniformBelow().
std::vector<std::uint32_t> shuffledRows(std::size_t n, std::uint64_t seed, RandomPurpose purpose)
{
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937_64 generator = blockGenerator(seed, purpose, 0);
    for (std::size_t k = n; k > 1; --k) {
        const std::uint32_t pick = uniformBelow(generator, static_cast<std::uint32_t>(k));
        std::swap(order[k - 1], order[pick]);
    }
    return order;
}

TwoGroupLogRank testGroups(const MarkerSurvival& data, const std::vector<int>& group, double confidenceLevel,
                           HazardRatio& hazardRatio)
{
    const TwoGroupLogRank logRank = logRankTwoGroups(data.time, data.event, group);
    hazardRatio = hazardRatioFromFit(
        fitTwoGroupCoxEfron(twoGroupEventTimes(data.time, data.event, group)), confidenceLevel);
    return logRank;
}

} // namespace

SplitSampleResult validateSplitSample(const MarkerSurvival& data, const SplitSampleOptions& options,
                                      std::uint64_t seed)
{
    if (!(options.trainingFraction > 0.0 && options.trainingFraction < 1.0)) {
        throw InputError("The training fraction must lie strictly between 0 and 1, for example 0.5; got "
                         + std::to_string(options.trainingFraction) + ".");
    }
    validateConfidence(options.confidenceLevel);
    // Checks the proportions before any work, so that invalid ones always raise.
    candidateSplits(MarkerSurvival{}, options.minProportion, options.maxProportion);

    SplitSampleResult result;
    const std::size_t n = data.size();
    result.inTraining.assign(n, 0);
    if (n < 2)
        return result;

    const auto trainingRows = static_cast<std::size_t>(
        std::clamp(std::round(options.trainingFraction * static_cast<double>(n)), 1.0, static_cast<double>(n - 1)));
    const std::vector<std::uint32_t> order = shuffledRows(n, seed, RandomPurpose::SplitSample);
    for (std::size_t k = 0; k < trainingRows; ++k)
        result.inTraining[order[k]] = 1;
    result.trainingRows = trainingRows;
    result.validationRows = n - trainingRows;

    const std::vector<std::uint32_t> copies(result.inTraining.begin(), result.inTraining.end());
    const SelectedCutoff selected =
        selectCutoffByMaxstat(data.withCopies(copies), options.minProportion, options.maxProportion);
    result.trainingStatus = selected.status;
    if (selected.status != CutoffStatus::Ok)
        return result;
    result.cutoff = selected.cutoff;
    result.trainingStatistic = selected.statistic;

    std::vector<int> group(n, kNoGroup);
    for (std::size_t i = 0; i < n; ++i) {
        if (result.inTraining[i] == 0)
            group[i] = data.marker[i] > selected.cutoff ? 1 : 0;
    }
    result.validation = testGroups(data, group, options.confidenceLevel, result.validationHazardRatio);
    result.status = result.validation.nLow == 0 || result.validation.nHigh == 0 ? ValidationStatus::OneGroupOnly
                                                                               : ValidationStatus::Ok;
    return result;
}

CrossValidationResult crossValidateCutoff(const MarkerSurvival& data, const CrossValidationOptions& options,
                                          const ResamplingControl& control)
{
    const std::size_t n = data.size();
    if (options.folds < 2 || options.folds > n) {
        throw InputError("Cross-validation needs between 2 and " + std::to_string(n) + " folds (the number of rows); got "
                         + std::to_string(options.folds) + ". Five or ten folds are usual.");
    }
    validateConfidence(options.confidenceLevel);
    candidateSplits(MarkerSurvival{}, options.minProportion, options.maxProportion);

    CrossValidationResult result;
    const std::size_t folds = options.folds;
    result.fold.resize(n);
    const std::vector<std::uint32_t> order = shuffledRows(n, control.seed, RandomPurpose::CrossValidation);
    for (std::size_t k = 0; k < n; ++k)
        result.fold[order[k]] = static_cast<std::uint32_t>(k % folds);

    result.foldCutoffs.assign(folds, 0.0);
    result.foldStatus.assign(folds, CutoffStatus::NoRows);
    const auto runFold = [&](std::size_t begin, std::size_t end, std::size_t) {
        std::vector<std::uint32_t> copies(n);
        for (std::size_t f = begin; f < end; ++f) {
            for (std::size_t i = 0; i < n; ++i)
                copies[i] = result.fold[i] == f ? 0u : 1u;
            const SelectedCutoff selected =
                selectCutoffByMaxstat(data.withCopies(copies), options.minProportion, options.maxProportion);
            result.foldStatus[f] = selected.status;
            result.foldCutoffs[f] = selected.cutoff;
        }
    };
    if (runInBlocks(folds, 1, control, runFold) == RunStatus::Cancelled) {
        result.status = ValidationStatus::Cancelled;
        return result;
    }

    result.assignedGroup.assign(n, kNoGroup);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t f = result.fold[i];
        if (result.foldStatus[f] == CutoffStatus::Ok)
            result.assignedGroup[i] = data.marker[i] > result.foldCutoffs[f] ? 1 : 0;
        else
            ++result.unassignedRows;
    }
    if (result.unassignedRows == n)
        return result;
    result.logRank = testGroups(data, result.assignedGroup, options.confidenceLevel, result.hazardRatio);
    result.status = result.logRank.nLow == 0 || result.logRank.nHigh == 0 ? ValidationStatus::OneGroupOnly
                                                                         : ValidationStatus::Ok;
    return result;
}

} // namespace cutofflab
