#include "cutpoint/eventtimes.h"

#include "common/distributions.h"

namespace cutofflab {

namespace {

// A Fenwick tree over the event-time coordinates of the rows added so far, holding for
// each coordinate the number of rows and the sum of their cumulative weights W; a
// prefix query returns both sums over the coordinates below c in O(log size).
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

EventTimeTable buildEventTimeTable(std::span<const double> timeAscending, std::span<const std::uint8_t> event)
{
    const std::size_t n = timeAscending.size();
    EventTimeTable table;
    table.coordinate.resize(n);
    table.cumulativeHazard.push_back(0.0);
    table.cumulativeWeight.push_back(0.0);
    table.cumulativeWeightAtRisk.push_back(0.0);

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
            table.cumulativeHazard.push_back(static_cast<double>(hazard));
            table.cumulativeWeight.push_back(static_cast<double>(weight));
            table.cumulativeWeightAtRisk.push_back(static_cast<double>(weightAtRisk));
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

PrefixLogRankSums prefixLogRankSums(const EventTimeTable& table, std::span<const std::uint8_t> event,
                                    std::span<const std::uint32_t> order, std::span<const std::size_t> sizes)
{
    PrefixLogRankSums sums;
    sums.events.reserve(sizes.size());
    sums.expected.reserve(sizes.size());
    sums.weightAtRisk.reserve(sizes.size());
    sums.pairWeight.reserve(sizes.size());

    CoordinateTree tree(table.eventTimeCount() + 1);
    long double expected = 0.0L, weightAtRisk = 0.0L, pairWeight = 0.0L;
    std::size_t events = 0;
    std::size_t position = 0;
    for (const std::size_t size : sizes) {
        for (; position < size; ++position) {
            const std::uint32_t row = order[position];
            const std::uint32_t c = table.coordinate[row];
            const double weight = table.cumulativeWeight[c];

            // Adding row k to the group adds W_k for the pair (k, k) and twice
            // sum_i min(W_i, W_k) over the rows i already in it. W grows with the
            // coordinate, so the minimum is W_i below c and W_k from c on.
            const CoordinateTree::Sums below = tree.below(c);
            const double before = static_cast<double>(position);
            pairWeight += weight + 2.0L * (below.weight + weight * (before - below.count));
            tree.add(c, weight);

            weightAtRisk += table.cumulativeWeightAtRisk[c];
            expected += table.cumulativeHazard[c];
            events += event[row];
        }
        sums.events.push_back(events);
        sums.expected.push_back(static_cast<double>(expected));
        sums.weightAtRisk.push_back(static_cast<double>(weightAtRisk));
        sums.pairWeight.push_back(static_cast<double>(pairWeight));
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
