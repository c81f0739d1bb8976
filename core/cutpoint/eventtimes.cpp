#include "cutpoint/eventtimes.h"

#include "common/distributions.h"

namespace cutofflab {

namespace {

// A Fenwick tree over the event-time coordinates of the rows added so far. It stores, per
// coordinate, the number of rows and the sum of their cumulative weights W, and a prefix
// query returns both sums over the coordinates below c in O(log size).
class CoordinateTree {
public:
    explicit CoordinateTree(std::size_t size) : nodes_(size + 1) {}

    void add(std::size_t coordinate, double weight)
    {
        for (std::size_t i = coordinate + 1; i < nodes_.size(); i += i & (~i + 1)) {
            nodes_[i].weight += weight;
            nodes_[i].count += 1.0;
        }
    }

    struct Sums {
        double weight = 0.0;
        double count = 0.0;
    };

    /// Hints the processor to load the nodes that below(c) and add(c) read first. With
    /// many event times the tree outgrows the cache, so the pass would wait on memory.
    void prefetch(std::size_t coordinate) const
    {
#if defined(__GNUC__)
        std::size_t query = coordinate;
        std::size_t update = coordinate + 1;
        for (int level = 0; level < 3; ++level) {
            __builtin_prefetch(&nodes_[query]);
            __builtin_prefetch(&nodes_[std::min(update, nodes_.size() - 1)]);
            query -= query & (~query + 1);
            update += update & (~update + 1);
        }
#else
        (void)coordinate;
#endif
    }

    Sums below(std::size_t coordinate) const
    {
        Sums sums;
        for (std::size_t i = coordinate; i > 0; i -= i & (~i + 1)) {
            sums.weight += nodes_[i].weight;
            sums.count += nodes_[i].count;
        }
        return sums;
    }

private:
    struct Node {
        double weight = 0.0;
        double count = 0.0;
    };
    std::vector<Node> nodes_;
};

} // namespace

SplitEventTable buildEventTimeTable(std::span<const double> timeAscending, std::span<const std::uint8_t> event)
{
    const std::size_t n = timeAscending.size();
    SplitEventTable table;
    table.coordinate.resize(n);
    table.cumulative.push_back({});

    long double hazard = 0.0L, weight = 0.0L, weightAtRisk = 0.0L;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && timeAscending[end] == timeAscending[begin])
            ++end;
        std::size_t deaths = 0;
        for (std::size_t k = begin; k < end; ++k)
            deaths += event[k];
        if (deaths > 0) {
            const auto atRisk = static_cast<double>(n - begin);
            const auto d = static_cast<double>(deaths);
            table.atRisk.push_back(atRisk);
            table.events.push_back(d);
            table.totalEvents += deaths;
            const double w = atRisk > 1.0 ? d * (atRisk - d) / (atRisk * atRisk * (atRisk - 1.0)) : 0.0;
            hazard += d / atRisk;
            weight += w;
            weightAtRisk += w * atRisk;
            table.cumulative.push_back({static_cast<double>(hazard), static_cast<double>(weight),
                                        static_cast<double>(weightAtRisk)});
        }
        const auto coordinate = static_cast<std::uint32_t>(table.atRisk.size());
        for (std::size_t k = begin; k < end; ++k)
            table.coordinate[k] = coordinate;
        begin = end;
    }
    return table;
}

double PrefixLogRankSums::variance(std::size_t k) const
{
    const double difference = weightAtRisk[k] - pairWeight[k];
    return difference > 1e-10 * weightAtRisk[k] ? difference : 0.0;
}

OrderedRows gatherRows(const SplitEventTable& table, std::span<const std::uint8_t> event,
                       std::span<const std::uint32_t> order, std::size_t count)
{
    OrderedRows rows;
    rows.coordinate.resize(count);
    rows.event.resize(count);
    for (std::size_t position = 0; position < count; ++position) {
        rows.coordinate[position] = table.coordinate[order[position]];
        rows.event[position] = event[order[position]];
    }
    return rows;
}

std::vector<TwoGroupEventTime> prefixSplitEventTimes(const SplitEventTable& table, const OrderedRows& rows,
                                                     std::size_t lowSize)
{
    // Low rows counted by the coordinate at which they leave the risk sets, and low
    // events per event time (an event row's own time is event time coordinate - 1).
    const std::size_t eventTimes = table.eventTimeCount();
    std::vector<double> leaving(eventTimes + 1, 0.0);
    std::vector<double> events(eventTimes + 1, 0.0);
    for (std::size_t position = 0; position < lowSize; ++position) {
        const std::uint32_t c = rows.coordinate[position];
        leaving[c] += 1.0;
        events[c] += rows.event[position];
    }
    std::vector<TwoGroupEventTime> counts(eventTimes);
    double lowAtRisk = 0.0;
    for (std::size_t e = eventTimes; e-- > 0;) {
        lowAtRisk += leaving[e + 1];
        counts[e] = {lowAtRisk, table.atRisk[e] - lowAtRisk, events[e + 1], table.events[e] - events[e + 1]};
    }
    return counts;
}

PrefixLogRankSums prefixLogRankSums(const SplitEventTable& table, const OrderedRows& rows,
                                    std::span<const std::size_t> sizes)
{
    PrefixLogRankSums sums;
    sums.events.reserve(sizes.size());
    sums.expected.reserve(sizes.size());
    sums.weightAtRisk.reserve(sizes.size());
    sums.pairWeight.reserve(sizes.size());

    const std::vector<CumulativeSums>& perCoordinate = table.cumulative;

    CoordinateTree tree(table.eventTimeCount() + 1);
    double expected = 0.0, weightAtRisk = 0.0, pairWeight = 0.0;
    std::size_t eventCount = 0;
    std::size_t position = 0;
    for (const std::size_t size : sizes) {
        for (; position < size; ++position) {
            constexpr std::size_t kPrefetchDistance = 24;
            if (position + kPrefetchDistance < rows.size()) {
                const std::uint32_t ahead = rows.coordinate[position + kPrefetchDistance];
                tree.prefetch(ahead);
#if defined(__GNUC__)
                __builtin_prefetch(&perCoordinate[ahead]);
#endif
            }
            const std::uint32_t c = rows.coordinate[position];
            const CumulativeSums& at = perCoordinate[c];

            // Adding row k to the group adds W_k for the pair (k, k) and twice
            // sum_i min(W_i, W_k) over the rows i already in it. W grows with the
            // coordinate, so the minimum is W_i below c and W_k from c on.
            const CoordinateTree::Sums below = tree.below(c);
            const double before = static_cast<double>(position);
            pairWeight += at.weight + 2.0 * (below.weight + at.weight * (before - below.count));
            tree.add(c, at.weight);

            weightAtRisk += at.weightAtRisk;
            expected += at.hazard;
            eventCount += rows.event[position];
        }
        sums.events.push_back(eventCount);
        sums.expected.push_back(expected);
        sums.weightAtRisk.push_back(weightAtRisk);
        sums.pairWeight.push_back(pairWeight);
    }
    return sums;
}

TwoGroupLogRank logRankTwoGroups(std::span<const double> timeAscending, std::span<const std::uint8_t> event,
                                 std::span<const int> group)
{
    const std::size_t n = timeAscending.size();
    TwoGroupLogRank result;
    double atRiskLow = 0.0, atRiskHigh = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        if (group[k] == 0) {
            ++result.nLow;
            result.eventsLow += event[k];
        } else if (group[k] == 1) {
            ++result.nHigh;
            result.eventsHigh += event[k];
        }
    }
    atRiskLow = static_cast<double>(result.nLow);
    atRiskHigh = static_cast<double>(result.nHigh);

    // survdiff (rho = 0): at each distinct time with d events among n at risk, the low
    // group expects d n_low / n events, with hypergeometric variance
    // d (n - d) n_low n_high / (n^2 (n - 1)).
    long double expectedLow = 0.0L, variance = 0.0L;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && timeAscending[end] == timeAscending[begin])
            ++end;
        double deaths = 0.0, leavingLow = 0.0, leavingHigh = 0.0;
        for (std::size_t k = begin; k < end; ++k) {
            if (group[k] == 0) {
                deaths += event[k];
                leavingLow += 1.0;
            } else if (group[k] == 1) {
                deaths += event[k];
                leavingHigh += 1.0;
            }
        }
        const double atRisk = atRiskLow + atRiskHigh;
        if (deaths > 0.0) {
            expectedLow += deaths * atRiskLow / atRisk;
            if (atRisk > 1.0)
                variance += deaths * (atRisk - deaths) * atRiskLow * atRiskHigh / (atRisk * atRisk * (atRisk - 1.0));
        }
        atRiskLow -= leavingLow;
        atRiskHigh -= leavingHigh;
        begin = end;
    }
    result.expectedLow = static_cast<double>(expectedLow);
    result.expectedHigh = static_cast<double>(result.eventsLow + result.eventsHigh) - result.expectedLow;
    result.variance = static_cast<double>(variance);
    if (result.nLow == 0 || result.nHigh == 0)
        return result;
    if (!(result.expectedLow > 0.0 && result.expectedHigh > 0.0)) {
        // survdiff tests only groups with expected events; with one such group it
        // reports a chi-square of 0.
        result.defined = true;
        return result;
    }
    if (!(result.variance > 0.0))
        return result;
    const double difference = static_cast<double>(result.eventsLow) - result.expectedLow;
    result.chiSquare = difference * difference / result.variance;
    result.p = chiSquareUpperTail(result.chiSquare, 1.0);
    result.defined = true;
    return result;
}

std::vector<TwoGroupEventTime> twoGroupEventTimes(std::span<const double> timeAscending,
                                                  std::span<const std::uint8_t> event, std::span<const int> group)
{
    const std::size_t n = timeAscending.size();
    double atRiskLow = 0.0, atRiskHigh = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        atRiskLow += group[k] == 0 ? 1.0 : 0.0;
        atRiskHigh += group[k] == 1 ? 1.0 : 0.0;
    }
    std::vector<TwoGroupEventTime> times;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && timeAscending[end] == timeAscending[begin])
            ++end;
        TwoGroupEventTime t{atRiskLow, atRiskHigh, 0.0, 0.0};
        for (std::size_t k = begin; k < end; ++k) {
            if (group[k] == 0) {
                t.eventsLow += event[k];
                atRiskLow -= 1.0;
            } else if (group[k] == 1) {
                t.eventsHigh += event[k];
                atRiskHigh -= 1.0;
            }
        }
        if (t.eventsLow + t.eventsHigh > 0.0)
            times.push_back(t);
        begin = end;
    }
    return times;
}

} // namespace cutofflab
