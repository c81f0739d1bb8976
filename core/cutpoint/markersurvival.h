#pragma once

#include "survival/survdata.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// Survival rows that have a marker value, held in time order and indexed in marker
/// order: the input of every cut-off routine. Building it costs one sort by marker;
/// every scan, permutation and bootstrap replicate afterwards reads it in linear passes.
///
/// Invariants: time is ascending and tied times are equal, because they come from a
/// SortedSurvival, which collapsed near ties. markerOrder lists every row once by
/// ascending marker, rows with equal markers in time order. There are at most 2^32 - 1 rows.
struct MarkerSurvival {
    std::vector<double> time;                 ///< follow-up time, ascending
    std::vector<std::uint8_t> event;          ///< 1 = event observed at time, 0 = censored
    std::vector<double> marker;               ///< marker value of each row (finite)
    std::vector<std::uint32_t> markerOrder;   ///< row positions by ascending marker
    std::vector<double> sortedMarker;         ///< marker[markerOrder[k]], read in sequence by the scans
    std::vector<std::size_t> sourceRow;       ///< position of each row in the SortedSurvival it came from
    std::size_t rowsLeftOutMissingMarker = 0; ///< rows of that SortedSurvival whose marker was NaN

    std::size_t size() const noexcept { return time.size(); }

    /// Keeps the rows of sorted survival data whose marker is not NaN (NaN means
    /// missing) and sorts them by marker (a stable radix sort, O(n)). markerInSortedOrder has one value per row of
    /// survival, in its sorted order (SortedSurvival::toSortedOrder gives it).
    /// Throws InputError when the lengths differ, when a marker value is infinite
    /// (naming the row as survival.index + 1), or when there are 2^32 rows or more.
    static MarkerSurvival fromSorted(const SortedSurvival& survival,
                                     std::span<const double> markerInSortedOrder);

    /// Builds the data set in which row i appears copies[i] times (0 leaves it out):
    /// a bootstrap sample or a training subset, in O(n) without sorting again, because
    /// both orders carry over. copies has one entry per row. Throws InputError when the
    /// length differs or the result would have 2^32 rows or more.
    MarkerSurvival withCopies(std::span<const std::uint32_t> copies) const;
};

} // namespace cutofflab
