#pragma once

// Log-rank tests equal to R's survival package (version 3.5-3): survdiff(Surv(time,
// event) ~ group, rho = ...), and the log-rank test for trend across ordered groups
// built from survdiff's observed, expected and variance.

#include "survival/survdata.h"

#include <Eigen/Core>

#include <span>
#include <vector>

namespace cutofflab {

/// Outcome of a test. Only Ok carries a statistic. Otherwise chisq is 0, df 0 and p 1,
/// and the UI words the status.
enum class TestStatus {
    Ok,
    /// Fewer than two groups have rows. R's survdiff stops with "There is only 1 group".
    FewerThanTwoGroups,
    /// No row has an event. R's survdiff reports chi-square 0 on -1 degrees of freedom
    /// and p = NaN.
    NoEvents,
    /// Events happened, but fewer than two groups had anyone at risk at an event time
    /// (every other group's expected count is 0). R reports chi-square 0 on 0 degrees
    /// of freedom, p = 1.
    FewerThanTwoGroupsAtRisk,
    /// The variance matrix of the compared groups is singular, for example when all
    /// deaths happen at times where everyone at risk dies, or, for the trend test, when
    /// the scores of the groups at risk are all equal. R's survdiff stops in solve()
    /// ("system is exactly singular").
    SingularVariance
};

/// Result of survdiff. Vectors and the variance matrix are indexed by position in
/// `groups`, the ids of the groups that have rows (R drops empty groups).
struct LogRankResult {
    TestStatus status = TestStatus::Ok;
    double rho = 0;
    std::vector<int> groups;           ///< ids of the non-empty groups, ascending
    std::vector<int> n;                ///< rows per group
    std::vector<double> observed;      ///< sum over event times of w(t) d_j(t)
    std::vector<double> expected;      ///< sum over event times of w(t) d(t) n_j(t) / n(t)
    /// Covariance of observed - expected: sum over event times of
    /// w(t)^2 d (n - d) / (n - 1) (n_j/n) (delta_jk - n_k/n), the hypergeometric variance
    /// (a time with n = 1 adds 0).
    Eigen::MatrixXd variance;
    double chisq = 0;
    int df = 0;
    double p = 1;
};

/// Computes the log-rank test (rho = 0) or the Harrington-Fleming G-rho test (rho > 0,
/// where rho = 1 is the Peto-Peto modification of the Gehan-Wilcoxon test), as R's
/// survdiff.
///
/// data: sorted survival data (SortedSurvival invariants). group: each sorted row's
/// group, 0 .. groupCount-1, or kNoGroup to leave the row out. Each event time t gets
/// the weight w(t) = S(t-)^rho, with S the Kaplan-Meier estimate of the pooled rows that
/// have a group. The chi-square uses the groups whose expected count is above 0: with U
/// their observed - expected and V their variance, both without the first such group,
/// chisq = U' V^-1 U on (number of such groups - 1) degrees of freedom; p is its upper
/// chi-square tail, computed directly.
///
/// One pass over the data: O(n + T G^2) time for T distinct times and G groups.
/// Throws InputError for invalid group arguments or rho that is negative or not finite.
/// Degenerate data give a status (see TestStatus) with groups and n filled in. Observed,
/// expected and variance are filled as well, except with FewerThanTwoGroups.
LogRankResult logRank(const SortedSurvival& data, std::span<const int> group, int groupCount,
                      double rho = 0.0);

/// Result of the test for trend. statistic = (c'U)^2 / (c'Vc) on 1 degree of freedom,
/// z = c'U / sqrt(c'Vc), p = two-sided normal p-value of z (the chi-square upper tail).
/// z > 0 means more events than expected in groups with higher scores.
struct TrendTestResult {
    TestStatus status = TestStatus::Ok;
    std::vector<double> scores;   ///< the score of each group id, as given
    double statistic = 0;
    double z = 0;
    double p = 1;
};

/// Computes the log-rank test for trend across ordered groups (for example the 0/1/2
/// score of two markers). With U = observed - expected and V the variance of survdiff
/// (see logRank, with the same weights when rho > 0) and c the groups' scores, the
/// statistic is (c'U)^2 / (c'Vc) on 1 degree of freedom. Adding a constant to every
/// score or scaling the scores leaves it unchanged, because the entries of U and the
/// rows of V sum to 0. Without tied event times it equals the score test of
/// coxph(Surv ~ score) (checked with R survival 3.5-3). With ties it keeps survdiff's
/// hypergeometric variance, which coxph's Breslow and Efron score tests do not use.
///
/// scores has one finite score per group id (groupCount entries). Throws InputError
/// when it does not, or for invalid group arguments. Status as logRank, plus
/// SingularVariance when c'Vc = 0.
TrendTestResult logRankTrend(const SortedSurvival& data, std::span<const int> group, int groupCount,
                             std::span<const double> scores, double rho = 0.0);

} // namespace cutofflab
