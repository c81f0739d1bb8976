#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// Right-censored survival data sorted once by time, the form every survival routine
/// of the core reads. Preparing costs one sort; every cut-off afterwards costs passes
/// over these arrays only.
///
/// Invariants: time is ascending, non-negative and finite; near-tied times have been
/// collapsed with collapseNearTies(), so ties compare with ==; within a run of equal
/// times the order of rows is the order of the input (the sort is stable).
struct SortedSurvival {
    std::vector<double> time;          ///< follow-up time, ascending
    std::vector<std::uint8_t> event;   ///< 1 = event observed at time, 0 = censored
    std::vector<std::size_t> index;    ///< position in the caller's unsorted arrays

    std::size_t size() const noexcept { return time.size(); }

    /// Sorts time and event (same length; event values 0 or 1; times finite and
    /// non-negative, which the cohort builder has checked) by time.
    static SortedSurvival fromUnsorted(std::span<const double> time,
                                       std::span<const std::uint8_t> event);

    /// Reorders a per-row array given in the caller's order into sorted order.
    template <typename T>
    std::vector<T> toSortedOrder(std::span<const T> values) const
    {
        std::vector<T> sorted(index.size());
        for (std::size_t k = 0; k < index.size(); ++k)
            sorted[k] = values[index[k]];
        return sorted;
    }
};

/// Group membership of each row in sorted order: 0 .. groupCount-1, or kNoGroup for a
/// row that belongs to no group (for example a missing marker value).
inline constexpr int kNoGroup = -1;

} // namespace cutofflab
