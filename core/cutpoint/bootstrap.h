#pragma once

// How sure the optimal cut-off is: its bootstrap distribution with a percentile interval,
// and the bootstrap optimism of the hazard ratio at the selected cut-off. The optimism is
// Harrell's (Harrell, Lee & Mark, Stat Med 15 (1996) 361-387): the apparent performance
// in each bootstrap sample minus its performance on the original data, averaged.

#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/resampling.h"
#include "cutpoint/scan.h"

#include <cstddef>
#include <vector>

namespace cutofflab {

struct BootstrapOptions {
    double minProportion = 0.1;
    double maxProportion = 0.9;
    std::size_t replicates = 1000;     ///< bootstrap samples, at least 1
    double confidenceLevel = 0.95;     ///< of the percentile interval of the cut-off
    bool optimism = true;              ///< also fit the two Cox models per sample for the optimism
};

/// Outcome of the optimism estimate.
enum class OptimismStatus {
    Ok,
    NotRequested,
    ApparentNotFinite,   ///< the hazard ratio at the selected cut-off is 0 or infinite on the data
    NoUsableReplicate    ///< no sample gave finite hazard ratios in both fits
};

struct BootstrapResult {
    CutoffStatus status = CutoffStatus::NoRows;   ///< of the original data
    RunStatus run = RunStatus::Completed;
    double cutoff = 0.0;                          ///< the optimal cut-off of the data (maximal maxstat statistic)

    /// The optimal cut-off of each bootstrap sample in replicate order. A sample without a
    /// candidate cut-off (too few distinct values, no events) has no entry here and counts
    /// in failedReplicates instead.
    std::vector<double> replicateCutoffs;
    std::size_t failedReplicates = 0;
    bool intervalAvailable = false;               ///< false when no sample had a cut-off
    double median = 0.0;                          ///< of replicateCutoffs (R's quantile type 7)
    double lower = 0.0;                           ///< percentile interval of the cut-off
    double upper = 0.0;

    OptimismStatus optimismStatus = OptimismStatus::NotRequested;
    HazardRatio apparent;                         ///< Cox HR at the selected cut-off on the data
    double optimism = 0.0;                        ///< mean of |log HR| in sample minus on the data
    std::size_t optimismReplicates = 0;           ///< samples with finite hazard ratios in both fits
    double correctedLogHazardRatio = 0.0;         ///< sign(log HR) max(0, |log HR| - optimism)
    double correctedHazardRatio = 1.0;
};

/// Draws control.seed-determined bootstrap samples of the rows (n rows with replacement),
/// finds the optimal cut-off of each by the maximal maxstat statistic (the smallest
/// cut-off among ties, as maxstat), and returns their distribution. With
/// options.optimism, the performance measure is the strength of the split, |log HR| of
/// the Cox (Efron) fit: for each sample, its value at the sample's cut-off in the sample
/// minus its value at that cut-off in the original data. The corrected hazard ratio
/// shrinks the apparent one towards 1 by the mean of that difference, and stops at 1.
///
/// Samples run in blocks of 8 on control.threads threads, each block with its own
/// generator, so the result depends on the seed only. Cost per sample: O(n) (no sort).
/// Throws InputError for invalid proportions, confidence level or replicates = 0.
BootstrapResult bootstrapCutoff(const MarkerSurvival& data, const BootstrapOptions& options,
                                const ResamplingControl& control = {});

/// The optimal cut-off of data by the maximal maxstat statistic, or nothing with the
/// status; the building block of bootstrap and validation. O(n) after MarkerSurvival.
struct SelectedCutoff {
    CutoffStatus status = CutoffStatus::NoRows;
    double cutoff = 0.0;
    double statistic = 0.0;
};
SelectedCutoff selectCutoffByMaxstat(const MarkerSurvival& data, double minProportion, double maxProportion);

} // namespace cutofflab
