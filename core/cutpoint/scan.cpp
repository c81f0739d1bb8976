#include "cutpoint/scan.h"

#include "common/distributions.h"
#include "common/error.h"
#include "cutpoint/eventtimes.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>
#include <string>

namespace cutofflab {

namespace {

HazardRatioStatus statusOf(TwoGroupCoxStatus status)
{
    switch (status) {
    case TwoGroupCoxStatus::Ok:
        return HazardRatioStatus::Ok;
    case TwoGroupCoxStatus::InfiniteHigh:
        return HazardRatioStatus::InfiniteHigh;
    case TwoGroupCoxStatus::InfiniteLow:
        return HazardRatioStatus::InfiniteLow;
    case TwoGroupCoxStatus::NoEvents:
    case TwoGroupCoxStatus::NoInformation:
    case TwoGroupCoxStatus::NotConverged:
        break;
    }
    return HazardRatioStatus::NotEstimable;
}

void validate(const ScanOptions& options)
{
    if (!(options.confidenceLevel > 0.0 && options.confidenceLevel < 1.0)) {
        throw InputError("The confidence level must lie strictly between 0 and 1, for example 0.95; got "
                         + std::to_string(options.confidenceLevel) + ".");
    }
    if (!(options.tieRelativeTolerance >= 0.0)) {
        throw InputError("The tie tolerance of the optimal cut-off must be 0 or more; got "
                         + std::to_string(options.tieRelativeTolerance) + ".");
    }
}

// Fits the Cox model at every candidate in one more pass in marker order. The low group
// grows by the rows between candidates. The per-event-time counts are rebuilt from two
// arrays per candidate in O(event times), and each fit starts at the previous estimate.
void fitCoxAtEveryCandidate(const SplitEventTable& table, const OrderedRows& rows,
                            const std::vector<std::size_t>& sizes, CoxTies ties, CutoffScan& scan)
{
    const std::size_t eventTimes = table.eventTimeCount();
    std::vector<double> lowLeaving(eventTimes + 1, 0.0);   // low rows by the coordinate they leave at
    std::vector<double> lowEvents(eventTimes + 1, 0.0);    // low events by the coordinate of their time + 1
    std::vector<TwoGroupEventTime> counts(eventTimes);
    double warmStart = 0.0;
    std::size_t position = 0;
    for (std::size_t candidate = 0; candidate < sizes.size(); ++candidate) {
        for (; position < sizes[candidate]; ++position) {
            const std::uint32_t c = rows.coordinate[position];
            lowLeaving[c] += 1.0;
            lowEvents[c] += rows.event[position];
        }
        double lowAtRisk = 0.0;
        for (std::size_t e = eventTimes; e-- > 0;) {
            lowAtRisk += lowLeaving[e + 1];
            counts[e] = {lowAtRisk, table.atRisk[e] - lowAtRisk, lowEvents[e + 1], table.events[e] - lowEvents[e + 1]};
        }
        const TwoGroupCoxFit fit = fitTwoGroupCox(counts, ties, warmStart);
        scan.hazardRatioStatus[candidate] = statusOf(fit.status);
        if (fit.status == TwoGroupCoxStatus::Ok) {
            scan.logHazardRatio[candidate] = fit.coefficient;
            scan.hazardRatioStandardError[candidate] = fit.standardError;
            warmStart = fit.coefficient;
        }
    }
}

// Fills the log-rank columns of every candidate from the prefix sums and, with
// petoHazardRatios, the hazard ratio columns with Peto's one-step estimate.
void fillLogRankColumns(const SplitEventTable& table, const PrefixLogRankSums& sums, bool petoHazardRatios,
                        CutoffScan& scan)
{
    const std::size_t candidateCount = scan.candidates.lowerGroupSizes.size();
    for (std::size_t candidate = 0; candidate < candidateCount; ++candidate) {
        const double expectedLow = sums.expected[candidate];
        const double expectedHigh = static_cast<double>(table.totalEvents) - expectedLow;
        const double observedMinusExpected = static_cast<double>(sums.events[candidate]) - expectedLow;
        const double variance = sums.variance(candidate);
        scan.eventsLow[candidate] = static_cast<std::uint32_t>(sums.events[candidate]);
        scan.expectedLow[candidate] = expectedLow;

        if (!(expectedLow > 0.0 && expectedHigh > 0.0)) {
            // survdiff tests only groups with expected events; with one it reports 0.
            scan.logRankChiSquare[candidate] = 0.0;
            scan.logRankP[candidate] = 1.0;
            scan.logRankDefined[candidate] = 1;
        } else if (variance == 0.0) {
            scan.logRankChiSquare[candidate] = 0.0;
            scan.logRankP[candidate] = 1.0;
            scan.logRankDefined[candidate] = 0;
        } else {
            const double chiSquare = observedMinusExpected * observedMinusExpected / variance;
            scan.logRankChiSquare[candidate] = chiSquare;
            // P(chi-square_1 > x) = erfc(sqrt(x / 2)): the same number as the incomplete
            // gamma function, at a tenth of its cost, which matters at 10^5 candidates.
            scan.logRankP[candidate] = std::erfc(std::sqrt(chiSquare / 2.0));
            scan.logRankDefined[candidate] = 1;
        }

        if (petoHazardRatios) {
            // Peto's one-step estimate for the high group: (O - E)_high / V, SE 1 / sqrt(V).
            const std::size_t eventsHigh = table.totalEvents - sums.events[candidate];
            if (variance == 0.0) {
                scan.hazardRatioStatus[candidate] = HazardRatioStatus::NotEstimable;
            } else if (sums.events[candidate] == 0) {
                scan.hazardRatioStatus[candidate] = HazardRatioStatus::InfiniteHigh;
            } else if (eventsHigh == 0) {
                scan.hazardRatioStatus[candidate] = HazardRatioStatus::InfiniteLow;
            } else {
                scan.hazardRatioStatus[candidate] = HazardRatioStatus::Ok;
                scan.logHazardRatio[candidate] = -observedMinusExpected / variance;
                scan.hazardRatioStandardError[candidate] = 1.0 / std::sqrt(variance);
            }
        }
    }
}

// Replaces the Peto estimates of the optimal cut-offs by the exact Cox estimate: the
// optima are the cut-offs a reader looks at. Only the first kCoxFitsPerOptimum ties of
// each are fitted, so that a flat landscape stays O(n).
void fitCoxAtOptima(const SplitEventTable& table, const OrderedRows& rows, double confidenceLevel, CoxTies ties,
                    CutoffScan& scan)
{
    constexpr std::size_t kCoxFitsPerOptimum = 16;
    const std::vector<std::size_t>& sizes = scan.candidates.lowerGroupSizes;
    for (const OptimalCutoff* optimum : {&scan.byStandardizedStatistic, &scan.byLogRankP}) {
        const std::size_t fits = std::min(optimum->ties.size(), kCoxFitsPerOptimum);
        for (std::size_t t = 0; t < fits; ++t) {
            const std::size_t index = optimum->ties[t];
            if (scan.hazardRatioMethod[index] != HazardRatioMethod::PetoOneStep)
                continue;
            // Peto's estimate is one Newton step from 0, a good start for the next steps.
            const double start = scan.hazardRatioStatus[index] == HazardRatioStatus::Ok ? scan.logHazardRatio[index] : 0.0;
            const HazardRatio ratio = hazardRatioFromFit(
                fitTwoGroupCox(prefixSplitEventTimes(table, rows, sizes[index]), ties, start), confidenceLevel,
                coxMethod(ties));
            scan.hazardRatioMethod[index] = ratio.method;
            scan.hazardRatioStatus[index] = ratio.status;
            scan.logHazardRatio[index] = ratio.logHazardRatio;
            scan.hazardRatioStandardError[index] = ratio.standardError;
        }
    }
}

} // namespace

HazardRatioMethod coxMethod(CoxTies ties) noexcept
{
    return ties == CoxTies::Breslow ? HazardRatioMethod::CoxBreslow : HazardRatioMethod::CoxEfron;
}

HazardRatio hazardRatioFromFit(const TwoGroupCoxFit& fit, double confidenceLevel, HazardRatioMethod method)
{
    HazardRatio ratio;
    ratio.method = method;
    ratio.status = statusOf(fit.status);
    if (ratio.status != HazardRatioStatus::Ok)
        return ratio;
    const double z = normalCriticalValue(confidenceLevel);
    ratio.logHazardRatio = fit.coefficient;
    ratio.standardError = fit.standardError;
    ratio.hazardRatio = std::exp(fit.coefficient);
    ratio.lower = std::exp(fit.coefficient - z * fit.standardError);
    ratio.upper = std::exp(fit.coefficient + z * fit.standardError);
    return ratio;
}

HazardRatio coxHazardRatioAt(const MarkerSurvival& data, double cutoff, double confidenceLevel, CoxTies ties)
{
    std::vector<int> group(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        group[i] = data.marker[i] > cutoff ? 1 : 0;
    const std::vector<TwoGroupEventTime> counts = twoGroupEventTimes(data.time, data.event, group);
    return hazardRatioFromFit(fitTwoGroupCox(counts, ties), confidenceLevel, coxMethod(ties));
}

OptimalCutoff selectOptimalCutoff(std::span<const double> criterion, std::span<const double> cutoffs,
                                  bool minimize, double relativeTolerance)
{
    OptimalCutoff best;
    const std::size_t count = std::min(criterion.size(), cutoffs.size());
    for (std::size_t i = 0; i < count; ++i) {
        const double value = criterion[i];
        if (!std::isfinite(value))
            continue;
        if (!best.found || (minimize ? value < best.value : value > best.value)) {
            best.found = true;
            best.index = i;
            best.value = value;
        }
    }
    if (!best.found)
        return best;
    const double slack = relativeTolerance * std::fabs(best.value);
    for (std::size_t i = 0; i < count; ++i) {
        if (std::isfinite(criterion[i]) && std::fabs(criterion[i] - best.value) <= slack)
            best.ties.push_back(i);
    }
    best.index = best.ties.front();
    best.value = criterion[best.index];
    best.cutoff = cutoffs[best.index];
    return best;
}

CutoffPoint CutoffScan::point(std::size_t index) const
{
    CutoffPoint p;
    p.cutoff = candidates.cutoffs[index];
    p.nLow = candidates.lowerGroupSizes[index];
    p.nHigh = n - p.nLow;
    p.eventsLow = eventsLow[index];
    p.eventsHigh = totalEvents - p.eventsLow;
    p.standardizedStatistic = standardizedStatistic[index];
    p.logRankChiSquare = logRankChiSquare[index];
    p.logRankP = logRankP[index];
    p.logRankDefined = logRankDefined[index] != 0;
    p.expectedLow = expectedLow[index];
    p.expectedHigh = static_cast<double>(totalEvents) - p.expectedLow;

    HazardRatio& ratio = p.hazardRatio;
    ratio.method = hazardRatioMethod[index];
    ratio.status = hazardRatioStatus[index];
    if (ratio.status == HazardRatioStatus::Ok) {
        const double z = normalCriticalValue(confidenceLevel);
        ratio.logHazardRatio = logHazardRatio[index];
        ratio.standardError = hazardRatioStandardError[index];
        ratio.hazardRatio = std::exp(ratio.logHazardRatio);
        ratio.lower = std::exp(ratio.logHazardRatio - z * ratio.standardError);
        ratio.upper = std::exp(ratio.logHazardRatio + z * ratio.standardError);
    }
    return p;
}

CutoffScan scanCutoffs(const MarkerSurvival& data, const ScanOptions& options)
{
    validate(options);
    CutoffScan scan;
    scan.n = data.size();
    scan.rowsLeftOutMissingMarker = data.rowsLeftOutMissingMarker;
    scan.confidenceLevel = options.confidenceLevel;
    scan.candidates = candidateSplits(data, options.minProportion, options.maxProportion);
    scan.status = scan.candidates.status;
    if (scan.status != CutoffStatus::Ok)
        return scan;

    const SplitEventTable table = buildEventTimeTable(data.time, data.event);
    scan.totalEvents = table.totalEvents;
    if (table.totalEvents == 0) {
        scan.status = CutoffStatus::NoEvents;
        return scan;
    }

    // maxstat's statistics do not depend on the log-rank pass below; on large data they
    // run on a second thread meanwhile.
    std::exception_ptr statisticsFailure;
    const auto computeStatistics = [&] {
        try {
            const std::vector<double> scores = maxstatLogRankScores(data.time, data.event);
            scan.standardizedStatistic =
                standardizedStatistics(inMarkerOrder(data, scores), scan.candidates.lowerGroupSizes);
        } catch (...) {
            statisticsFailure = std::current_exception();
        }
    };
    constexpr std::size_t kRowsWorthAThread = 100000;
    std::thread statisticsThread;
    if (options.threads >= 2 && data.size() >= kRowsWorthAThread)
        statisticsThread = std::thread(computeStatistics);
    else
        computeStatistics();
    struct JoinOnExit {
        std::thread& thread;
        ~JoinOnExit()
        {
            if (thread.joinable())
                thread.join();
        }
    } joinOnExit{statisticsThread};

    const std::vector<std::size_t>& sizes = scan.candidates.lowerGroupSizes;
    const std::size_t candidateCount = sizes.size();
    const std::size_t eventTimes = table.eventTimeCount();
    const double coxWork = static_cast<double>(candidateCount)
                         * static_cast<double>(eventTimes + table.totalEvents);
    const bool coxEverywhere = options.hazardRatios == HazardRatioMode::CoxEfron
                            || (options.hazardRatios == HazardRatioMode::Automatic && coxWork <= options.exactCoxWorkLimit);

    scan.eventsLow.resize(candidateCount);
    scan.expectedLow.resize(candidateCount);
    scan.logRankChiSquare.resize(candidateCount);
    scan.logRankP.resize(candidateCount);
    scan.logRankDefined.resize(candidateCount);
    scan.logHazardRatio.assign(candidateCount, 0.0);
    scan.hazardRatioStandardError.assign(candidateCount, 0.0);
    scan.hazardRatioStatus.assign(candidateCount, HazardRatioStatus::NotEstimable);
    scan.hazardRatioMethod.assign(candidateCount,
                                  coxEverywhere ? coxMethod(options.ties) : HazardRatioMethod::PetoOneStep);

    const OrderedRows rows = gatherRows(table, data.event, data.markerOrder, sizes.back());
    const PrefixLogRankSums sums = prefixLogRankSums(table, rows, sizes);
    fillLogRankColumns(table, sums, !coxEverywhere, scan);
    if (coxEverywhere)
        fitCoxAtEveryCandidate(table, rows, sizes, options.ties, scan);

    if (statisticsThread.joinable())
        statisticsThread.join();
    if (statisticsFailure)
        std::rethrow_exception(statisticsFailure);
    if (scan.standardizedStatistic.empty()) {
        scan.status = CutoffStatus::ConstantScores;
        return scan;
    }

    scan.byStandardizedStatistic = selectOptimalCutoff(scan.standardizedStatistic, scan.candidates.cutoffs,
                                                       false, options.tieRelativeTolerance);
    scan.byLogRankP = selectOptimalCutoff(scan.logRankChiSquare, scan.candidates.cutoffs, false,
                                          options.tieRelativeTolerance);
    if (scan.byLogRankP.found)
        scan.byLogRankP.value = scan.logRankP[scan.byLogRankP.index];

    if (!coxEverywhere)
        fitCoxAtOptima(table, rows, options.confidenceLevel, options.ties, scan);
    return scan;
}

} // namespace cutofflab
