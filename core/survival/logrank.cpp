#include "survival/logrank.h"

#include "common/distributions.h"
#include "common/error.h"
#include "survival/groupargs.h"

#include <Eigen/LU>

#include <array>
#include <cmath>
#include <string>
#include <type_traits>

namespace cutofflab {

namespace {

void checkRho(double rho)
{
    if (!(std::isfinite(rho) && rho >= 0.0))
        throw InputError("The log-rank weight exponent rho is " + std::to_string(rho)
                             + "; it must be 0 (log-rank) or a positive number (1 = Peto-Peto).",
                         {std::nullopt, "rho", std::to_string(rho)});
}

/// Sums of survdiff over the event times, per slot (position among the non-empty groups).
struct LogRankSums {
    std::vector<double> observed;
    std::vector<double> expected;
    std::vector<double> variance;   // row-major, upper triangle filled
};

/// One pass over the sorted rows accumulating observed, expected and variance. With
/// FixedCount > 0 the number of groups is a compile-time constant, so that the per-time
/// loops unroll and the counts stay in registers (the common two- and three-group
/// cases); FixedCount = 0 handles any number.
template <std::size_t FixedCount>
void accumulateSums(const SortedSurvival& data, std::span<const int> group, const std::vector<std::size_t>& slotOf,
                    const std::vector<int>& groupSizes, double rho, LogRankSums& sums)
{
    using Counts = std::conditional_t<FixedCount == 0, std::vector<long long>, std::array<long long, FixedCount + 1>>;
    const std::size_t groupCount = FixedCount == 0 ? groupSizes.size() : FixedCount;

    // Slot groupCount collects the kNoGroup rows, so the row loop needs no branch.
    Counts atRisk{};
    Counts deaths{};     // d_j(t), per slot
    Counts leaving{};    // rows at t, per slot
    if constexpr (FixedCount == 0) {
        atRisk.assign(groupCount + 1, 0);
        deaths.assign(groupCount + 1, 0);
        leaving.assign(groupCount + 1, 0);
    }
    long long pooledAtRisk = 0;
    for (std::size_t j = 0; j < groupCount; ++j) {
        atRisk[j] = groupSizes[j];
        pooledAtRisk += groupSizes[j];
    }

    sums.observed.assign(groupCount, 0.0);
    sums.expected.assign(groupCount, 0.0);
    sums.variance.assign(groupCount * groupCount, 0.0);
    double pooledSurvival = 1.0;   // S(t-) of the pooled rows, for the G-rho weight

    const std::size_t rowCount = data.size();
    std::size_t k = 0;
    // Once no grouped row is at risk, the remaining rows are all kNoGroup.
    while (k < rowCount && pooledAtRisk > 0) {
        // Rows tied at one time: count deaths and rows per slot.
        const double t = data.time[k];
        for (; k < rowCount && data.time[k] == t; ++k) {
            const std::size_t slot = slotOf[static_cast<std::size_t>(group[k] + 1)];
            deaths[slot] += data.event[k];
            ++leaving[slot];
        }

        long long blockDeaths = 0;
        for (std::size_t j = 0; j < groupCount; ++j)
            blockDeaths += deaths[j];

        // A time without deaths adds 0 to every sum below; it runs the same code, which
        // is cheaper than a branch that the data make unpredictable.
        const double n = static_cast<double>(pooledAtRisk);
        const double d = static_cast<double>(blockDeaths);
        const double weight = rho == 0.0 ? 1.0 : std::pow(pooledSurvival, rho);
        // Hypergeometric variance factor d (n - d) / (n - 1) / n^2, with the weight squared.
        const double factor = n > 1.0 ? weight * weight * d * (n - d) / ((n - 1.0) * n * n) : 0.0;
        const double expectedPerAtRisk = weight * d / n;
        for (std::size_t j = 0; j < groupCount; ++j) {
            const double nj = static_cast<double>(atRisk[j]);
            sums.observed[j] += weight * static_cast<double>(deaths[j]);
            sums.expected[j] += expectedPerAtRisk * nj;
            sums.variance[j * groupCount + j] += factor * nj * (n - nj);
            for (std::size_t m = j + 1; m < groupCount; ++m)
                sums.variance[j * groupCount + m] -= factor * nj * static_cast<double>(atRisk[m]);
        }
        pooledSurvival *= (n - d) / n;

        // The rows of this time leave the risk sets.
        for (std::size_t j = 0; j <= groupCount; ++j) {
            atRisk[j] -= leaving[j];
            leaving[j] = 0;
            deaths[j] = 0;
        }
        pooledAtRisk = 0;
        for (std::size_t j = 0; j < groupCount; ++j)
            pooledAtRisk += atRisk[j];
    }

}

/// Observed, expected and variance of survdiff over the non-empty groups, in one pass
/// over the sorted rows. Fills result.groups, n, observed, expected and variance.
void accumulate(const SortedSurvival& data, std::span<const int> group,
                const std::vector<int>& rowsPerGroup, double rho, LogRankResult& result)
{
    // Slot of each group id among the non-empty groups; kNoGroup rows go to an extra
    // slot at the end. slotOf[g + 1] is the slot of group g.
    std::vector<std::size_t> slotOf(rowsPerGroup.size() + 1);
    for (std::size_t g = 0; g < rowsPerGroup.size(); ++g) {
        if (rowsPerGroup[g] > 0) {
            slotOf[g + 1] = result.groups.size();
            result.groups.push_back(static_cast<int>(g));
            result.n.push_back(rowsPerGroup[g]);
        }
    }
    const std::size_t groupCount = result.groups.size();
    slotOf[0] = groupCount;

    LogRankSums sums;
    switch (groupCount) {
    case 2:
        accumulateSums<2>(data, group, slotOf, result.n, rho, sums);
        break;
    case 3:
        accumulateSums<3>(data, group, slotOf, result.n, rho, sums);
        break;
    default:
        accumulateSums<0>(data, group, slotOf, result.n, rho, sums);
        break;
    }

    Eigen::MatrixXd covariance(static_cast<Eigen::Index>(groupCount), static_cast<Eigen::Index>(groupCount));
    for (std::size_t j = 0; j < groupCount; ++j) {
        for (std::size_t m = j; m < groupCount; ++m) {
            const auto jj = static_cast<Eigen::Index>(j);
            const auto mm = static_cast<Eigen::Index>(m);
            covariance(jj, mm) = sums.variance[j * groupCount + m];
            covariance(mm, jj) = sums.variance[j * groupCount + m];
        }
    }
    result.observed = std::move(sums.observed);
    result.expected = std::move(sums.expected);
    result.variance = std::move(covariance);
}

/// Positions (in result.groups) of the groups R's survdiff keeps for the chi-square:
/// expected count above 0.
std::vector<Eigen::Index> groupsAtRisk(const LogRankResult& result)
{
    std::vector<Eigen::Index> kept;
    for (std::size_t j = 0; j < result.expected.size(); ++j)
        if (result.expected[j] > 0.0)
            kept.push_back(static_cast<Eigen::Index>(j));
    return kept;
}

} // namespace

LogRankResult logRank(const SortedSurvival& data, std::span<const int> group, int groupCount, double rho)
{
    checkRho(rho);
    const std::vector<int> rowsPerGroup = countRowsPerGroup(data, group, groupCount, "logRank");

    LogRankResult result;
    result.rho = rho;
    int nonEmpty = 0;
    for (int size : rowsPerGroup)
        nonEmpty += size > 0 ? 1 : 0;
    if (nonEmpty < 2) {
        for (std::size_t g = 0; g < rowsPerGroup.size(); ++g) {
            if (rowsPerGroup[g] > 0) {
                result.groups.push_back(static_cast<int>(g));
                result.n.push_back(rowsPerGroup[g]);
            }
        }
        result.status = TestStatus::FewerThanTwoGroups;
        return result;
    }

    accumulate(data, group, rowsPerGroup, rho, result);

    const std::vector<Eigen::Index> kept = groupsAtRisk(result);
    if (kept.empty()) {
        result.status = TestStatus::NoEvents;
        return result;
    }
    if (kept.size() < 2) {
        result.status = TestStatus::FewerThanTwoGroupsAtRisk;
        return result;
    }

    // As survdiff: drop the first kept group, because the kept U sum to 0 and V is singular.
    const auto m = static_cast<Eigen::Index>(kept.size()) - 1;
    Eigen::VectorXd u(m);
    Eigen::MatrixXd v(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
        const auto ja = static_cast<std::size_t>(kept[static_cast<std::size_t>(a + 1)]);
        u(a) = result.observed[ja] - result.expected[ja];
        for (Eigen::Index b = 0; b < m; ++b)
            v(a, b) = result.variance(kept[static_cast<std::size_t>(a + 1)],
                                      kept[static_cast<std::size_t>(b + 1)]);
    }
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(v);
    if (!lu.isInvertible()) {
        result.status = TestStatus::SingularVariance;
        return result;
    }
    result.chisq = u.dot(lu.solve(u));
    result.df = static_cast<int>(m);
    result.p = chiSquareUpperTail(result.chisq, result.df);
    return result;
}

TrendTestResult logRankTrend(const SortedSurvival& data, std::span<const int> group, int groupCount,
                             std::span<const double> scores, double rho)
{
    if (groupCount < 0 || scores.size() != static_cast<std::size_t>(groupCount))
        throw InputError("logRankTrend: " + std::to_string(scores.size()) + " scores for "
                         + std::to_string(groupCount) + " groups; give one score per group.");
    for (std::size_t g = 0; g < scores.size(); ++g) {
        if (!std::isfinite(scores[g]))
            throw InputError("logRankTrend: the score of group " + std::to_string(g) + " is "
                                 + std::to_string(scores[g]) + "; scores must be finite numbers.",
                             {std::nullopt, "score", std::to_string(scores[g])});
    }

    TrendTestResult trend;
    trend.scores.assign(scores.begin(), scores.end());

    const LogRankResult logrank = logRank(data, group, groupCount, rho);
    if (logrank.status == TestStatus::FewerThanTwoGroups || logrank.status == TestStatus::NoEvents
        || logrank.status == TestStatus::FewerThanTwoGroupsAtRisk) {
        trend.status = logrank.status;
        return trend;
    }

    // c'U and c'Vc over every non-empty group: a group with expected 0 has U = 0 and a
    // zero row in V, so it adds nothing.
    const auto size = static_cast<Eigen::Index>(logrank.groups.size());
    Eigen::VectorXd c(size);
    Eigen::VectorXd u(size);
    for (Eigen::Index j = 0; j < size; ++j) {
        const auto position = static_cast<std::size_t>(j);
        c(j) = scores[static_cast<std::size_t>(logrank.groups[position])];
        u(j) = logrank.observed[position] - logrank.expected[position];
    }
    const double score = c.dot(u);
    const double information = c.dot(logrank.variance * c);
    // Relative to the scale of the scores, c'Vc this small is rounding error of a zero.
    const double scale = c.cwiseAbs().maxCoeff();
    if (!(information > 1e-12 * scale * scale * logrank.variance.diagonal().cwiseAbs().maxCoeff())) {
        trend.status = TestStatus::SingularVariance;
        return trend;
    }

    trend.z = score / std::sqrt(information);
    trend.statistic = score * score / information;
    trend.p = chiSquareUpperTail(trend.statistic, 1.0);
    return trend;
}

} // namespace cutofflab
