#pragma once

#include "cutpoint/coxbinary.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// The distinct event times of survival data in time order, and what the log-rank test
/// of any split needs from them, so that a split costs a pass over its rows only.
///
/// A row with coordinate c is at risk at event times 0 .. c-1: c is the number of
/// distinct event times at or before its own time. The cumulative arrays have one entry
/// per coordinate (event time count + 1) and sum over event times e < c:
/// - cumulativeHazard: d_e / n_e, the Nelson-Aalen estimate at the row's time, so that
///   the log-rank expected events of a group are the sum of it over the group's rows;
/// - cumulativeWeight: w_e = d_e (n_e - d_e) / (n_e^2 (n_e - 1)), 0 when n_e = 1;
/// - cumulativeWeightAtRisk: w_e n_e.
/// With those, survdiff's hypergeometric variance of a group G is
/// sum_e w_e n_G(e) (n_e - n_G(e)) = sum_{i in G} cumulativeWeightAtRisk[c_i]
/// - sum_{i, j in G} cumulativeWeight[min(c_i, c_j)].
struct EventTimeTable {
    std::vector<double> atRisk;                   ///< n_e, rows with time >= event time e
    std::vector<double> events;                   ///< d_e
    std::vector<std::uint32_t> coordinate;        ///< per row in time order
    std::vector<double> cumulativeHazard;
    std::vector<double> cumulativeWeight;
    std::vector<double> cumulativeWeightAtRisk;
    std::size_t totalEvents = 0;

    std::size_t eventTimeCount() const noexcept { return atRisk.size(); }
};

/// Builds the table from times in ascending order (ties equal) and 0/1 events.
EventTimeTable buildEventTimeTable(std::span<const double> timeAscending, std::span<const std::uint8_t> event);

/// The log-rank sums of the groups formed by the first m rows of an order (the rows at or
/// below a cut-off, in marker order), for ascending m.
struct PrefixLogRankSums {
    std::vector<std::size_t> events;         ///< observed events of the group
    std::vector<double> expected;            ///< log-rank expected events of the group
    std::vector<double> weightAtRisk;        ///< sum over the group of cumulativeWeightAtRisk
    std::vector<double> pairWeight;          ///< sum over ordered pairs of cumulativeWeight[min]

    /// survdiff's variance of observed - expected of group k; 0 when below 1e-10 of
    /// weightAtRisk, because it is a difference of two sums and that is rounding.
    double variance(std::size_t k) const;
};

/// Computes the sums for the groups order[0 .. sizes[k]) in one pass over order, with a
/// Fenwick tree over the coordinates for the pair sums: O(n log(event times)).
/// sizes must be ascending and at most order.size(); order holds row positions.
PrefixLogRankSums prefixLogRankSums(const EventTimeTable& table, std::span<const std::uint8_t> event,
                                    std::span<const std::uint32_t> order, std::span<const std::size_t> sizes);

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
