#pragma once

// Two cut-offs, three groups (low: marker <= lower cut-off, middle, high: marker > upper
// cut-off): the 2-df log-rank statistic of survdiff over every pair of cut-offs on a grid
// of candidates, the matrix X-tile draws as a heat map.

#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/resampling.h"
#include "cutpoint/scan.h"

#include <cstddef>
#include <vector>

namespace cutofflab {

/// Largest grid a caller may request: 1000 cut-offs give about 500,000 pairs, each one
/// cell of output, and O(grid x n) work in all.
inline constexpr std::size_t kMaxTwoCutoffGrid = 1000;

struct TwoCutoffOptions {
    double minProportion = 0.1;    ///< both cut-offs are candidates of candidateSplits()
    double maxProportion = 0.9;
    std::size_t maxGridSize = 100; ///< 2 .. kMaxTwoCutoffGrid; more candidates are thinned evenly
};

/// One pair of cut-offs: grid[lowIndex] < grid[highIndex].
struct TwoCutoffCell {
    std::size_t lowIndex = 0;
    std::size_t highIndex = 0;
    std::size_t nLow = 0, nMiddle = 0, nHigh = 0;
    std::size_t eventsLow = 0, eventsMiddle = 0, eventsHigh = 0;
    double chiSquare = 0.0;       ///< survdiff chi-square of the three groups, 2 df
    double p = 1.0;               ///< naive: not corrected for the search over pairs
    bool defined = false;         ///< false when a group has no expected events or the variance matrix is singular
};

struct TwoCutoffScan {
    CutoffStatus status = CutoffStatus::NoRows;
    RunStatus run = RunStatus::Completed;
    std::size_t candidateCount = 0;          ///< candidates before thinning
    std::vector<double> grid;                ///< the cut-offs used, ascending
    std::vector<std::size_t> gridLowerGroupSizes;
    std::vector<TwoCutoffCell> cells;        ///< every pair, by lowIndex then highIndex
    OptimalCutoff best;                      ///< index into cells of the largest chi-square, with ties

    /// Position in cells of the pair (low, high), low < high < grid.size().
    std::size_t cellIndex(std::size_t low, std::size_t high) const noexcept;
};

/// Computes the 3-group log-rank statistic for every pair of grid cut-offs. The grid is
/// the candidates of candidateSplits() when there are at most maxGridSize, else
/// maxGridSize of them at evenly spaced positions in candidate order (first and last
/// kept), which spaces them by marker quantiles. Cost O(grid x (n + event times)) after
/// one O(n log n) pass, run on control.threads threads; control.seed is not used.
/// The status is NoCandidateCutoff also when there are fewer than two candidates.
/// Throws InputError for invalid proportions or a grid size outside 2 .. kMaxTwoCutoffGrid.
TwoCutoffScan scanTwoCutoffs(const MarkerSurvival& data, const TwoCutoffOptions& options = {},
                             const ResamplingControl& control = {});

} // namespace cutofflab
