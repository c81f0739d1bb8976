#pragma once

// The conditional Monte Carlo p-value of the maximally selected log-rank statistic:
// maxstat.test(..., smethod = "LogRank", pmethod = "condMC", B = permutations) of R's
// maxstat 0.7-25 (its C routine maxstatpermdist). The scores stay fixed and are
// permuted against the marker, so the null distribution is conditional on the observed
// survival data (Hothorn & Zeileis, Generalized maximally selected statistics,
// Biometrics 2008, describe the approach in general).

#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/resampling.h"

#include <cstddef>
#include <vector>

namespace cutofflab {

struct PermutationOptions {
    double minProportion = 0.1;
    double maxProportion = 0.9;
    std::size_t permutations = 10000;   ///< B, at least 1
};

struct PermutationResult {
    CutoffStatus status = CutoffStatus::NoRows;
    RunStatus run = RunStatus::Completed;
    double statistic = 0.0;             ///< observed maximal standardized statistic (log-rank scores)
    std::size_t permutations = 0;
    std::size_t exceedances = 0;        ///< permutations whose maximum exceeds the observed one
    CorrectedPValue pValue;             ///< exceedances / permutations, as maxstat estimates it
    double monteCarloStandardError = 0.0;   ///< sqrt(p (1 - p) / permutations)
    std::vector<double> nullMaxima;     ///< maximal statistic of each permutation, in replicate order
};

/// Draws control.seed-determined random permutations of maxstat's log-rank scores over
/// the marker order and counts those whose maximal standardized statistic exceeds the
/// observed one. A permutation maximum counts as exceeding when it is larger by more
/// than 1e-9 relative: sums of the same scores in another order differ in the last bits,
/// and maxstat's strict comparison would let that rounding decide ties.
///
/// Each permutation is a partial Fisher-Yates shuffle up to the largest candidate group
/// size. The permutations run in blocks of 64 on control.threads threads. Each block has
/// its own generator (see resampling.h), so the result depends on the seed only.
/// Throws InputError for invalid proportions or permutations = 0. With a set cancel flag
/// the result has run = Cancelled and pValue status Cancelled.
PermutationResult conditionalMonteCarlo(const MarkerSurvival& data, const PermutationOptions& options,
                                        const ResamplingControl& control = {});

} // namespace cutofflab
