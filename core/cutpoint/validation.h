#pragma once

// Validation of a data-derived cut-off on rows that did not choose it. Split-sample
// validation finds the cut-off on a random training part and tests it on the rest, as
// X-tile does. k-fold cross-validated assignment classifies each row by the cut-off found
// without its fold, and one log-rank test over all rows then compares the two groups.

#include "cutpoint/eventtimes.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/resampling.h"
#include "cutpoint/scan.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cutofflab {

/// Outcome of a validation.
enum class ValidationStatus {
    Ok,
    NoCutoffFound,       ///< the training part (or every fold) had no candidate cut-off or no events
    OneGroupOnly,        ///< every validation row fell on one side of the cut-off
    Cancelled
};

struct SplitSampleOptions {
    double trainingFraction = 0.5;   ///< share of rows in the training part, in (0, 1)
    double minProportion = 0.1;
    double maxProportion = 0.9;
    double confidenceLevel = 0.95;   ///< of the validation hazard ratio
};

struct SplitSampleResult {
    ValidationStatus status = ValidationStatus::NoCutoffFound;
    CutoffStatus trainingStatus = CutoffStatus::NoRows;
    std::vector<std::uint8_t> inTraining;   ///< per row of the data (time order): 1 = training part
    std::size_t trainingRows = 0;
    std::size_t validationRows = 0;
    double cutoff = 0.0;                    ///< optimal on the training part (maximal maxstat statistic)
    double trainingStatistic = 0.0;
    TwoGroupLogRank validation;             ///< log-rank test of marker > cutoff on the validation rows
    HazardRatio validationHazardRatio;      ///< Cox (Efron) on the validation rows
};

/// Splits the rows at random, determined by the seed, into a training part of
/// round(trainingFraction n) rows and the rest. Finds the cut-off on the training part and
/// tests it on the other rows. Throws InputError for a training fraction outside (0, 1)
/// or invalid proportions.
SplitSampleResult validateSplitSample(const MarkerSurvival& data, const SplitSampleOptions& options,
                                      std::uint64_t seed);

struct CrossValidationOptions {
    std::size_t folds = 5;           ///< k, at least 2 and at most the number of rows
    double minProportion = 0.1;
    double maxProportion = 0.9;
    double confidenceLevel = 0.95;
};

struct CrossValidationResult {
    ValidationStatus status = ValidationStatus::NoCutoffFound;
    std::vector<std::uint32_t> fold;            ///< per row (time order): its fold, 0 .. k-1
    std::vector<double> foldCutoffs;            ///< cut-off found without each fold
    std::vector<CutoffStatus> foldStatus;       ///< per fold; a fold without a cut-off leaves its rows unassigned
    std::vector<int> assignedGroup;             ///< per row: 0 low, 1 high, -1 unassigned
    std::size_t unassignedRows = 0;
    TwoGroupLogRank logRank;                    ///< over the assigned rows
    HazardRatio hazardRatio;                    ///< Cox (Efron) over the assigned rows
};

/// Assigns the rows to k folds at random (seed-determined, sizes differing by at most 1),
/// finds the cut-off on the rows outside each fold and classifies the fold's rows with
/// it. The folds run in parallel on control.threads threads. Throws InputError for k < 2,
/// k > n or invalid proportions. A set cancel flag gives status Cancelled.
CrossValidationResult crossValidateCutoff(const MarkerSurvival& data, const CrossValidationOptions& options,
                                          const ResamplingControl& control = {});

} // namespace cutofflab
