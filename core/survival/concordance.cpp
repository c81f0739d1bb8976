#include "survival/concordance.h"

#include "common/error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace cutofflab {

namespace {

/// Most distinct scores for which the concordance works on counts per event time.
constexpr std::int32_t kMaxTableRanks = 64;

/// Counts of rows by rank, with O(log k) counts of the rows ranked below a given rank. It
/// is a Fenwick tree, where survival's concordance uses a balanced binary tree.
class RankCounter {
public:
    explicit RankCounter(std::int32_t rankCount)
        : tree_(static_cast<std::size_t>(rankCount) + 1, 0), atRank_(static_cast<std::size_t>(rankCount), 0) {}

    void add(std::int32_t rank, std::int64_t count)
    {
        atRank_[static_cast<std::size_t>(rank)] += count;
        total_ += count;
        for (std::size_t node = static_cast<std::size_t>(rank) + 1; node < tree_.size(); node += node & (~node + 1))
            tree_[node] += count;
    }

    std::int64_t below(std::int32_t rank) const
    {
        std::int64_t count = 0;
        for (std::size_t node = static_cast<std::size_t>(rank); node > 0; node -= node & (~node + 1))
            count += tree_[node];
        return count;
    }

    std::int64_t equal(std::int32_t rank) const { return atRank_[static_cast<std::size_t>(rank)]; }

    std::int64_t above(std::int32_t rank) const { return total_ - below(rank) - equal(rank); }

private:
    std::vector<std::int64_t> tree_;
    std::vector<std::int64_t> atRank_;
    std::int64_t total_ = 0;
};

/// Pair counts of one row: pairs with a lower-ranked, a higher-ranked and an equally
/// ranked partner, from the point of view of the row that failed first.
struct PairCounts {
    std::int64_t concordant = 0;
    std::int64_t discordant = 0;
    std::int64_t tied = 0;
};

/// Returns dense ranks of the scores. Up to 32 distinct values (groups, indicator models)
/// are found with a linear scan, so that moving a cut-off over a large cohort needs no sort.
std::vector<std::int32_t> rankScores(std::span<const double> risk, std::int32_t& rankCount)
{
    constexpr std::size_t kMaxScanned = 32;
    std::vector<double> distinct;
    bool few = true;
    for (const double value : risk) {
        if (std::find(distinct.begin(), distinct.end(), value) != distinct.end())
            continue;
        if (distinct.size() == kMaxScanned) {
            few = false;
            break;
        }
        distinct.push_back(value);
    }
    if (!few) {
        distinct.assign(risk.begin(), risk.end());
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    } else {
        std::sort(distinct.begin(), distinct.end());
    }

    std::vector<std::int32_t> rank(risk.size());
    for (std::size_t i = 0; i < risk.size(); ++i) {
        const auto position = std::lower_bound(distinct.begin(), distinct.end(), risk[i]);
        rank[i] = static_cast<std::int32_t>(position - distinct.begin());
    }
    rankCount = static_cast<std::int32_t>(distinct.size());
    return rank;
}

/// The row-by-row walk, for scores with many distinct values.
Concordance concordanceByTree(const SortedSurvival& data, std::span<const std::int32_t> rank, std::int32_t rankCount)
{
    const std::size_t n = data.size();
    const auto ranks = static_cast<std::size_t>(rankCount);
    Concordance result;

    // The comparable partners of a row that is still at risk when others fail are the
    // events at earlier times. Counting them needs the final distribution of event
    // ranks, so it is tabulated first: events below, at and above each rank.
    std::vector<std::int64_t> eventsAtRank(ranks, 0);
    for (std::size_t i = 0; i < n; ++i)
        eventsAtRank[static_cast<std::size_t>(rank[i])] += data.event[i];
    std::vector<std::int64_t> eventsBelowRank(ranks, 0);
    std::int64_t eventCount = 0;
    for (std::size_t r = 0; r < ranks; ++r) {
        eventsBelowRank[r] = eventCount;
        eventCount += eventsAtRank[r];
    }

    // Walk from the longest time down, one distinct time (block) at a time. atRisk counts
    // every row with a later time, plus the censored rows of the current time. laterEvents
    // counts the events already passed, so "all events minus laterEvents" are the events
    // at earlier times.
    RankCounter atRisk(rankCount);
    RankCounter laterEvents(rankCount);
    const auto earlierEventsWith = [&](std::int32_t r) {
        // Events at earlier times that a row of rank r outlived: the pair is concordant
        // when the event has the higher rank.
        const auto index = static_cast<std::size_t>(r);
        const std::int64_t higher = eventCount - eventsBelowRank[index] - eventsAtRank[index];
        return PairCounts{higher - laterEvents.above(r), eventsBelowRank[index] - laterEvents.below(r),
                          eventsAtRank[index] - laterEvents.equal(r)};
    };

    // Rows of one block with the same rank and status have the same pairs, so they are
    // handled together: counts per rank of the block's censored rows and events, and
    // the ranks the block touches.
    std::vector<std::int64_t> censoredInBlock(ranks, 0);
    std::vector<std::int64_t> eventsInBlock(ranks, 0);
    std::vector<PairCounts> firstInBlock(ranks);
    std::vector<std::int32_t> touched;

    // Per group of identical rows: how many, and their (concordant - discordant) and
    // (concordant + discordant + tied) counts, for the jackknife variance, which needs
    // Somers' d before the rows can be combined.
    std::vector<double> groupSize;
    std::vector<double> groupDifference;
    std::vector<double> groupTotal;
    const auto recordGroup = [&](std::int64_t size, const PairCounts& first, const PairCounts& second) {
        const std::int64_t concordant = first.concordant + second.concordant;
        const std::int64_t discordant = first.discordant + second.discordant;
        const std::int64_t tied = first.tied + second.tied;
        groupSize.push_back(static_cast<double>(size));
        groupDifference.push_back(static_cast<double>(concordant - discordant));
        groupTotal.push_back(static_cast<double>(concordant + discordant + tied));
    };

    std::int64_t concordant = 0;
    std::int64_t discordant = 0;
    std::int64_t tiedRisk = 0;
    std::int64_t tiedTime = 0;
    std::int64_t tiedBoth = 0;

    std::size_t blockEnd = n;
    while (blockEnd > 0) {
        std::size_t blockStart = blockEnd - 1;
        while (blockStart > 0 && data.time[blockStart - 1] == data.time[blockEnd - 1])
            --blockStart;

        touched.clear();
        for (std::size_t i = blockStart; i < blockEnd; ++i) {
            const auto r = static_cast<std::size_t>(rank[i]);
            if (censoredInBlock[r] == 0 && eventsInBlock[r] == 0)
                touched.push_back(rank[i]);
            eventsInBlock[r] += data.event[i];
            censoredInBlock[r] += 1 - data.event[i];
        }

        // Censored rows of this time are at risk for the events of the same time.
        for (const std::int32_t r : touched) {
            const std::int64_t count = censoredInBlock[static_cast<std::size_t>(r)];
            if (count == 0)
                continue;
            recordGroup(count, earlierEventsWith(r), PairCounts{});
            atRisk.add(r, count);
        }

        // Each event against every row still at risk after it. Events of the same time
        // are tied on time, and tied on both when their ranks are equal too.
        std::int64_t blockEvents = 0;
        for (const std::int32_t r : touched) {
            const std::int64_t count = eventsInBlock[static_cast<std::size_t>(r)];
            if (count == 0)
                continue;
            const PairCounts first{atRisk.below(r), atRisk.above(r), atRisk.equal(r)};
            firstInBlock[static_cast<std::size_t>(r)] = first;
            concordant += count * first.concordant;
            discordant += count * first.discordant;
            tiedRisk += count * first.tied;
            tiedBoth += count * (count - 1) / 2;
            tiedTime -= count * (count - 1) / 2;
            blockEvents += count;
        }
        tiedTime += blockEvents * (blockEvents - 1) / 2;

        for (const std::int32_t r : touched) {
            const std::int64_t count = eventsInBlock[static_cast<std::size_t>(r)];
            if (count > 0)
                laterEvents.add(r, count);
        }

        // The events of this time, now also as the later member of pairs with earlier events.
        for (const std::int32_t r : touched) {
            const auto index = static_cast<std::size_t>(r);
            const std::int64_t count = eventsInBlock[index];
            if (count > 0) {
                recordGroup(count, firstInBlock[index], earlierEventsWith(r));
                atRisk.add(r, count);
            }
            eventsInBlock[index] = 0;
            censoredInBlock[index] = 0;
        }
        blockEnd = blockStart;
    }

    result.concordant = static_cast<double>(concordant);
    result.discordant = static_cast<double>(discordant);
    result.tiedRisk = static_cast<double>(tiedRisk);
    result.tiedTime = static_cast<double>(tiedTime);
    result.tiedBoth = static_cast<double>(tiedBoth);

    const double pairs = static_cast<double>(concordant + discordant + tiedRisk);
    if (pairs == 0.0) {
        result.concordance = std::numeric_limits<double>::quiet_NaN();
        result.se = std::numeric_limits<double>::quiet_NaN();
        return result;
    }
    const double somersD = static_cast<double>(concordant - discordant) / pairs;
    result.concordance = (somersD + 1.0) / 2.0;

    // Infinitesimal jackknife (survival's concordancefit): the influences of the rows on
    // Somers' d, summed in squares. The concordance is (d + 1) / 2, hence the 1/4.
    double sumSquares = 0.0;
    for (std::size_t k = 0; k < groupSize.size(); ++k) {
        const double influence = (groupDifference[k] - somersD * groupTotal[k]) / pairs;
        sumSquares += groupSize[k] * influence * influence;
    }
    result.se = std::sqrt(sumSquares / 4.0);
    return result;
}

} // namespace

Concordance computeConcordanceFromTable(const EventTimeTable& table, std::span<const std::int32_t> classRank,
                                        std::int32_t rankCount)
{
    if (rankCount > kMaxTableRanks) {
        throw InputError("Invalid concordance table: " + std::to_string(rankCount) + " score ranks, more than the "
                         + std::to_string(kMaxTableRanks) + " supported. Use computeConcordanceFromRanks instead.");
    }
    const auto ranks = static_cast<std::size_t>(rankCount);
    const std::size_t eventTimes = table.eventTimeCount();

    // The walks below read the counts of rank r from class classOfRank[r]. When classes
    // share a rank (equal scores), their counts are first summed into a table by rank.
    std::vector<std::size_t> classOfRank(ranks, table.classCount);
    bool oneClassPerRank = ranks == table.classCount;
    for (std::size_t c = 0; c < table.classCount && oneClassPerRank; ++c) {
        const auto r = static_cast<std::size_t>(classRank[c]);
        oneClassPerRank = classOfRank[r] == table.classCount;
        classOfRank[r] = c;
    }
    EventTimeTable merged;
    const EventTimeTable* byRank = &table;
    if (!oneClassPerRank) {
        merged.classCount = ranks;
        merged.time = table.time;
        merged.atRisk.assign(eventTimes * ranks, 0);
        merged.events.assign(eventTimes * ranks, 0);
        merged.censoredUntilNext.assign(eventTimes * ranks, 0);
        for (std::size_t b = 0; b < eventTimes; ++b) {
            for (std::size_t c = 0; c < table.classCount; ++c) {
                const std::size_t target = b * ranks + static_cast<std::size_t>(classRank[c]);
                const std::size_t source = b * table.classCount + c;
                merged.atRisk[target] += table.atRisk[source];
                merged.events[target] += table.events[source];
                merged.censoredUntilNext[target] += table.censoredUntilNext[source];
            }
        }
        std::iota(classOfRank.begin(), classOfRank.end(), std::size_t{0});
        byRank = &merged;
    }
    const std::size_t classes = byRank->classCount;
    const auto cell = [&](const std::vector<std::uint32_t>& counts, std::size_t b, std::size_t r) {
        return static_cast<std::int64_t>(counts[b * classes + classOfRank[r]]);
    };

    // First walk: the pair counts, which give Somers' d. An event at t_b is compared with
    // the rows at risk without the events of t_b (later times, and the censored rows of
    // t_b).
    std::array<std::int64_t, kMaxTableRanks> eventsTotal{};
    std::int64_t concordant = 0, discordant = 0, tiedRisk = 0, tiedTime = 0, tiedBoth = 0;
    for (std::size_t b = 0; b < eventTimes; ++b) {
        std::int64_t atRiskTotal = 0;
        for (std::size_t r = 0; r < ranks; ++r)
            atRiskTotal += cell(byRank->atRisk, b, r) - cell(byRank->events, b, r);
        std::int64_t atRiskBelow = 0;
        std::int64_t blockEvents = 0;
        for (std::size_t r = 0; r < ranks; ++r) {
            const std::int64_t events = cell(byRank->events, b, r);
            const std::int64_t atRisk = cell(byRank->atRisk, b, r) - events;
            concordant += events * atRiskBelow;
            discordant += events * (atRiskTotal - atRiskBelow - atRisk);
            tiedRisk += events * atRisk;
            tiedBoth += events * (events - 1) / 2;
            blockEvents += events;
            eventsTotal[r] += events;
            atRiskBelow += atRisk;
        }
        tiedTime += blockEvents * (blockEvents - 1) / 2;
    }
    tiedTime -= tiedBoth;

    Concordance result;
    result.concordant = static_cast<double>(concordant);
    result.discordant = static_cast<double>(discordant);
    result.tiedRisk = static_cast<double>(tiedRisk);
    result.tiedTime = static_cast<double>(tiedTime);
    result.tiedBoth = static_cast<double>(tiedBoth);
    const double pairs = static_cast<double>(concordant + discordant + tiedRisk);
    if (pairs == 0.0) {
        result.concordance = std::numeric_limits<double>::quiet_NaN();
        result.se = std::numeric_limits<double>::quiet_NaN();
        return result;
    }
    const double somersD = static_cast<double>(concordant - discordant) / pairs;
    result.concordance = (somersD + 1.0) / 2.0;

    // Second walk: each row's influence on Somers' d (survival's concordancefit), times
    // npair (divided out at the end), summed in squares. The rows of one event time with
    // the same rank and status share their pairs, so they count once with their number
    // as weight (a weight of 0 adds exactly 0). Per rank: rows at risk without the
    // events of t_b, events at earlier times, and events at t_b or earlier.
    std::array<std::int64_t, kMaxTableRanks> eventsLater{};
    double sumSquares = 0.0;
    for (std::size_t b = 0; b < eventTimes; ++b) {
        std::int64_t atRiskTotal = 0, earlierTotal = 0, atOrBeforeTotal = 0;
        for (std::size_t r = 0; r < ranks; ++r) {
            const std::int64_t events = cell(byRank->events, b, r);
            const std::int64_t atOrBefore = eventsTotal[r] - eventsLater[r];
            atRiskTotal += cell(byRank->atRisk, b, r) - events;
            atOrBeforeTotal += atOrBefore;
            earlierTotal += atOrBefore - events;
        }

        std::int64_t atRiskBelow = 0, earlierBelow = 0, atOrBeforeBelow = 0;
        for (std::size_t r = 0; r < ranks; ++r) {
            const std::int64_t events = cell(byRank->events, b, r);
            const std::int64_t censored = cell(byRank->censoredUntilNext, b, r);
            const std::int64_t atRisk = cell(byRank->atRisk, b, r) - events;
            const std::int64_t atOrBefore = eventsTotal[r] - eventsLater[r];
            const std::int64_t earlier = atOrBefore - events;

            // An event: concordant with lower-ranked rows at risk after it and with
            // higher-ranked events before it.
            const std::int64_t atRiskAbove = atRiskTotal - atRiskBelow - atRisk;
            const std::int64_t earlierAbove = earlierTotal - earlierBelow - earlier;
            const auto eventDifference = static_cast<double>(atRiskBelow + earlierAbove - atRiskAbove - earlierBelow);
            const double eventInfluence =
                eventDifference - somersD * static_cast<double>(atRiskTotal + earlierTotal);

            // A censored row (t_b <= time < next later event time): concordant with
            // higher-ranked events at or before its time.
            const std::int64_t atOrBeforeAbove = atOrBeforeTotal - atOrBeforeBelow - atOrBefore;
            const auto censoredDifference = static_cast<double>(atOrBeforeAbove - atOrBeforeBelow);
            const double censoredInfluence = censoredDifference - somersD * static_cast<double>(atOrBeforeTotal);

            sumSquares += static_cast<double>(events) * eventInfluence * eventInfluence
                          + static_cast<double>(censored) * censoredInfluence * censoredInfluence;
            atRiskBelow += atRisk;
            earlierBelow += earlier;
            atOrBeforeBelow += atOrBefore;
            eventsLater[r] += events;
        }
    }
    result.se = std::sqrt(sumSquares / 4.0) / pairs;
    return result;
}

Concordance computeConcordanceFromRanks(const SortedSurvival& data, std::span<const std::int32_t> rank,
                                        std::int32_t rankCount)
{
    // With few distinct scores and not too many event times, count the rows per event
    // time and rank once, in a table of at most two entries per row, and work on that.
    if (rankCount <= kMaxTableRanks) {
        const auto ranks = static_cast<std::size_t>(rankCount);
        const std::size_t eventTimes = countEventTimes(data);
        if (eventTimes * ranks <= 2 * data.size()) {
            const std::vector<std::uint16_t> classOf(rank.begin(), rank.end());
            const EventTimeTable table = tabulateEventTimes(data, classOf, ranks, eventTimes);
            std::vector<std::int32_t> identity(ranks);
            std::iota(identity.begin(), identity.end(), 0);
            return computeConcordanceFromTable(table, identity, rankCount);
        }
    }
    return concordanceByTree(data, rank, rankCount);
}

Concordance computeConcordance(const SortedSurvival& data, std::span<const double> risk)
{
    if (risk.size() != data.size()) {
        throw InputError("Invalid risk scores: " + std::to_string(risk.size()) + " values for "
                         + std::to_string(data.size()) + " survival rows. Pass one score per row, in sorted order.");
    }
    for (std::size_t i = 0; i < risk.size(); ++i) {
        if (!std::isfinite(risk[i])) {
            throw InputError("Invalid risk score " + std::to_string(risk[i]) + " at sorted row " + std::to_string(i + 1)
                                 + ". The concordance needs a finite score for every row.",
                             {std::nullopt, "risk score", std::to_string(risk[i])});
        }
    }
    std::int32_t rankCount = 0;
    const std::vector<std::int32_t> rank = rankScores(risk, rankCount);
    return computeConcordanceFromRanks(data, rank, rankCount);
}

} // namespace cutofflab
