#pragma once

#include "binary/contingency.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cutofflab {

/// Descriptive statistics of one numeric variable, as R's summary functions give them.
struct NumericSummary {
    std::size_t n = 0;         ///< non-missing values
    std::size_t missing = 0;   ///< missing values (empty optional or NaN)
    std::optional<double> mean;     ///< empty when n = 0
    std::optional<double> sd;       ///< n - 1 denominator; empty when n < 2 (R: NA)
    std::optional<double> min;
    std::optional<double> q1;       ///< quantile type 7 at 0.25
    std::optional<double> median;
    std::optional<double> q3;       ///< quantile type 7 at 0.75
    std::optional<double> max;
};

/// Summarises values; an empty optional or NaN counts as missing. Throws InputError for
/// an infinite value.
NumericSummary summarizeNumeric(std::span<const std::optional<double>> values);
NumericSummary summarizeNumeric(std::span<const double> values);

/// R's default quantile (type 7, Hyndman and Fan 1996): with h = 1 + (n - 1) p, the
/// order statistic at floor(h) plus (h - floor(h)) times the step to the next one.
/// Preconditions: sorted ascending, not empty, no NaN, 0 <= p <= 1.
double quantileType7(std::span<const double> sorted, double probability);

/// Status of a t-test: anything but Ok is one of the errors R's t.test() stops with.
enum class TTestStatus {
    Ok,
    NotEnoughX,             ///< "not enough 'x' observations": x has < 2 values (Welch) or none (Student)
    NotEnoughY,             ///< "not enough 'y' observations": likewise for y
    NotEnoughObservations,  ///< "not enough observations": Student with fewer than 3 values in all
    ConstantData            ///< "data are essentially constant": standard error ~ 0
};

/// R's stop() message for a t-test status; empty for Ok.
std::string_view rMessage(TTestStatus status);

/// Two-sample t-test of mean(x) - mean(y), as R's t.test(x, y, var.equal).
struct TTest {
    TTestStatus status = TTestStatus::Ok;
    bool equalVariance = false;    ///< true: Student's pooled test; false: Welch's
    std::size_t nX = 0;
    std::size_t nY = 0;
    std::optional<double> meanX;
    std::optional<double> meanY;
    std::optional<double> difference;   ///< mean(x) - mean(y)
    std::optional<double> t;            ///< empty unless status is Ok
    std::optional<double> df;           ///< Welch-Satterthwaite or nX + nY - 2
    std::optional<double> p;            ///< two-sided, 2 P(T >= |t|)
    std::optional<double> lower;        ///< confidence interval of the difference
    std::optional<double> upper;
    double confLevel = 0.95;
};

/// Compares the means of x and y (R: t.test(x, y, var.equal = equalVariance)). Student
/// (1908) pools the variances with df = nX + nY - 2; Welch (1947) uses
/// se = sqrt(vX/nX + vY/nY) and the Welch-Satterthwaite df. The interval is
/// difference -/+ qt((1 + confLevel) / 2, df) se. NaN values are missing and left out,
/// as R's na.rm. Throws InputError for an infinite value or confLevel outside (0, 1);
/// too few values give a status, not an exception.
TTest tTest(std::span<const double> x, std::span<const double> y, bool equalVariance, double confLevel = 0.95);

/// Method of a Wilcoxon rank-sum p-value.
enum class WilcoxonMethod {
    Exact,                ///< exact null distribution of W (both groups < 50, no ties)
    NormalApproximation   ///< normal approximation with tie correction and continuity correction
};

/// Status of a Wilcoxon rank-sum test: anything but Ok leaves W and p empty.
enum class WilcoxonStatus {
    Ok,
    NotEnoughX,   ///< x has no values: R stops with "not enough (non-missing) 'x' observations"
    NotEnoughY,   ///< y has no values: R stops with "not enough 'y' observations"
    AllTied       ///< every value is the same, so the normal approximation has variance 0 (R: NaN)
};

/// Wilcoxon rank-sum (Mann-Whitney) test, as R's wilcox.test(x, y) with its defaults.
struct WilcoxonTest {
    WilcoxonStatus status = WilcoxonStatus::Ok;
    WilcoxonMethod method = WilcoxonMethod::Exact;
    bool ties = false;                  ///< some values are tied (then R cannot use the exact test)
    std::size_t nX = 0;
    std::size_t nY = 0;
    std::optional<double> statistic;    ///< W = sum of the ranks of x - nX (nX + 1) / 2
    std::optional<double> p;            ///< two-sided
};

/// Runs the two-sided Wilcoxon rank-sum test of x against y with R's rules: the exact
/// distribution of W when nX < 50, nY < 50 and no value is tied, with
/// p = min(1, 2 P(W <= w)) or min(1, 2 P(W >= w)) on the side of the observed w;
/// otherwise z = (W - nX nY / 2 - sign * 0.5) / sigma with the tie-corrected
/// sigma^2 = nX nY / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))), p = 2 P(Z >= |z|).
/// Ranks compare values exactly. NaN values are missing and left out. Throws InputError
/// for an infinite value.
WilcoxonTest wilcoxonRankSum(std::span<const double> x, std::span<const double> y);

/// Status of a k-group test: anything but Ok leaves the statistic and p empty.
enum class GroupTestStatus {
    Ok,
    NotEnoughGroups,         ///< fewer than 2 groups have values
    NotEnoughObservations,   ///< ANOVA: a group has fewer than 2 values; Kruskal-Wallis: fewer than 2 values in all
    NoVariation              ///< all values tied (Kruskal-Wallis) or no variance within groups (ANOVA)
};

/// A test of k groups with a chi-square or F statistic.
struct GroupTest {
    GroupTestStatus status = GroupTestStatus::Ok;
    std::optional<double> statistic;
    double df1 = 0.0;
    double df2 = 0.0;   ///< denominator df of an F statistic; 0 for chi-square
    std::optional<double> p;
};

/// Kruskal-Wallis rank-sum test (R: kruskal.test(values, group)): chi-square statistic
/// with tie correction, df = groups with values - 1. Entries with group < 0 or a NaN
/// value are left out. Throws InputError for spans of different length or infinite values.
GroupTest kruskalWallis(std::span<const double> values, std::span<const int> group);

/// One-way analysis of variance with equal variances (R: oneway.test(values ~ group,
/// var.equal = TRUE)): F with df (k - 1, n - k) over the groups with values. Same inputs
/// as kruskalWallis().
GroupTest oneWayAnova(std::span<const double> values, std::span<const int> group);

/// Test reported by a categorical comparison.
enum class CategoricalTestUsed {
    None,         ///< fewer than 2 groups or 2 categories have data: no test
    ChiSquare,    ///< Pearson's chi-square (R: chisq.test(), Yates' correction for 2 x 2)
    FisherExact   ///< Fisher's exact test, chosen because an expected count is below 5
};

/// Counts of a categorical variable per group.
struct CategoricalComparison {
    std::vector<std::string> levels;   ///< category labels, in table row order
    CountTable counts;                 ///< levels x groups
    std::vector<std::int64_t> overallCounts;   ///< per level, all groups together
    std::vector<std::int64_t> nonMissing;      ///< per group: the denominator of its percentages
    std::vector<std::int64_t> missing;         ///< per group
    std::int64_t missingOverall = 0;
    /// The tests run on the levels and groups that have at least one count, as R's
    /// table() of factors without unused levels.
    std::optional<ChiSquareTest> chiSquare;
    std::optional<FisherTest> fisher;
    CategoricalTestUsed testUsed = CategoricalTestUsed::None;
    std::optional<double> p;   ///< p-value of testUsed
};

/// Per-group counts of a categorical variable with the chi-square test (R's default,
/// Yates' correction for 2 x 2) or Fisher's exact test when an expected count is below
/// 5. group contains 0 .. groupCount - 1 per row, or a negative value for a row outside
/// every group (left out). An empty optional or empty label is missing. levelOrder, when
/// given, fixes the row order and must list every label present; otherwise labels are
/// sorted numerically when all are numbers, else case-insensitively (close to R's
/// factor() in an English locale). Throws InputError for spans of different length, a
/// group index >= groupCount or a label missing from levelOrder.
CategoricalComparison compareCategories(std::span<const int> group, int groupCount,
                                        std::span<const std::optional<std::string>> labels,
                                        std::span<const std::string> levelOrder = {},
                                        double confLevel = 0.95);

/// One row of a baseline table: a covariate described overall and per group, with the
/// tests that compare the groups.
struct BaselineRow {
    std::string variable;
    bool numeric = true;
    int groupCount = 0;

    // Numeric covariates.
    NumericSummary overall;                 ///< rows of every group together
    std::vector<NumericSummary> perGroup;   ///< index = group
    std::optional<TTest> welch;             ///< 2 groups: x = group 1, y = group 0
    std::optional<TTest> student;           ///< 2 groups
    std::optional<WilcoxonTest> wilcoxon;   ///< 2 groups: x = group 1, y = group 0
    std::optional<GroupTest> anova;         ///< 3 or more groups
    std::optional<GroupTest> kruskal;       ///< 3 or more groups

    // Categorical covariates.
    std::optional<CategoricalComparison> categorical;
};

/// Builds the baseline-table row of a numeric covariate. group contains 0 .. groupCount - 1
/// per row (for a cut-off: 0 low, 1 high, so differences are high - low), or a negative
/// value for a row outside every group. values contains the covariate per row, empty when
/// missing. groupCount must be at least 2. Throws InputError for spans of different
/// length, a group index >= groupCount or an infinite value.
BaselineRow baselineNumericRow(const std::string& variable, std::span<const int> group, int groupCount,
                               std::span<const std::optional<double>> values, double confLevel = 0.95);

/// Builds the baseline-table row of a categorical covariate; see compareCategories().
BaselineRow baselineCategoricalRow(const std::string& variable, std::span<const int> group, int groupCount,
                                   std::span<const std::optional<std::string>> labels,
                                   std::span<const std::string> levelOrder = {}, double confLevel = 0.95);

} // namespace cutofflab
