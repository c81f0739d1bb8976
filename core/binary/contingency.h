#pragma once

#include "binary/proportion.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <vector>

namespace cutofflab {

/// A table of counts, rows x columns, stored row by row. In a response table the rows
/// are the groups (high first, then low; or score 0, 1, 2) and the columns are
/// (positive, negative).
struct CountTable {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<std::int64_t> counts;   ///< counts[r * columns + c]

    CountTable() = default;
    CountTable(std::size_t rowCount, std::size_t columnCount)
        : rows(rowCount), columns(columnCount), counts(rowCount * columnCount, 0) {}

    /// Builds a table from nested lists, one inner list per row; throws InputError when
    /// the rows differ in length.
    static CountTable fromRows(std::initializer_list<std::initializer_list<std::int64_t>> cells);

    std::int64_t at(std::size_t row, std::size_t column) const { return counts[row * columns + column]; }
    std::int64_t& at(std::size_t row, std::size_t column) { return counts[row * columns + column]; }

    std::int64_t rowTotal(std::size_t row) const;
    std::int64_t columnTotal(std::size_t column) const;
    std::int64_t total() const;
};

/// Counts the pairs (rowIndex[i], columnIndex[i]) into a rows x columns table. A negative
/// index on either side (kNoGroup, a missing outcome) leaves that pair out. Throws
/// InputError when the spans differ in length or an index is not below rows or columns.
CountTable crossTabulate(std::span<const int> rowIndex, std::span<const int> columnIndex,
                         std::size_t rows, std::size_t columns);

/// Status of a chi-square test: anything but Ok leaves the statistic and p empty.
enum class ChiSquareStatus {
    Ok,
    ZeroMargin,   ///< a row or column total is 0, so an expected count is 0; R returns NaN
    EmptyTable    ///< every count is 0; R stops: "at least one entry of 'x' must be positive"
};

/// Pearson's chi-square test of independence as R's chisq.test(x, correct) computes it.
struct ChiSquareTest {
    ChiSquareStatus status = ChiSquareStatus::Ok;
    /// The amount subtracted from every |observed - expected|: min(0.5, min |O - E|) for
    /// a 2 x 2 table with Yates' correction requested, else 0 (R's YATES).
    double continuityCorrection = 0.0;
    std::optional<double> statistic;   ///< empty unless status is Ok
    int df = 0;                        ///< (rows - 1) (columns - 1)
    std::optional<double> p;           ///< upper chi-square tail; empty unless status is Ok
    std::vector<double> expected;      ///< row total x column total / n, row by row (empty for EmptyTable)
    /// True when an expected count is below 5, where R warns "Chi-squared approximation
    /// may be incorrect" (a zero expected count included).
    bool lowExpectedCount = false;
};

/// Computes Pearson's chi-square test of independence (R: chisq.test(table, correct)).
/// Yates' continuity correction applies to 2 x 2 tables only, as in R, and subtracts
/// the single value min(0.5, min over cells |O - E|) from every |O - E|.
/// Preconditions: at least 2 rows and 2 columns, counts non-negative; else InputError.
ChiSquareTest pearsonChiSquare(const CountTable& table, bool yatesCorrection);

/// Conditional maximum likelihood estimate of the odds ratio of a 2 x 2 table with its
/// exact confidence interval, the quantities R's fisher.test() reports.
struct ConditionalOddsRatio {
    /// Odds of column 1 in row 1 divided by odds of column 1 in row 2. 0 when the
    /// top-left count is the smallest the margins allow, +Inf when it is the largest
    /// (R checks "smallest" first), else the root of E[X | margins, odds ratio] = x.
    double estimate = 1.0;
    double lower = 0.0;   ///< 0 when the top-left count is the smallest the margins allow
    double upper = 0.0;   ///< +Inf when it is the largest the margins allow
    double confLevel = 0.95;
    /// False when the margins allow one table only (a zero row or column total): the
    /// data carry no information on the odds ratio. The values are then R's 0 and [0, Inf].
    bool estimable = true;
};

/// Status of Fisher's exact test: anything but Ok leaves the p-value empty.
enum class FisherStatus {
    Ok,
    TooManyTables,   ///< the search over tables with these margins exceeded its step limit
    EmptyTable       ///< every count is 0
};

/// Fisher's exact test of independence with R's two-sided p-value.
struct FisherTest {
    FisherStatus status = FisherStatus::Ok;
    std::optional<double> p;                    ///< empty unless status is Ok
    std::optional<ConditionalOddsRatio> oddsRatio;   ///< 2 x 2 tables only
};

/// Computes Fisher's exact test (R: fisher.test(table, conf.level)).
///
/// Two-sided p-value, as R defines it: the sum of the probabilities of all tables with
/// the observed margins whose probability is at most the observed table's probability
/// times 1 + 1e-7 (the factor absorbs rounding between mathematically equal
/// probabilities). For 2 x 2 tables the probabilities are the hypergeometric ones R uses.
/// Larger tables use the network algorithm (Mehta C. R., Patel N. R., J Am Stat Assoc
/// 1983;78:427-434), as R's FEXACT does. maxSteps bounds its work: one step per partial
/// table reached, plus one per path carried on. Beyond it the result has status
/// TooManyTables and no p-value. A 2 x 2 table never needs the limit. Measured with -O2
/// on one core of a 2-core VM: a 4 x 3 table of 418 patients takes about 0.4 s, a 4 x 4
/// table of 103 patients 0.06 s; R 4.2.2 rejects both with its default workspace.
///
/// For 2 x 2 tables also the conditional maximum likelihood odds ratio and its exact
/// two-sided interval (Cornfield's method, as fisher.test): the lower limit solves
/// P(X >= x | odds ratio) = alpha / 2 and the upper limit P(X <= x | odds ratio) =
/// alpha / 2, with X the top-left count under Fisher's noncentral hypergeometric
/// distribution. R solves these with uniroot() at its default tolerance (about 1e-4
/// relative); here they are solved on the log odds ratio scale to about 1e-14
/// relative, so R's printed values agree to about 1e-4 only.
///
/// Preconditions: at least 2 rows and 2 columns, non-negative counts, 0 < confLevel < 1;
/// else InputError.
FisherTest fisherExact(const CountTable& table, double confLevel = 0.95,
                       std::uint64_t maxSteps = 50'000'000);

/// The sample odds ratio (a d) / (b c) of a 2 x 2 table with first row (a, b). +Inf
/// when only b c is 0; empty when both a d and b c are 0 (R's NaN). Throws InputError
/// for a table that is not 2 x 2.
std::optional<double> sampleOddsRatio(const CountTable& table);

/// A response table: one row per group, columns (positive, negative), with the tests
/// R's chisq.test() and fisher.test() give.
struct ResponseTableAnalysis {
    CountTable table;
    /// Per row: positives / row total with the Clopper-Pearson interval (R: binom.test).
    std::vector<ProportionEstimate> positiveRate;
    ChiSquareTest chiSquare;                      ///< without continuity correction
    std::optional<ChiSquareTest> chiSquareYates;  ///< 2 x 2 tables only
    std::optional<double> sampleOddsRatio;        ///< 2 x 2 tables only, see sampleOddsRatio()
    FisherTest fisher;
};

/// Analyses a groups x (positive, negative) table. Preconditions: 2 columns, at least
/// 2 rows, non-negative counts, 0 < confLevel < 1; else InputError.
ResponseTableAnalysis analyzeResponseTable(const CountTable& table, double confLevel = 0.95);

} // namespace cutofflab
