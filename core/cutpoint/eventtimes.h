#pragma once

#include "cutpoint/coxbinary.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// Sums over the event times e < c at which a row with coordinate c is at risk.
struct CumulativeSums {
    double hazard = 0.0;         ///< d_e / n_e: the Nelson-Aalen estimate at the row's time
    double weight = 0.0;         ///< w_e = d_e (n_e - d_e) / (n_e^2 (n_e - 1)), 0 when n_e = 1
    double weightAtRisk = 0.0;   ///< w_e n_e
};

/// The distinct event times of survival data in time order, and what the log-rank test
/// of any split needs from them, so that a split costs a pass over its rows only.
///
/// A row with coordinate c is at risk at event times 0 .. c-1: c is the number of
/// distinct event times at or before its own time. The log-rank expected events of a
/// group are the sum of cumulative[c].hazard over its rows, and survdiff's
/// hypergeometric variance of a group G is sum_e w_e n_G(e) (n_e - n_G(e)) =
/// sum_{i in G} cumulative[c_i].weightAtRisk - sum_{i, j in G} cumulative[min(c_i, c_j)].weight.
struct SplitEventTable {
    std::vector<double> atRisk;                   ///< n_e, rows with time >= event time e
    std::vector<double> events;                   ///< d_e
    std::vector<std::uint32_t> coordinate;        ///< per row in time order
    std::vector<CumulativeSums> cumulative;       ///< per coordinate 0 .. event times
    std::size_t totalEvents = 0;

    std::size_t eventTimeCount() const noexcept { return atRisk.size(); }
};

/// Builds the table from times in ascending order (ties equal) and 0/1 events.
SplitEventTable buildEventTimeTable(std::span<const double> timeAscending, std::span<const std::uint8_t> event);

/// The coordinate and event of each row in another order (marker order), gathered once
/// so that the passes below read in sequence.
struct OrderedRows {
    std::vector<std::uint32_t> coordinate;
    std::vector<std::uint8_t> event;

    std::size_t size() const noexcept { return coordinate.size(); }
};

/// Gathers the first `count` rows of order (row positions in time order).
OrderedRows gatherRows(const SplitEventTable& table, std::span<const std::uint8_t> event,
                       std::span<const std::uint32_t> order, std::size_t count);

/// The per-event-time counts of the split "first lowSize rows of the order" (low) against
/// the rest (high), as fitTwoGroupCoxEfron() reads them. O(lowSize + event times).
std::vector<TwoGroupEventTime> prefixSplitEventTimes(const SplitEventTable& table, const OrderedRows& rows,
                                                     std::size_t lowSize);

/// The log-rank sums of the groups formed by the first m rows of an order (the rows at or
/// below a cut-off, in marker order), for ascending m.
struct PrefixLogRankSums {
    std::vector<std::size_t> events;         ///< observed events of the group
    std::vector<double> expected;            ///< log-rank expected events of the group
    std::vector<double> weightAtRisk;        ///< sum over the group of cumulative[c].weightAtRisk
    std::vector<double> pairWeight;          ///< sum over ordered pairs of cumulative[min(c_i, c_j)].weight

    /// survdiff's variance of observed - expected of group k; 0 when below 1e-10 of
    /// weightAtRisk, because it is a difference of two sums and that is rounding.
    double variance(std::size_t k) const;
};

/// Computes the sums for the groups rows[0 .. sizes[k]) in one pass, with a Fenwick tree
/// over the coordinates for the pair sums: O(n log(event times)). sizes must be
/// ascending and at most rows.size().
PrefixLogRankSums prefixLogRankSums(const SplitEventTable& table, const OrderedRows& rows,
                                    std::span<const std::size_t> sizes);

/// survdiff's two-group log-rank test (rho = 0) for a split of the rows.
struct TwoGroupLogRank {
    std::size_t nLow = 0, nHigh = 0;
    std::size_t eventsLow = 0, eventsHigh = 0;
    double expectedLow = 0.0, expectedHigh = 0.0;
    double variance = 0.0;     ///< hypergeometric variance of observed - expected of one group
    double chiSquare = 0.0;    ///< (O - E)^2 / variance on 1 df; 0 when either expected is 0, as survdiff
    double p = 1.0;
    bool defined = false;      ///< false when both groups are not present or the variance is 0
};

/// The log-rank test of group (per row in time order: 0 = low, 1 = high, any other value
/// = left out) on survival data in time order. One pass over the rows.
TwoGroupLogRank logRankTwoGroups(std::span<const double> timeAscending, std::span<const std::uint8_t> event,
                                 std::span<const int> group);

/// The per-event-time counts of the two groups that fitTwoGroupCoxEfron() reads, for a
/// split given as in logRankTwoGroups().
std::vector<TwoGroupEventTime> twoGroupEventTimes(std::span<const double> timeAscending,
                                                  std::span<const std::uint8_t> event,
                                                  std::span<const int> group);

} // namespace cutofflab
