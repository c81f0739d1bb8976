#pragma once

#include "survival/survdata.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// Rows counted per distinct event time and per class (a covariate pattern of a Cox model,
/// or a rank of a risk score), the only things a Cox pass or a concordance needs when the
/// rows fall into few classes. With B distinct event times and L classes it stores 3 B L
/// counts, so one pass over it costs O(B L) whatever the number of rows.
///
/// Event times run from the latest (b = 0) to the earliest. Entry [b * classCount + c].
struct EventTimeTable {
    std::size_t classCount = 0;
    std::vector<double> time;                        ///< the event time t_b, descending
    std::vector<std::uint32_t> atRisk;               ///< rows with time >= t_b
    std::vector<std::uint32_t> events;               ///< events at t_b
    /// Censored rows with t_b <= time < the next later event time (or any later time for
    /// b = 0). Their comparable events are those at or before t_b.
    std::vector<std::uint32_t> censoredUntilNext;

    std::size_t eventTimeCount() const { return time.size(); }
};

/// Number of distinct times with at least one event.
std::size_t countEventTimes(const SortedSurvival& data);

/// Counts the rows of `data` per event time and class. classOf gives each row's class
/// (0 .. classCount-1) in sorted order. eventTimes is countEventTimes(data), which the
/// caller has usually computed to decide whether the table is worth building.
/// Preconditions: classOf has data.size() entries, and data has fewer than 2^32 rows.
EventTimeTable tabulateEventTimes(const SortedSurvival& data, std::span<const std::uint16_t> classOf,
                                  std::size_t classCount, std::size_t eventTimes);

} // namespace cutofflab
