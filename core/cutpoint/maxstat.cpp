#include "cutpoint/maxstat.h"

#include "common/distributions.h"
#include "common/error.h"
#include "common/ties.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <sstream>
#include <string>

namespace cutofflab {

namespace {

CorrectedPValue makePValue(PValueMethod method, double value)
{
    CorrectedPValue p;
    p.method = method;
    p.value = value;
    if (value < 0.0) {
        p.status = PValueStatus::BelowNumericalPrecision;
        p.displayValue = 0.0;
    } else if (value > 1.0) {
        p.status = PValueStatus::AboveOne;
        p.displayValue = 1.0;
    } else {
        p.status = PValueStatus::Ok;
        p.displayValue = value;
    }
    return p;
}

CorrectedPValue missingPValue(PValueMethod method, PValueStatus status)
{
    CorrectedPValue p;
    p.method = method;
    p.status = status;
    return p;
}

std::string formatNumber(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

// R's round(x) for digits = 0 rounds half to even, as nearbyint() does in the default
// rounding mode.
double roundHalfEven(double x)
{
    return std::nearbyint(x);
}

MaxstatProfile profileOf(const CandidateSplits& candidates, std::vector<double> statistics, std::size_t n)
{
    MaxstatProfile profile;
    profile.statistics = std::move(statistics);
    const auto best = std::max_element(profile.statistics.begin(), profile.statistics.end());
    // max_element returns the first maximum, the candidate maxstat reports.
    profile.bestIndex = static_cast<std::size_t>(best - profile.statistics.begin());
    profile.statistic = *best;
    profile.cutoff = candidates.cutoffs[profile.bestIndex];
    profile.nAtOrBelow = candidates.lowerGroupSizes[profile.bestIndex];
    profile.nAbove = n - profile.nAtOrBelow;
    return profile;
}

// The expectation and variance of the sum of the scores of m rows drawn without
// replacement from n scores with sum `total` and n * sumOfSquares - total^2 = spread,
// written with the operations, in the order, that maxstat uses, so that a statistic
// compared with a threshold falls on the same side as in R.
double permutationMean(std::size_t m, std::size_t n, double total)
{
    return static_cast<double>(m) / static_cast<double>(n) * total;
}

double permutationVariance(std::size_t m, std::size_t n, double spread)
{
    const double nn = static_cast<double>(n);
    return static_cast<double>(m) * static_cast<double>(n - m) / (nn * nn * (nn - 1.0)) * spread;
}

} // namespace

CandidateSplits candidateSplits(const MarkerSurvival& data, double minProportion, double maxProportion)
{
    if (!(minProportion >= 0.0 && maxProportion <= 1.0 && minProportion < maxProportion)) {
        throw InputError("The group proportions must satisfy 0 <= minimum < maximum <= 1; got minimum "
                         + formatNumber(minProportion) + " and maximum " + formatNumber(maxProportion)
                         + ". The usual choice is 0.1 and 0.9.");
    }

    CandidateSplits splits;
    const std::size_t n = data.size();
    if (n == 0)
        return splits;

    const double nd = static_cast<double>(n);
    splits.lowerGroupSizeMin = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(nd * minProportion)));
    splits.lowerGroupSizeMax = static_cast<std::size_t>(std::floor(nd * maxProportion));

    // One sequential pass over the sorted values: a run of tied values ends where the
    // next value is not tied with the run's first, and the rows up to there form the
    // lower group of the split after it.
    const std::vector<double>& sorted = data.sortedMarker;
    std::size_t runBegin = 0;
    std::size_t runs = 1;
    for (std::size_t k = 1; k < n; ++k) {
        // valuesTied() written out: a call per row costs more than the comparison.
        const double first = sorted[runBegin];
        const double value = sorted[k];
        if (value == first || value - first <= kTieRelativeTolerance * std::max(std::fabs(first), std::fabs(value)))
            continue;
        ++runs;
        runBegin = k;
        if (k < splits.lowerGroupSizeMin || k > splits.lowerGroupSizeMax)
            continue;
        splits.lowerGroupSizes.push_back(k);
        splits.cutoffs.push_back(sorted[k - 1]);
    }
    if (runs < 2) {
        splits.status = CutoffStatus::ConstantMarker;
        return splits;
    }
    splits.status = splits.lowerGroupSizes.empty() ? CutoffStatus::NoCandidateCutoff : CutoffStatus::Ok;
    return splits;
}

std::vector<double> maxstatLogRankScores(std::span<const double> timeAscending,
                                         std::span<const std::uint8_t> event)
{
    const std::size_t n = timeAscending.size();
    std::vector<double> scores(n);
    long double runningSum = 0.0L;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && timeAscending[end] == timeAscending[begin])
            ++end;

        // Every row of the tie group has rank `end` (1-based), so each event in it adds
        // 1 / (n - end + 1): one over the rows at risk minus the group size plus one.
        const double atRiskAfterTies = static_cast<double>(n - end + 1);
        for (std::size_t k = begin; k < end; ++k)
            runningSum += static_cast<double>(event[k]) / atRiskAfterTies;
        const auto cumulative = static_cast<double>(runningSum);
        for (std::size_t k = begin; k < end; ++k)
            scores[k] = static_cast<double>(event[k]) - cumulative;
        begin = end;
    }
    return scores;
}

IntegerScores maxstatIntegerScores(std::span<const double> scores)
{
    IntegerScores result;
    result.values.assign(scores.begin(), scores.end());

    long double fractionSum = 0.0L;
    bool allHalves = true;
    for (const double s : scores) {
        const double fraction = s - std::floor(s);
        fractionSum += fraction;
        if (fraction != 0.0 && fraction != 0.5)
            allHalves = false;
    }
    if (fractionSum == 0.0L) {
        result.rule = IntegerScoreRule::AlreadyIntegers;
        return result;
    }
    if (allHalves) {
        result.rule = IntegerScoreRule::Doubled;
        for (double& s : result.values)
            s *= 2.0;
        return result;
    }

    result.rule = IntegerScoreRule::ShiftedAndRounded;
    const double minimum = *std::min_element(scores.begin(), scores.end());
    for (double& s : result.values)
        s -= minimum;
    const double maximum = *std::max_element(result.values.begin(), result.values.end());
    const double n = static_cast<double>(scores.size());
    for (double& s : result.values)
        s = maximum > 0.0 ? roundHalfEven(s * n / maximum) : 0.0;
    return result;
}

std::vector<double> standardizedStatistics(std::span<const double> scoresInMarkerOrder,
                                           std::span<const std::size_t> lowerGroupSizes)
{
    const std::size_t n = scoresInMarkerOrder.size();
    if (n < 2 || lowerGroupSizes.empty())
        return {};
    const auto [lowest, highest] = std::minmax_element(scoresInMarkerOrder.begin(), scoresInMarkerOrder.end());
    if (*lowest == *highest)
        return {};

    long double sum = 0.0L;
    long double sumOfSquares = 0.0L;
    for (const double y : scoresInMarkerOrder) {
        sum += y;
        sumOfSquares += y * y;
    }
    const auto total = static_cast<double>(sum);
    const double spread = static_cast<double>(n) * static_cast<double>(sumOfSquares) - total * total;
    if (!(spread > 0.0))
        return {};

    std::vector<double> statistics;
    statistics.reserve(lowerGroupSizes.size());
    long double prefix = 0.0L;
    std::size_t position = 0;
    for (const std::size_t m : lowerGroupSizes) {
        for (; position < m; ++position)
            prefix += scoresInMarkerOrder[position];
        const double expectation = permutationMean(m, n, total);
        const double variance = permutationVariance(m, n, spread);
        statistics.push_back(std::fabs((static_cast<double>(prefix) - expectation) / std::sqrt(variance)));
    }
    return statistics;
}

CorrectedPValue lausen92PValue(double statistic, double minProportion, double maxProportion)
{
    if (!std::isfinite(statistic) || !(minProportion > 0.0 && maxProportion < 1.0 && minProportion < maxProportion))
        return missingPValue(PValueMethod::Lausen92, PValueStatus::NotApplicable);
    if (statistic < 1.0)
        return makePValue(PValueMethod::Lausen92, 1.0);

    // Lausen & Schumacher (1992), the Brownian-bridge approximation of the maximum over
    // the proportions [minP, maxP] (maxstat pLausen92).
    const double density = normalDensity(statistic);
    const double logRatio = std::log(maxProportion * (1.0 - minProportion) / ((1.0 - maxProportion) * minProportion));
    const double p = 4.0 * density / statistic + density * (statistic - 1.0 / statistic) * logRatio;
    return makePValue(PValueMethod::Lausen92, std::max(p, 0.0));
}

CorrectedPValue lausen94PValue(double statistic, std::size_t n, std::span<const std::size_t> lowerGroupSizes)
{
    if (!std::isfinite(statistic) || n < 2 || lowerGroupSizes.empty())
        return missingPValue(PValueMethod::Lausen94, PValueStatus::NotApplicable);

    // Lausen, Sauerbrei & Schumacher (1994): the two-sided normal tail of one statistic
    // plus, for each pair of neighbouring candidates, the correction of the improved
    // Bonferroni inequality (maxstat pLausen94).
    long double correction = 0.0L;
    const double nd = static_cast<double>(n);
    const double decay = (1.0 / std::numbers::pi) * std::exp(-statistic * statistic / 2.0);
    const double curvature = statistic * statistic / 4.0 - 1.0;
    for (std::size_t k = 0; k + 1 < lowerGroupSizes.size(); ++k) {
        const double m1 = static_cast<double>(lowerGroupSizes[k]);
        const double m2 = static_cast<double>(lowerGroupSizes[k + 1]);
        const double t = std::sqrt(1.0 - m1 * (nd - m2) / ((nd - m1) * m2));
        correction += decay * (t - curvature * (t * t * t) / 6.0);
    }
    // 2 (1 - Phi(M)) as an upper tail: R's 1 - (Phi(M) - Phi(-M)) is the same number but
    // cancels to 0 once Phi(M) rounds to 1 (M above about 8.3).
    const double tail = 2.0 * normalUpperTail(statistic);
    return makePValue(PValueMethod::Lausen94, tail + static_cast<double>(correction));
}

CorrectedPValue hothornLausenPValue(double statistic, std::span<const double> integerScores,
                                    std::span<const std::size_t> lowerGroupSizes, std::size_t cellLimit,
                                    const std::atomic<bool>* cancel)
{
    const std::size_t n = integerScores.size();
    if (!std::isfinite(statistic) || n < 2 || lowerGroupSizes.empty()
        || lowerGroupSizes.front() == 0 || lowerGroupSizes.back() >= n)
        return missingPValue(PValueMethod::HothornLausen, PValueStatus::NotApplicable);
    for (const double s : integerScores) {
        if (!std::isfinite(s) || s != std::floor(s))
            return missingPValue(PValueMethod::HothornLausen, PValueStatus::NotApplicable);
    }

    // Shift the scores to a minimum of 0, as maxstat's pmaxstat does; then every subset sum
    // is an integer in [0, total].
    const double minimum = *std::min_element(integerScores.begin(), integerScores.end());
    std::vector<std::size_t> shifted(n);
    double totalScore = 0.0;
    double sumOfSquares = 0.0;
    std::size_t maxShifted = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double z = integerScores[i] - minimum;
        if (z > 1e15)
            return missingPValue(PValueMethod::HothornLausen, PValueStatus::NotComputed);
        shifted[i] = static_cast<std::size_t>(z);
        maxShifted = std::max(maxShifted, shifted[i]);
        totalScore += z;
        sumOfSquares += z * z;
    }
    const double nd = static_cast<double>(n);
    const double spread = nd * sumOfSquares - totalScore * totalScore;
    if (!(spread > 0.0))
        return missingPValue(PValueMethod::HothornLausen, PValueStatus::NotApplicable);

    const std::size_t half = n / 2;
    const double cellsNeeded = static_cast<double>(half + 1) * (totalScore + 1.0);
    if (cellsNeeded > static_cast<double>(cellLimit))
        return missingPValue(PValueMethod::HothornLausen, PValueStatus::NotComputed);
    const auto total = static_cast<std::size_t>(totalScore);
    const std::size_t width = total + 1;

    // probability[k][s]: the probability that k rows drawn without replacement have score
    // sum s, for k <= n/2 (a larger group is the complement of a smaller one). Adding row
    // t to the first t - 1 rows gives P_t[k][s] = (t - k)/t P_{t-1}[k][s]
    // + k/t P_{t-1}[k - 1][s - z_t]: the subset-count recursion of the shift algorithm
    // divided by choose(t, k), so every entry stays in [0, 1] where maxstat's counts times
    // k! (n - k)! overflow above 170 rows.
    //
    // The rows are added in descending score order. Then k of the first t rows sum to at
    // least the sum of the last k added and at most the sum of the first k, so only that
    // band of each table row is updated. The result does not depend on the order.
    std::vector<std::size_t> descending = shifted;
    std::sort(descending.begin(), descending.end(), std::greater<>());
    std::vector<std::size_t> prefix(n + 1, 0);
    for (std::size_t t = 0; t < n; ++t)
        prefix[t + 1] = prefix[t] + descending[t];

    std::vector<double> probability((half + 1) * width, 0.0);
    probability[0] = 1.0;
    for (std::size_t t = 1; t <= n; ++t) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
            return missingPValue(PValueMethod::HothornLausen, PValueStatus::Cancelled);
        const std::size_t z = descending[t - 1];
        const double td = static_cast<double>(t);
        for (std::size_t k = std::min(t, half); k >= 1; --k) {
            const double keep = static_cast<double>(t - k) / td;
            const double add = static_cast<double>(k) / td;
            double* row = &probability[k * width];
            const double* shorter = &probability[(k - 1) * width];
            const std::size_t lowest = prefix[t] - prefix[t - k];
            const std::size_t highest = prefix[k];
            std::size_t s = lowest;
            for (; s <= highest && s < z; ++s)
                row[s] *= keep;
            for (; s <= highest; ++s)
                row[s] = keep * row[s] + add * shorter[s - z];
        }
    }
    const auto probabilityAt = [&](std::size_t m, std::size_t s) {
        return m <= half ? probability[m * width + s] : probability[(n - m) * width + (total - s)];
    };

    std::vector<double> mean(n), deviation(n);
    for (std::size_t m = 1; m < n; ++m) {
        mean[m] = permutationMean(m, n, totalScore);
        deviation[m] = std::sqrt(permutationVariance(m, n, spread));
    }
    // A cell counts when its group sum is possible and its statistic exceeds the observed
    // maximum strictly. maxstat leaves out the column of sum 0, and so does this test.
    const auto exceeds = [&](std::size_t m, std::size_t s) {
        return s >= 1 && s <= total && probabilityAt(m, s) > 0.0
            && std::fabs((static_cast<double>(s) - mean[m]) / deviation[m]) > statistic;
    };

    if (lowerGroupSizes.size() == 1) {
        // One candidate: the exact two-sided permutation p-value of its score sum
        // (exactRankTests pperm, alternative "two.sided"), sums at least as far from the
        // mean as the observed one on either side.
        const std::size_t m = lowerGroupSizes.front();
        const double observed = statistic * deviation[m] + mean[m];
        const double distance = std::fabs(observed - mean[m]);
        if (distance == 0.0)
            return makePValue(PValueMethod::HothornLausen, 1.0);
        long double p = 0.0L;
        for (std::size_t s = 0; s <= total; ++s) {
            const double centred = static_cast<double>(s) - mean[m];
            if (centred <= -distance || centred >= distance)
                p += probabilityAt(m, s);
        }
        return makePValue(PValueMethod::HothornLausen, std::min(1.0, static_cast<double>(p)));
    }

    // maxstat's bound is the sum over candidates m of P(statistic at m exceeds M). For m
    // after the first candidate, it subtracts the permutations that exceed at m - 1 and,
    // whatever row comes next, also at m (an improved Bonferroni inequality). maxstat
    // does so for consecutive group sizes m - 1, m even where tied marker values leave
    // m - 1 out of the candidates, and this loop follows it.
    const std::size_t firstCandidate = lowerGroupSizes.front();
    std::vector<long double> exceedMass(n + 1, 0.0L);
    for (std::size_t m = firstCandidate; m < n; ++m) {
        for (std::size_t s = 1; s <= total; ++s) {
            if (exceeds(m, s))
                exceedMass[m] += probabilityAt(m, s);
        }
    }
    for (std::size_t i = firstCandidate; i + 2 <= n; ++i) {
        long double overlap = 0.0L;
        for (std::size_t s = 1; s <= total; ++s) {
            if (!exceeds(i, s))
                continue;
            const double centred = static_cast<double>(s) - mean[i];
            // Below the mean, the largest score added next moves the sum least far back;
            // above it, the smallest (0). A target sum beyond the table makes maxstat stop
            // with an error; here it counts as not exceeding, which keeps the bound valid.
            if (centred < 0.0) {
                if (s + maxShifted <= total && exceeds(i + 1, s + maxShifted))
                    overlap += probabilityAt(i, s);
            } else if (centred > 0.0) {
                if (exceeds(i + 1, s))
                    overlap += probabilityAt(i, s);
            }
        }
        exceedMass[i + 1] -= overlap;
    }
    long double p = 0.0L;
    for (const std::size_t m : lowerGroupSizes)
        p += exceedMass[m];
    return makePValue(PValueMethod::HothornLausen, std::min(1.0, static_cast<double>(p)));
}

std::vector<double> inMarkerOrder(const MarkerSurvival& data, std::span<const double> scoresInTimeOrder)
{
    std::vector<double> ordered(data.size());
    for (std::size_t k = 0; k < data.size(); ++k)
        ordered[k] = scoresInTimeOrder[data.markerOrder[k]];
    return ordered;
}

MaxstatResult maxstatTest(const MarkerSurvival& data, const MaxstatOptions& options)
{
    MaxstatResult result;
    result.n = data.size();
    result.candidates = candidateSplits(data, options.minProportion, options.maxProportion);
    result.lausen92 = missingPValue(PValueMethod::Lausen92, PValueStatus::NotApplicable);
    result.lausen94 = missingPValue(PValueMethod::Lausen94, PValueStatus::NotApplicable);
    result.hothornLausen = missingPValue(PValueMethod::HothornLausen, PValueStatus::NotApplicable);
    result.status = result.candidates.status;
    if (result.status != CutoffStatus::Ok)
        return result;
    if (std::none_of(data.event.begin(), data.event.end(), [](std::uint8_t e) { return e != 0; })) {
        result.status = CutoffStatus::NoEvents;
        return result;
    }

    const std::vector<double> scores = maxstatLogRankScores(data.time, data.event);
    std::vector<double> statistics = standardizedStatistics(inMarkerOrder(data, scores),
                                                            result.candidates.lowerGroupSizes);
    if (statistics.empty()) {
        result.status = CutoffStatus::ConstantScores;
        return result;
    }
    result.logRank = profileOf(result.candidates, std::move(statistics), result.n);
    result.lausen92 = lausen92PValue(result.logRank.statistic, options.minProportion, options.maxProportion);
    result.lausen94 = lausen94PValue(result.logRank.statistic, result.n, result.candidates.lowerGroupSizes);

    if (!options.hothornLausen)
        return result;
    const IntegerScores integer = maxstatIntegerScores(scores);
    result.integerScoreRule = integer.rule;
    std::vector<double> integerStatistics = standardizedStatistics(inMarkerOrder(data, integer.values),
                                                                   result.candidates.lowerGroupSizes);
    if (integerStatistics.empty())
        return result;
    result.integerScores = profileOf(result.candidates, std::move(integerStatistics), result.n);
    result.hothornLausen = hothornLausenPValue(result.integerScores.statistic, integer.values,
                                               result.candidates.lowerGroupSizes,
                                               options.hothornLausenCellLimit, options.cancel);
    return result;
}

} // namespace cutofflab
