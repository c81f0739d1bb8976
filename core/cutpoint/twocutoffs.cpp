#include "cutpoint/twocutoffs.h"

#include "common/distributions.h"
#include "common/error.h"
#include "cutpoint/eventtimes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace cutofflab {

std::size_t TwoCutoffScan::cellIndex(std::size_t low, std::size_t high) const noexcept
{
    // Rows before `low` hold (size - 1) + (size - 2) + ... cells: low (2 size - low - 1) / 2.
    const std::size_t size = grid.size();
    return low * (2 * size - low - 1) / 2 + (high - low - 1);
}

TwoCutoffScan scanTwoCutoffs(const MarkerSurvival& data, const TwoCutoffOptions& options,
                             const ResamplingControl& control)
{
    if (options.maxGridSize < 2 || options.maxGridSize > kMaxTwoCutoffGrid) {
        throw InputError("The grid of the two-cut-off scan must have between 2 and " + std::to_string(kMaxTwoCutoffGrid)
                         + " cut-offs; got " + std::to_string(options.maxGridSize) + ". 100 is the default.");
    }
    TwoCutoffScan scan;
    const CandidateSplits candidates = candidateSplits(data, options.minProportion, options.maxProportion);
    scan.status = candidates.status;
    scan.candidateCount = candidates.cutoffs.size();
    if (scan.status != CutoffStatus::Ok)
        return scan;
    if (scan.candidateCount < 2) {
        scan.status = CutoffStatus::NoCandidateCutoff;
        return scan;
    }
    const SplitEventTable table = buildEventTimeTable(data.time, data.event);
    if (table.totalEvents == 0) {
        scan.status = CutoffStatus::NoEvents;
        return scan;
    }

    // Thin the candidates to at most maxGridSize at evenly spaced positions.
    const std::size_t gridSize = std::min(scan.candidateCount, options.maxGridSize);
    for (std::size_t k = 0; k < gridSize; ++k) {
        const std::size_t index = gridSize == scan.candidateCount
            ? k
            : static_cast<std::size_t>(std::llround(static_cast<double>(k) * static_cast<double>(scan.candidateCount - 1)
                                                    / static_cast<double>(gridSize - 1)));
        scan.grid.push_back(candidates.cutoffs[index]);
        scan.gridLowerGroupSizes.push_back(candidates.lowerGroupSizes[index]);
    }

    const std::vector<std::size_t>& sizes = scan.gridLowerGroupSizes;
    const OrderedRows rows = gatherRows(table, data.event, data.markerOrder, sizes.back());
    const PrefixLogRankSums sums = prefixLogRankSums(table, rows, sizes);
    const std::size_t n = data.size();
    const std::size_t eventTimes = table.eventTimeCount();
    const auto totalEvents = static_cast<double>(table.totalEvents);
    scan.cells.resize(gridSize * (gridSize - 1) / 2);

    const auto runLowCutoff = [&](std::size_t begin, std::size_t end, std::size_t) {
        std::vector<double> rowsAt(eventTimes + 1);
        std::vector<double> pairWeightWith(eventTimes + 1);
        for (std::size_t a = begin; a < end; ++a) {
            // For the low group L (the first sizes[a] rows in marker order), the pair weight
            // of any row with coordinate c against L: sum over i in L of W[min(c_i, c)].
            std::fill(rowsAt.begin(), rowsAt.end(), 0.0);
            for (std::size_t position = 0; position < sizes[a]; ++position)
                rowsAt[rows.coordinate[position]] += 1.0;
            double weightBelow = 0.0, rowsBelow = 0.0;
            const auto lowSize = static_cast<double>(sizes[a]);
            for (std::size_t c = 0; c <= eventTimes; ++c) {
                const double weight = table.cumulative[c].weight;
                pairWeightWith[c] = weightBelow + weight * (lowSize - rowsBelow);
                weightBelow += rowsAt[c] * weight;
                rowsBelow += rowsAt[c];
            }

            // Walk up the marker order: cross(a, b) = sum over i in L, j in the first
            // sizes[b] rows of W[min(c_i, c_j)], the pair sum of L plus the rows added.
            long double cross = sums.pairWeight[a];
            std::size_t position = sizes[a];
            for (std::size_t b = a + 1; b < gridSize; ++b) {
                for (; position < sizes[b]; ++position)
                    cross += pairWeightWith[rows.coordinate[position]];

                TwoCutoffCell& cell = scan.cells[scan.cellIndex(a, b)];
                cell.lowIndex = a;
                cell.highIndex = b;
                cell.nLow = sizes[a];
                cell.nMiddle = sizes[b] - sizes[a];
                cell.nHigh = n - sizes[b];
                cell.eventsLow = sums.events[a];
                cell.eventsMiddle = sums.events[b] - sums.events[a];
                cell.eventsHigh = table.totalEvents - sums.events[b];

                // survdiff with 3 groups tests observed - expected of two of them (any two
                // give the same statistic): low, and high = complement of the first
                // sizes[b] rows, whose variance equals that group's and whose
                // observed - expected is its negative. Their covariance is
                // -sum_t w n_low (n - n_b) = -(weightAtRisk(a) - cross(a, b)).
                const double expectedLow = sums.expected[a];
                const double expectedMiddle = sums.expected[b] - sums.expected[a];
                const double expectedHigh = totalEvents - sums.expected[b];
                const double varianceLow = sums.variance(a);
                const double varianceHigh = sums.variance(b);
                const double covariance = -(sums.weightAtRisk[a] - static_cast<double>(cross));
                const double determinant = varianceLow * varianceHigh - covariance * covariance;
                cell.defined = expectedLow > 0.0 && expectedMiddle > 0.0 && expectedHigh > 0.0 && varianceLow > 0.0
                            && varianceHigh > 0.0 && determinant > 1e-10 * varianceLow * varianceHigh;
                if (!cell.defined)
                    continue;
                const double low = static_cast<double>(sums.events[a]) - expectedLow;
                const double high = -(static_cast<double>(sums.events[b]) - sums.expected[b]);
                cell.chiSquare = (varianceHigh * low * low - 2.0 * covariance * low * high + varianceLow * high * high)
                               / determinant;
                cell.p = chiSquareUpperTail(cell.chiSquare, 2.0);
            }
        }
    };
    scan.run = runInBlocks(gridSize - 1, 1, control, runLowCutoff);
    if (scan.run == RunStatus::Cancelled) {
        scan.cells.clear();
        return scan;
    }

    std::vector<double> chiSquares(scan.cells.size());
    std::vector<double> lowCutoffs(scan.cells.size());
    for (std::size_t k = 0; k < scan.cells.size(); ++k) {
        chiSquares[k] = scan.cells[k].defined ? scan.cells[k].chiSquare : std::numeric_limits<double>::quiet_NaN();
        lowCutoffs[k] = scan.grid[scan.cells[k].lowIndex];
    }
    scan.best = selectOptimalCutoff(chiSquares, lowCutoffs);
    return scan;
}

} // namespace cutofflab
